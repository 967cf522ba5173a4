import Testing

@testable import RongheKit

@Suite struct CellFormatsTests {
    @Test(arguments: [
        "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "yyyy\\年m\\月d\\日", "[$-804]yyyy/m/d", "[DBNum1]m\"月\"d\"日\"",
        "h:mm", "[h]:mm:ss", "mm:ss.0", "d-mmm-yy", "m/d/yy h:mm;@", "YYYY/MM/DD",
    ])
    func recognisesDateCodes(code: String) {
        #expect(CellFormats.isDateFormatCode(code))
    }

    @Test(arguments: [
        "General", "0", "0.00", "#,##0.00", "0.00%", "0.00E+00", "\"days\"0", "[Red]0.00", "#,##0 \"元\"",
        "[$¥-804]#,##0.00", "@", "0_);(0)", "#,##0.00_);[Red](#,##0.00)", "\\d0", "*s0",
    ])
    func rejectsOtherCodes(code: String) {
        #expect(!CellFormats.isDateFormatCode(code))
    }

    @Test(arguments: [("0%", true), ("0.00%", true), ("#,##0.0%;[Red]-0.0%", true), ("0.00\"%\"", false),
                      ("0.00\\%", false), ("[%]0", false), ("0.00", false), ("General", false)])
    func recognisesPercentCodes(code: String, isPercent: Bool) {
        #expect(CellFormats.isPercentFormatCode(code) == isPercent)
    }

    @Test func builtInDateFormatIDs() {
        let dates = Set((0...200).filter { CellFormats.builtInDateFormatIDs.contains($0) })
        #expect(dates == Set(Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58)))
    }

    @Test func readsStylesPart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let styles = """
            <numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="14" formatCode="0.00"/>\
            <numFmt numFmtId="165" formatCode="yy/m"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>\
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/>\
            <xf numFmtId="31"/></cellXfs>
            """
        let path = directory.path("styles.xlsx")
        try TestWorkbook(styles: styles).write(to: path)
        let formats = try CellFormats.load(part: "xl/styles.xml", from: try ZipArchive(path: path))
        // A custom code overrides the built-in meaning of its id; cellStyleXfs are not cell styles.
        #expect(formats.dateStyles == [false, false, false, true, true])
        #expect(!formats.isDate(styleIndex: -1))
        #expect(!formats.isDate(styleIndex: 5))
        #expect(formats.isDate(styleIndex: 4))
    }
}
