import Foundation

/// Reads an `.xlsx` workbook sent by an enterprise or district office, treating it as untrusted.
///
/// Opening checks what the file really is (an `.xls`, `.et`, password-protected workbook or
/// renamed CSV each get their own message), then finds the workbook through the package
/// relationships, never an assumed path, and lists its sheets. Sheets are streamed row by row, so
/// a 100,000-row batch sheet never sits in memory; ``grid(ofSheet:)`` loads small sheets whole.
/// Every size is bounded by ``XLSXLimits``.
///
/// Owns an open zip file; not `Sendable`, keep it on one task. All errors are ``XLSXError``,
/// except those thrown by your own row handler, which pass through unchanged.
public final class XLSXReader {
    /// The file as the caller named it; errors print it.
    public let path: String
    /// The limits every read is held to.
    public let limits: XLSXLimits
    /// The sheets in workbook order, hidden ones included.
    public let sheets: [SheetInfo]
    /// Whether date serials count from 1904 (`<workbookPr date1904="1"/>`) instead of 1900.
    public let uses1904DateSystem: Bool
    /// The workbook part, as the package's `officeDocument` relationship names it.
    public let workbookPart: String

    private let archive: ZipArchive
    private let workbookRelationships: PackageRelationships?
    private let sharedStringsPart: String?
    private let stylesPart: String?
    private var sharedStrings: [String]??
    private var formats: CellFormats?

    /// Opens the workbook at `path` and reads its list of sheets.
    ///
    /// - Throws: ``XLSXError`` when the file cannot be read, is not an `.xlsx` workbook (with a
    ///   message telling the sender what to do), is damaged or malformed, or passes a limit.
    public init(path: String, limits: XLSXLimits = .default) throws {
        self.path = path
        self.limits = limits
        try FileSignature.requireZip(path: path)
        let archive = try ZipArchive(path: path, limits: limits)
        self.archive = archive

        guard let packageRelationships = try PackageRelationships.load(for: "", from: archive),
            let office = packageRelationships.first(ofType: "officeDocument")
        else {
            throw XLSXError(path: path, problem: try Self.isOpenDocument(archive) ? .openDocumentSpreadsheet : .notAWorkbook)
        }
        let workbookTarget = try packageRelationships.resolve(office, path: path)
        guard let workbookEntry = archive.entry(named: workbookTarget) else {
            throw XLSXError(path: path, location: .part(packageRelationships.part), problem: .missingPart(workbookTarget))
        }
        workbookPart = workbookEntry.name

        let workbook = WorkbookHandler(path: path, part: workbookPart)
        try XMLPartParser.parse(part: workbookPart, of: archive, with: workbook)
        uses1904DateSystem = workbook.uses1904
        let relationships = try PackageRelationships.load(for: workbookPart, from: archive)
        workbookRelationships = relationships

        sheets = try workbook.sheets.map { listed in
            guard let relationship = relationships?.relationship(withID: listed.relationshipID) else {
                throw XLSXError(
                    path: path, location: .part(workbook.part),
                    problem: .invalidContent(
                        "sheet \"\(listed.name)\" refers to relationship \(listed.relationshipID), which does not exist"))
            }
            let kind: SheetInfo.Kind =
                relationship.hasType("worksheet") ? .worksheet : relationship.hasType("chartsheet") ? .chartsheet : .other
            return SheetInfo(
                name: listed.name, state: listed.state, kind: kind,
                part: try relationships!.resolve(relationship, path: path))
        }
        sharedStringsPart = try relationships?.first(ofType: "sharedStrings").map { try relationships!.resolve($0, path: path) }
        stylesPart = try relationships?.first(ofType: "styles").map { try relationships!.resolve($0, path: path) }
    }

    /// The sheet with this name, compared exactly first and then ignoring case, as Excel does.
    public func sheet(named name: String) -> SheetInfo? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Streams the sheet with this name, calling `body` once per row that has a value.
    ///
    /// - Throws: ``XLSXError`` (``XLSXError/Problem/noSuchSheet(name:available:)`` if there is no
    ///   such sheet), or what `body` throws, which stops reading.
    public func forEachRow(inSheet name: String, _ body: (SheetRow) throws -> Void) throws {
        guard let sheet = sheet(named: name) else {
            throw XLSXError(path: path, problem: .noSuchSheet(name: name, available: sheets.map(\.name)))
        }
        try forEachRow(in: sheet, body)
    }

    /// Streams a sheet, calling `body` once per row that has a value, in sheet order.
    ///
    /// The sheet is decompressed and parsed as it is read: only the current row is in memory.
    /// The shared strings and styles are loaded on the first call and kept. `body` must not read
    /// another sheet of the same reader (the zip has one current entry); collect what you need
    /// and read the other sheet afterwards.
    public func forEachRow(in sheet: SheetInfo, _ body: (SheetRow) throws -> Void) throws {
        guard sheet.kind == .worksheet else {
            throw XLSXError(path: path, location: .sheet(sheet.name), problem: .notAWorksheet)
        }
        guard let entry = archive.entry(named: sheet.part) else {
            throw XLSXError(path: path, location: .sheet(sheet.name), problem: .missingPart(sheet.part))
        }
        let strings = try loadSharedStrings()
        let formats = try loadFormats()
        try withoutActuallyEscaping(body) { body in
            let parser = SheetRowParser(
                path: path, part: entry.name, sheet: sheet.name, sharedStrings: strings, formats: formats,
                uses1904: uses1904DateSystem, limits: limits, deliver: body)
            do {
                try XMLPartParser.parse(part: entry.name, of: archive, with: parser)
            } catch var error as XLSXError where error.part == entry.name && error.sheetContext == nil {
                error.sheetContext = XLSXError.SheetContext(sheet: sheet.name, row: parser.currentRow)
                throw error
            }
        }
    }

    /// Loads the sheet with this name whole, as a rectangle from `A1` to its last value.
    ///
    /// - Throws: ``XLSXError/Problem/gridTooLarge(limit:)`` past ``XLSXLimits/maxGridCellCount``
    ///   cells (blanks included), and the errors of ``forEachRow(inSheet:_:)``.
    public func grid(ofSheet name: String) throws -> SheetGrid {
        var rows: [SheetRow] = []
        var columnCount = 0
        try forEachRow(inSheet: name) { row in
            columnCount = max(columnCount, row.cells.last?.reference.column ?? 0)
            if row.number * columnCount > limits.maxGridCellCount {
                throw XLSXError(
                    path: path, location: .sheet(sheet(named: name)?.name ?? name),
                    problem: .gridTooLarge(limit: limits.maxGridCellCount))
            }
            rows.append(row)
        }
        var grid = [[CellValue]](
            repeating: [CellValue](repeating: .empty, count: columnCount), count: rows.last?.number ?? 0)
        for row in rows {
            for cell in row.cells {
                grid[row.number - 1][cell.reference.column - 1] = cell.value
            }
        }
        return SheetGrid(rows: grid)
    }

    private func loadSharedStrings() throws -> [String]? {
        if let sharedStrings { return sharedStrings }
        var loaded: [String]?
        if let part = sharedStringsPart {
            guard let entry = archive.entry(named: part) else {
                throw XLSXError(
                    path: path, location: .part(workbookRelationships?.part ?? workbookPart), problem: .missingPart(part))
            }
            loaded = try SharedStringTable.load(part: entry.name, from: archive).strings
        }
        sharedStrings = .some(loaded)
        return loaded
    }

    private func loadFormats() throws -> CellFormats {
        if let formats { return formats }
        var loaded = CellFormats.none
        if let part = stylesPart {
            guard let entry = archive.entry(named: part) else {
                throw XLSXError(
                    path: path, location: .part(workbookRelationships?.part ?? workbookPart), problem: .missingPart(part))
            }
            loaded = try CellFormats.load(part: entry.name, from: archive)
        }
        formats = loaded
        return loaded
    }

    /// Whether the zip is an OpenDocument spreadsheet, whose first entry `mimetype` says so.
    private static func isOpenDocument(_ archive: ZipArchive) throws -> Bool {
        guard let entry = archive.entry(named: "mimetype"), entry.uncompressedSize < 1024 else { return false }
        let data = try archive.data(ofEntry: entry.name)
        return String(decoding: data, as: UTF8.self) == "application/vnd.oasis.opendocument.spreadsheet"
    }
}

/// Reads `workbook.xml`: the date system and the list of sheets.
private final class WorkbookHandler: XMLPartHandler {
    struct ListedSheet {
        let name: String
        let state: SheetInfo.State
        let relationshipID: String
    }

    var sheets: [ListedSheet] = []
    var uses1904 = false
    private var sawRoot = false

    override func start(_ name: String, attributes: [String: String]) throws {
        if !sawRoot {
            sawRoot = true
            guard name == "workbook" else {
                throw XLSXError(path: path, problem: .notASpreadsheet(mainPart: part))
            }
            return
        }
        switch name {
        case "workbookPr":
            let flag = attributes["date1904"]?.lowercased()
            uses1904 = flag == "1" || flag == "true"
        case "sheet":
            guard let sheetName = attributes["name"] else {
                throw invalid("a sheet has no name")
            }
            guard let id = Self.attribute("id", in: attributes) else {
                throw invalid("sheet \"\(sheetName)\" has no relationship id")
            }
            let state: SheetInfo.State
            switch attributes["state"] {
            case nil, "visible": state = .visible
            case "hidden": state = .hidden
            case "veryHidden": state = .veryHidden
            case let other?: throw invalid("sheet \"\(sheetName)\" has an unknown state \"\(other)\"")
            }
            sheets.append(ListedSheet(name: sheetName, state: state, relationshipID: id))
        default:
            break
        }
    }
}
