import Foundation
import Testing

@testable import RongheKit

@Suite struct XMLPartParserTests {
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>
        """

    private let doctypeMessage =
        "error: the part contains a DOCTYPE declaration, which workbooks never use; refusing to read it for safety"

    /// A workbook whose cell A1 refers to shared string 0, with the shared-strings part replaced.
    private func workbook(sharedStrings text: String) -> TestWorkbook {
        var package = TestWorkbook(sheets: [("Sheet1", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")],
                                   sharedStrings: ["placeholder"])
        package.set("xl/sharedStrings.xml", text)
        return package
    }

    @Test func refusesBillionLaughsWithoutExpandingIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let reader = try workbook(sharedStrings: Self.billionLaughs).open(in: directory)
        #expect(xlsxErrorText { _ = try allRows(reader, "Sheet1") } == "\(reader.path):xl/sharedStrings.xml: \(doctypeMessage)")
    }

    @Test func refusesExternalEntity() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook()
        package.set("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- exported by an unknown tool -->
            <?some-instruction with="data"?>
            <!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <workbook xmlns="\(TestWorkbook.mainNamespace)" xmlns:r="\(TestWorkbook.relationshipNamespace)">\
            <sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        let path = directory.path("xxe.xlsx")
        try package.write(to: path)
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) } == "\(path):xl/workbook.xml: \(doctypeMessage)")
    }

    static func utf16LittleEndian(_ text: String) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    static func utf16BigEndian(_ text: String) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    }

    static let encodedDoctypes: [(String, [UInt8])] = [
        ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array("<!DOCTYPE sst><sst/>".utf8)),
        ("UTF-16 LE with BOM", [0xFF, 0xFE] + utf16LittleEndian("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE sst><sst/>")),
        ("UTF-16 BE without BOM", utf16BigEndian("<!DOCTYPE sst><sst/>")),
    ]

    @Test(arguments: encodedDoctypes)
    func refusesDoctypeInAnyEncoding(label: String, bytes: [UInt8]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let package = workbook(sharedStrings: "")
        let path = directory.path("encoded.xlsx")
        let writer = try ZipWriter(path: path)
        for part in package.parts where part.name != "xl/sharedStrings.xml" {
            try writer.addEntry(named: part.name, text: part.text)
        }
        try writer.addEntry(named: "xl/sharedStrings.xml", bytes: bytes)
        try writer.close()
        let reader = try XLSXReader(path: path)
        #expect(xlsxErrorText { _ = try allRows(reader, "Sheet1") } == "\(path):xl/sharedStrings.xml: \(doctypeMessage)",
                "\(label)")
    }

    @Test func reportsMalformedXMLWithLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook()
        package.set("xl/worksheets/sheet1.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="\(TestWorkbook.mainNamespace)"><sheetData>
            <row r="1"><c r="A1"><v>1</v></c></row>
            <row r="2"><c r="A2"><v>2</v></x></row>
            </sheetData></worksheet>
            """)
        let reader = try package.open(in: directory)
        var delivered: [Int] = []
        let message = xlsxErrorText { try reader.forEachRow(inSheet: "Sheet1") { delivered.append($0.number) } }
        // Line 4, just after the mismatched </x>.
        #expect(message == "\(reader.path):xl/worksheets/sheet1.xml:4:34: error: malformed XML: a closing tag does not "
            + "match the opening tag (parser error 76)")
        #expect(delivered == [1])
    }

    @Test func reportsTruncatedUndefinedEntityAndEmptyParts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook()
        package.set("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v>")
        var reader = try package.open(in: directory, as: "cut.xlsx")
        #expect(xlsxErrorText { _ = try allRows(reader, "Sheet1") }
            == "\(reader.path):xl/worksheets/sheet1.xml:1:52: error: malformed XML: the part ends too early (it may be "
            + "cut off) (parser error 5)")

        package.set("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>&nbsp;</v>")
        reader = try package.open(in: directory, as: "entity.xlsx")
        #expect(xlsxErrorText { _ = try allRows(reader, "Sheet1") }
            == "\(reader.path):xl/worksheets/sheet1.xml:1:61: error: malformed XML: reference to an undefined entity "
            + "(parser error 26)")

        package.set("xl/worksheets/sheet1.xml", "")
        reader = try package.open(in: directory, as: "empty.xlsx")
        #expect(xlsxErrorText { _ = try allRows(reader, "Sheet1") }
            == "\(reader.path):xl/worksheets/sheet1.xml: error: malformed XML: the part is empty")
    }

    @Test func ignoresNamespacePrefixes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook()
        package.set("xl/worksheets/sheet1.xml", """
            <x:worksheet xmlns:x="\(TestWorkbook.mainNamespace)"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr">\
            <x:is><x:t>前缀</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
            """)
        let reader = try package.open(in: directory)
        #expect(try allRows(reader, "Sheet1") == [
            SheetRow(number: 2, cells: [SheetCell(reference: CellReference("B2")!, value: .string("前缀"))]),
        ])
    }

    @Test func readsCDATAAsText() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let reader = try workbook(sharedStrings: """
            <sst xmlns="\(TestWorkbook.mainNamespace)"><si><t><![CDATA[a < b & c]]></t></si></sst>
            """).open(in: directory)
        #expect(try allRows(reader, "Sheet1").first?[1] == .string("a < b & c"))
    }

    @Test(arguments: [(5, "the part ends too early (it may be cut off) (parser error 5)"), (999, "parser error 999")])
    func describesParserErrors(code: Int, text: String) {
        #expect(XMLPartParser.describe(code) == text)
    }
}
