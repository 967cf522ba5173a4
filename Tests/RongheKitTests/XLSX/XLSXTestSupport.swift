import Foundation
import Testing

@testable import RongheKit

/// A fresh directory under the system temp folder; call ``remove()`` in a `defer`.

/// The path of a committed fixture in `Fixtures/xlsx/`.
func xlsxFixture(_ name: String, file: String = #filePath) -> String {
    URL(fileURLWithPath: file)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xlsx/\(name)")
        .path
}

/// Runs `body` and returns the `XLSXError` it throws, recording an issue if it throws nothing
/// or something else.
func xlsxError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> XLSXError? {
    do {
        try body()
        Issue.record("expected an XLSXError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as XLSXError {
        return error
    } catch {
        Issue.record("expected an XLSXError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// The text of the XLSXError `body` throws, or "" (with a recorded issue) if it throws none.
func xlsxErrorText(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    xlsxError(body, sourceLocation: sourceLocation)?.description ?? ""
}

/// Builds small `.xlsx` packages part by part, so tests can make well-formed and broken ones.
struct TestWorkbook {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Parts in writing order; later `set` calls replace earlier ones.
    private(set) var parts: [(name: String, text: String)] = []

    /// A workbook with these sheets (name and the XML inside `<sheetData>`), optional shared
    /// strings and optional `styles.xml` content.
    init(
        sheets: [(name: String, rows: String)] = [("Sheet1", "")],
        sharedStrings: [String]? = nil,
        styles: String? = nil,
        date1904: Bool = false
    ) {
        set("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        set("_rels/.rels", Self.relationships([
            ("rId1", "officeDocument", "xl/workbook.xml"),
        ]))
        let sheetList = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        set("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(Self.mainNamespace)" xmlns:r="\(Self.relationshipNamespace)">\
            \(date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>")<sheets>\(sheetList)</sheets></workbook>
            """)
        var workbookRelationships = sheets.indices.map { index in
            ("rId\(index + 1)", "worksheet", "worksheets/sheet\(index + 1).xml")
        }
        if let sharedStrings {
            workbookRelationships.append(("rIdStrings", "sharedStrings", "sharedStrings.xml"))
            let items = sharedStrings.map { "<si><t xml:space=\"preserve\">\(Self.escape($0))</t></si>" }.joined()
            set("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="\(Self.mainNamespace)" count="\(sharedStrings.count)" \
                uniqueCount="\(sharedStrings.count)">\(items)</sst>
                """)
        }
        if let styles {
            workbookRelationships.append(("rIdStyles", "styles", "styles.xml"))
            set("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="\(Self.mainNamespace)">\(styles)</styleSheet>
                """)
        }
        set("xl/_rels/workbook.xml.rels", Self.relationships(workbookRelationships))
        for (index, sheet) in sheets.enumerated() {
            set("xl/worksheets/sheet\(index + 1).xml", Self.sheet(sheet.rows))
        }
    }

    /// A worksheet part with these rows inside `<sheetData>`.
    static func sheet(_ rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)"><sheetData>\(rows)</sheetData></worksheet>
        """
    }

    /// A `.rels` part; types are the last segment of the relationship type URI.
    static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        let body = items.map {
            "<Relationship Id=\"\($0.id)\" Type=\"\(relationshipNamespace)/\($0.type)\" Target=\"\(escape($0.target))\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(packageRelationshipNamespace)">\(body)</Relationships>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Adds or replaces a part.
    mutating func set(_ name: String, _ text: String) {
        parts.removeAll { $0.name == name }
        parts.append((name, text))
    }

    /// Removes a part.
    mutating func remove(_ name: String) {
        parts.removeAll { $0.name == name }
    }

    /// Writes the package with ``ZipWriter``.
    func write(to path: String) throws {
        let writer = try ZipWriter(path: path)
        for part in parts {
            try writer.addEntry(named: part.name, text: part.text)
        }
        try writer.close()
    }

    /// Writes the package into `directory` as `name` and opens it.
    func open(in directory: TemporaryDirectory, as name: String = "book.xlsx", limits: XLSXLimits = .default) throws
        -> XLSXReader
    {
        let path = directory.path(name)
        try write(to: path)
        return try XLSXReader(path: path, limits: limits)
    }
}

/// Every row of a sheet, for small test sheets.
func allRows(_ reader: XLSXReader, _ sheet: String) throws -> [SheetRow] {
    var rows: [SheetRow] = []
    try reader.forEachRow(inSheet: sheet) { rows.append($0) }
    return rows
}

/// A minimal OLE2 compound file whose directory holds these stream names: header, one FAT
/// sector, one directory sector (four 128-byte entries per 512-byte sector).
func makeCompoundFile(streams: [String]) -> [UInt8] {
    precondition(streams.count <= 3, "one directory sector holds the root and three streams")
    func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
    var header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    header += [UInt8](repeating: 0, count: 16)  // CLSID
    header += le16(0x3E) + le16(3) + le16(0xFFFE) + le16(9) + le16(6)  // minor, major, byte order, shifts
    header += [UInt8](repeating: 0, count: 6) + le32(0)  // reserved, directory sector count
    header += le32(1) + le32(1) + le32(0)  // FAT sectors: 1; first directory sector: 1; transaction
    header += le32(4096) + le32(0xFFFF_FFFE) + le32(0)  // mini cutoff, mini FAT start, count
    header += le32(0xFFFF_FFFE) + le32(0)  // DIFAT start, count
    header += le32(0) + [UInt8](repeating: 0xFF, count: 108 * 4)  // DIFAT[0] = sector 0
    precondition(header.count == 512)
    var fat = le32(0xFFFF_FFFD) + le32(0xFFFF_FFFE)  // sector 0 is the FAT, sector 1 ends the directory
    fat += [UInt8](repeating: 0xFF, count: 512 - fat.count)
    func entry(_ name: String, type: UInt8) -> [UInt8] {
        var bytes = [UInt8]()
        for unit in name.utf16 { bytes += le16(unit) }
        let nameLength = UInt16(bytes.count + 2)
        bytes += [UInt8](repeating: 0, count: 64 - bytes.count)
        bytes += le16(nameLength) + [type, 1] + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF)
        bytes += [UInt8](repeating: 0, count: 128 - bytes.count)
        return bytes
    }
    var directory = entry("Root Entry", type: 5)
    for name in streams { directory += entry(name, type: 2) }
    directory += [UInt8](repeating: 0, count: 512 - directory.count)
    return header + fat + directory
}

