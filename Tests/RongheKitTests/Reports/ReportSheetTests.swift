import Testing

@testable import RongheKit

@Suite struct ReportSheetTests {
    @Test func pageHeaderEscapesAmpersandsAndStaysShort() {
        #expect(ReportSheet.pageHeader(campaign: "R&D 评估", sheet: "排名") == "&LR&&D 评估&R排名")
        let long = ReportSheet.pageHeader(campaign: String(repeating: "&", count: 300), sheet: "Data quality")
        #expect(long.utf16.count <= 255)
        #expect(long.hasSuffix("&&&RData quality"))
        #expect(ReportSheet.pageFooter(ReportText(language: .zh)) == "&C第 &P 页，共 &N 页")
        #expect(ReportSheet.pageFooter(ReportText(language: .en)) == "&CPage &P of &N")
    }

    @Test func wrappedTextLines() {
        // 20 ideographs are 40 units: two lines in a 30-wide column, one in a 50-wide one.
        let text = String(repeating: "企", count: 20)
        #expect(ReportSheet.lineCount(text, width: 30) == 2)
        #expect(ReportSheet.lineCount(text, width: 50) == 1)
        #expect(ReportSheet.lineCount("a\nb\nc", width: 10) == 3)
        #expect(ReportSheet.height(lines: 1) == 18.5)
    }

    @Test func chineseOrdinals() {
        #expect([1, 2, 9, 10, 11, 20, 35, 99].map(ReportRecommendedSheet.chineseOrdinal) == ["一", "二", "九", "十", "十一", "二十", "三十五", "九十九"])
    }
}
