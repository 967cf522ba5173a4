import Testing

@testable import RongheKit

@Suite struct SharedStringTableTests {
    @Test(arguments: [
        ("plain", "plain"), ("a_x000D_b", "a\rb"), ("_x0009_", "\t"), ("_x005F_x000D_", "_x000D_"),
        ("_x00", "_x00"), ("_xZZZZ_", "_xZZZZ_"), ("snake_case", "snake_case"), ("_x4E2D_", "中"), ("", ""),
    ])
    func decodesEscapes(text: String, decoded: String) {
        #expect(SharedStringTable.decodeEscapes(text) == decoded)
    }

    @Test(arguments: [("12", "12"), (" 12\n", "12"), ("   ", ""), ("", ""), ("a b", "a b")])
    func trims(text: String, trimmed: String) {
        #expect(SharedStringTable.trimmed(text) == trimmed)
    }

    private func load(_ items: String, limits: XLSXLimits = .default) throws -> [String] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook(sharedStrings: [])
        package.set("xl/sharedStrings.xml", "<sst xmlns=\"\(TestWorkbook.mainNamespace)\" uniqueCount=\"999999999\">\(items)</sst>")
        let path = directory.path("strings.xlsx")
        try package.write(to: path)
        return try SharedStringTable.load(part: "xl/sharedStrings.xml", from: try ZipArchive(path: path, limits: limits)).strings
    }

    @Test func joinsRunsAndDropsPhoneticGuides() throws {
        let strings = try load("""
            <si><t>企业</t></si>\
            <si><r><t>两化</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 融合 </t></r><rPh sb="0" eb="1"><t>x</t></rPh>\
            <phoneticPr fontId="1"/></si>\
            <si><t/></si>\
            <si><t xml:space="preserve">  padded  </t></si>\
            <si><t>a&amp;b&lt;c</t></si>
            """)
        #expect(strings == ["企业", "两化 融合 ", "", "  padded  ", "a&b<c"])
    }

    @Test func enforcesLimits() throws {
        var limits = XLSXLimits()
        limits.maxSharedStringCount = 2
        let error = xlsxError { _ = try load("<si><t>a</t></si><si><t>b</t></si><si><t>c</t></si>", limits: limits) }
        #expect(error?.location == .part("xl/sharedStrings.xml"))
        #expect(error?.problem.message == "the workbook has more than 2 shared strings, the limit for one file")

        limits = XLSXLimits()
        limits.maxStringLength = 3
        let long = xlsxError { _ = try load("<si><r><t>ab</t></r><r><t>cd</t></r></si>", limits: limits) }
        #expect(long?.problem == .stringTooLong(limit: 3))
        if case .position(let part, let line, _)? = long?.location {
            #expect(part == "xl/sharedStrings.xml")
            #expect(line == 1)
        } else {
            Issue.record("expected a position in the part, got \(String(describing: long?.location))")
        }
    }
}
