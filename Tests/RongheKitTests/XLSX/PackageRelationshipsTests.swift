import Testing

@testable import RongheKit

@Suite struct PackageRelationshipsTests {
    @Test(arguments: [
        ("", "_rels/.rels"), ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"),
        ("workbook.xml", "_rels/workbook.xml.rels"), ("a/b/c.xml", "a/b/_rels/c.xml.rels"),
    ])
    func namesRelationshipsParts(source: String, part: String) {
        #expect(PackageRelationships.relationshipsPart(for: source) == part)
    }

    @Test(arguments: [
        ("worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("/xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("./sheet1.xml", "xl/workbook.xml", "xl/sheet1.xml"),
        ("../media/a.png", "xl/drawings/d.xml", "xl/media/a.png"),
        ("xl/workbook.xml", "", "xl/workbook.xml"),
        ("worksheets\\sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("worksheets/sheet%201.xml", "xl/workbook.xml", "xl/worksheets/sheet 1.xml"),
        ("worksheets//sheet1.xml#frag", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
    ])
    func resolvesTargets(target: String, source: String, resolved: String) {
        #expect(PackageRelationships.resolve(target, from: source) == resolved)
    }

    @Test(arguments: [
        ("../../etc/passwd", "xl/workbook.xml"), ("/../etc/passwd", "xl/workbook.xml"), ("../x.xml", ""),
        ("", "xl/workbook.xml"), ("..", "xl/workbook.xml"), ("%2e%2e/%2e%2e/etc/passwd", "xl/workbook.xml"),
    ])
    func refusesTargetsOutsideThePackage(target: String, source: String) {
        #expect(PackageRelationships.resolve(target, from: source) == nil)
    }

    @Test func refusesExternalTargetsAndAcceptsBothNamespaces() throws {
        let relationships = PackageRelationships(
            source: "xl/workbook.xml", part: "xl/_rels/workbook.xml.rels",
            relationships: [
                PackageRelationship(
                    id: "rId1", type: "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet",
                    target: "https://example.invalid/sheet.xml", isExternal: true),
            ])
        #expect(relationships.first(ofType: "worksheet")?.id == "rId1")
        #expect(relationships.first(ofType: "sheet") == nil)
        #expect(xlsxErrorText { _ = try relationships.resolve(relationships.relationships[0], path: "a.xlsx") }
            == "a.xlsx:xl/_rels/workbook.xml.rels: error: relationship rId1 points to an external resource "
            + "(\"https://example.invalid/sheet.xml\") instead of a part")
    }

    @Test func reportsRelationshipWithoutTarget() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook()
        package.set("_rels/.rels", """
            <Relationships xmlns="\(TestWorkbook.packageRelationshipNamespace)">
            <Relationship Id="rId1" Type="x/officeDocument"/></Relationships>
            """)
        let path = directory.path("rels.xlsx")
        try package.write(to: path)
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path):_rels/.rels:2:48: error: a relationship has no Id or Target")
    }
}
