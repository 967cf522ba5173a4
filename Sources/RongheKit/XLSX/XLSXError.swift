/// Everything that can go wrong reading an `.xlsx` file, with where it went wrong.
///
/// Prints in compiler style so a bureau analyst can find the spot and tell the sender what to do:
/// `surveys/acme.xlsx: error: this is a password-protected workbook; remove the password and save
/// it again as .xlsx`, `batch.xlsx:Sheet1!C7: error: expected a number, found "n/a"`, or, inside a
/// part's XML, `batch.xlsx:xl/worksheets/sheet1.xml:12:5: error: …`.
public struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the file the problem is.
    public enum Location: Sendable, Equatable {
        /// The file as a whole.
        case file
        /// One part (zip entry) of the package, such as `xl/workbook.xml`.
        case part(String)
        /// A line and column (1-based, as the XML parser reports them) inside a part.
        case position(part: String, line: Int, column: Int)
        /// One sheet, by its name in the workbook.
        case sheet(String)
        /// One cell of a sheet.
        case cell(sheet: String, CellReference)
    }

    /// What is wrong.
    public enum Problem: Sendable, Equatable {
        /// The operating system could not read or write the file; carries its reason.
        case unreadable(String)
        /// The file could not be written; carries the reason.
        case unwritable(String)
        /// The file has no bytes at all.
        case empty
        /// A plain-text file (CSV, TSV, …) with a spreadsheet name.
        case textFile
        /// A PDF file.
        case pdfFile
        /// A web page, as some systems export under an `.xls` name.
        case htmlFile
        /// Neither a zip package nor any format recognised above.
        case unknownFormat
        /// An OLE2 file holding an `EncryptedPackage` stream: a workbook saved with a password.
        case passwordProtected
        /// An Excel 97–2003 `.xls` workbook.
        case legacyExcel
        /// A WPS Spreadsheets `.et` workbook.
        case wpsSpreadsheet
        /// Another OLE2 compound file, such as a `.doc`.
        case otherCompoundDocument
        /// An OpenDocument spreadsheet (`.ods`).
        case openDocumentSpreadsheet
        /// The zip structure cannot be read: truncated, or not really a zip.
        case damagedPackage
        /// A zip file with no entries at all.
        case emptyPackage
        /// An entry whose name climbs out of the package or is absolute (`../../etc/x`, `/etc/x`,
        /// `C:\x`), which no spreadsheet program writes: a crafted package.
        case unsafeEntryName(String)
        /// One entry's data is damaged; carries what the zip library reported.
        case damagedPart(String)
        /// The entry is encrypted inside the zip.
        case encryptedPart
        /// The entry uses a compression method other than stored or deflated.
        case unsupportedCompression(Int)
        /// The package lists more entries than ``XLSXLimits/maxEntryCount``.
        case tooManyEntries(limit: Int)
        /// The package lists the same entry name twice.
        case duplicatePart
        /// One entry decompresses past ``XLSXLimits/maxEntrySize``.
        case partTooLarge(limit: Int64)
        /// The entries read decompress past ``XLSXLimits/maxTotalSize`` together.
        case packageTooLarge(limit: Int64)
        /// One entry expands more than ``XLSXLimits/maxCompressionRatio`` times.
        case suspiciousCompression(ratio: Int)
        /// A zip package without an `officeDocument` relationship.
        case notAWorkbook
        /// An Office package whose main part is not a workbook (a Word or PowerPoint file).
        case notASpreadsheet(mainPart: String)
        /// A part that a relationship or cell refers to is missing.
        case missingPart(String)
        /// A relationship whose target climbs out of the package (`../../etc/passwd`).
        case targetOutsidePackage(id: String, target: String)
        /// A relationship that should name a part but points outside the file.
        case externalTarget(id: String, target: String)
        /// A part declares a DOCTYPE, which workbooks never need.
        case doctype
        /// The XML is not well formed; carries the parser's complaint.
        case malformedXML(String)
        /// Well-formed XML with content a workbook must not have; carries what is wrong.
        case invalidContent(String)
        /// No sheet has this name.
        case noSuchSheet(name: String, available: [String])
        /// The sheet is a chart or another kind of sheet without cells.
        case notAWorksheet
        /// The sheet has more cells than ``XLSXLimits/maxCellCount``.
        case tooManyCells(limit: Int)
        /// A string is longer than ``XLSXLimits/maxStringLength``.
        case stringTooLong(limit: Int)
        /// The shared-string table is longer than ``XLSXLimits/maxSharedStringCount``.
        case tooManySharedStrings(limit: Int)
        /// The sheet is too large for ``XLSXReader/grid(ofSheet:)``.
        case gridTooLarge(limit: Int)
        /// A number cell holds something else.
        case invalidNumber(String)
        /// A true/false cell holds something other than 0 or 1.
        case invalidBoolean(String)
        /// A date cell (`t="d"`) is not an ISO 8601 date.
        case invalidDate(String)
        /// The cell's `t` attribute names no known type.
        case unknownCellType(String)
        /// The cell refers to a shared string past the end of the table.
        case sharedStringOutOfRange(index: Int, count: Int)
        /// The cell refers to a shared string but the workbook has no shared-string part.
        case noSharedStrings(index: Int)
        /// A shared-string cell does not hold an index.
        case invalidSharedStringIndex(String)

        /// The message in plain words, without location.
        public var message: String {
            switch self {
            case .unreadable(let reason):
                return "cannot read the file (\(reason))"
            case .unwritable(let reason):
                return "cannot write the file (\(reason))"
            case .empty:
                return "the file is empty (0 bytes); ask the sender to save the workbook and send it again"
            case .textFile:
                return "this is a plain-text file (such as CSV) with a spreadsheet name, not an Excel workbook; "
                    + "open it in Excel or WPS and save it as .xlsx"
            case .pdfFile:
                return "this is a PDF file, not an Excel workbook; send the workbook itself as .xlsx"
            case .htmlFile:
                return "this is a web page (HTML) with a spreadsheet name, not an Excel workbook; "
                    + "open it in Excel or WPS and save it as .xlsx"
            case .unknownFormat:
                return "this is not an Excel workbook (.xlsx); open it in Excel or WPS and save it as .xlsx"
            case .passwordProtected:
                return "this is a password-protected workbook; remove the password and save it again as .xlsx"
            case .legacyExcel:
                return "this is an Excel 97-2003 workbook (.xls); open it in Excel or WPS and save it as .xlsx"
            case .wpsSpreadsheet:
                return "this is a WPS Spreadsheets workbook (.et); open it in WPS and save it as "
                    + "Excel workbook (.xlsx)"
            case .otherCompoundDocument:
                return "this is an older Office document, not an Excel workbook; save the table as .xlsx"
            case .openDocumentSpreadsheet:
                return "this is an OpenDocument spreadsheet (.ods); open it and save it as .xlsx"
            case .damagedPackage:
                return "the file is damaged or incomplete (it cannot be opened as a zip package); "
                    + "ask the sender to save the workbook and send it again"
            case .emptyPackage:
                return "the file is an empty zip package (it holds no files at all); ask the sender to save the workbook "
                    + "and send it again"
            case .unsafeEntryName(let name):
                return "the package holds a file named \"\(name)\", a name that points outside the package; no "
                    + "spreadsheet program writes such names, so the file is refused; save the table again as .xlsx in "
                    + "Excel or WPS"
            case .damagedPart(let detail):
                return "this part of the file is damaged (\(detail)); ask the sender to save the workbook "
                    + "and send it again"
            case .encryptedPart:
                return "this part is encrypted; remove the password and save the workbook again as .xlsx"
            case .unsupportedCompression(let method):
                return "this part is compressed with method \(method), which cannot be read; save the workbook "
                    + "again in Excel or WPS"
            case .tooManyEntries(let limit):
                return "the package has more than \(limit) parts, more than any workbook needs; refusing to read it"
            case .duplicatePart:
                return "the package contains two parts with this name; refusing to guess which one is meant"
            case .partTooLarge(let limit):
                return "this part expands to more than \(Self.size(limit)), the limit for one part"
            case .packageTooLarge(let limit):
                return "the workbook expands to more than \(Self.size(limit)) in total, the limit for one file"
            case .suspiciousCompression(let ratio):
                return "this part expands more than \(ratio) times its compressed size, as a zip bomb does; "
                    + "refusing to read it"
            case .notAWorkbook:
                return "this zip file is not an Excel workbook (it has no main document part); save the table "
                    + "as .xlsx and send it again"
            case .notASpreadsheet(let mainPart):
                return "this Office file is not an Excel workbook (its main part is \(mainPart)); save the table "
                    + "as .xlsx and send it again"
            case .missingPart(let part):
                return "the part \(part) is missing from the package"
            case .targetOutsidePackage(let id, let target):
                return "relationship \(id) points outside the package (\"\(target)\")"
            case .externalTarget(let id, let target):
                return "relationship \(id) points to an external resource (\"\(target)\") instead of a part"
            case .doctype:
                return "the part contains a DOCTYPE declaration, which workbooks never use; refusing to read it "
                    + "for safety"
            case .malformedXML(let detail):
                return "malformed XML: \(detail)"
            case .invalidContent(let detail):
                return detail
            case .noSuchSheet(let name, let available):
                let list = available.isEmpty ? "none" : available.joined(separator: ", ")
                return "there is no sheet named \"\(name)\" (sheets: \(list))"
            case .notAWorksheet:
                return "this sheet is a chart or another kind of sheet, not a table of cells"
            case .tooManyCells(let limit):
                return "the sheet has more than \(limit) cells, the limit for one sheet"
            case .stringTooLong(let limit):
                return "a text is longer than \(limit) characters, the limit for one cell"
            case .tooManySharedStrings(let limit):
                return "the workbook has more than \(limit) shared strings, the limit for one file"
            case .gridTooLarge(let limit):
                return "the sheet has more than \(limit) cells counting blanks, too many to load at once; "
                    + "read it row by row"
            case .invalidNumber(let text):
                return "expected a number, found \"\(text)\""
            case .invalidBoolean(let text):
                return "expected 0 or 1 in a true/false cell, found \"\(text)\""
            case .invalidDate(let text):
                return "expected a date such as 2024-05-31, found \"\(text)\""
            case .unknownCellType(let type):
                return "unknown cell type \"\(type)\""
            case .sharedStringOutOfRange(let index, let count):
                return "the cell refers to shared string \(index), but the workbook has only \(count)"
            case .noSharedStrings(let index):
                return "the cell refers to shared string \(index), but the workbook has no shared-string part"
            case .invalidSharedStringIndex(let text):
                return "expected a shared-string index, found \"\(text)\""
            }
        }

        /// A byte count in the largest binary unit that divides it, as in "512 MB".
        static func size(_ bytes: Int64) -> String {
            let units: [(Int64, String)] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
            for (unit, name) in units where bytes >= unit && bytes % unit == 0 {
                return "\(bytes / unit) \(name)"
            }
            return "\(bytes) bytes"
        }
    }

    /// The file as the caller named it, printed first in the message.
    public let path: String
    /// Where in the file.
    public let location: Location
    /// What is wrong.
    public let problem: Problem
    /// For a problem inside a sheet's part (its XML, or the zip entry holding it), the sheet and
    /// the row being read: what a sender can find in the workbook, where ``location`` names the
    /// part and a position in its XML for whoever debugs the file. Not part of ``description``.
    public internal(set) var sheetContext: SheetContext?

    /// The sheet, and the row if one was open, where reading stopped.
    public struct SheetContext: Sendable, Equatable {
        /// The sheet's name in the workbook.
        public let sheet: String
        /// The 1-based row being read, or nil between rows (or before the first).
        public let row: Int?
    }

    /// Creates an error; the reader does this, callers mostly inspect or print errors.
    public init(path: String, location: Location = .file, problem: Problem) {
        self.path = path
        self.location = location
        self.problem = problem
    }

    /// The part the error is located in, for a part or a position inside one.
    public var part: String? {
        switch location {
        case .part(let part), .position(let part, _, _): return part
        case .file, .sheet, .cell: return nil
        }
    }

    /// `path[:where]: error: message`, in the style of compiler diagnostics.
    public var description: String {
        let place: String
        switch location {
        case .file:
            place = path
        case .part(let part):
            place = "\(path):\(part)"
        case .position(let part, let line, let column):
            place = "\(path):\(part):\(line):\(column)"
        case .sheet(let sheet):
            place = "\(path):\(sheet)"
        case .cell(let sheet, let reference):
            place = "\(path):\(sheet)!\(reference)"
        }
        return "\(place): error: \(problem.message)"
    }
}
