/// An error raised while writing an xlsx workbook, pointing at the file, sheet and cell concerned.
///
/// The description reads like a compiler diagnostic so the CLI can print it unchanged:
/// `reports/x.xlsx:排名!B7: error: cannot write nan: …`. ``sheet`` and ``cell`` are `nil` when the
/// problem concerns the whole workbook or the whole sheet. The cell is an A1 reference, or an A1
/// range such as `A1:C3` when the problem concerns a range.
public struct XLSXWriterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path of the workbook being written, as given to ``XLSXWriter/init(path:options:)``.
    public var path: String
    /// The sheet concerned, if any.
    public var sheet: String?
    /// The cell or range concerned in A1 notation, if any.
    public var cell: String?
    /// What went wrong.
    public var reason: Reason

    /// Creates an error; the writer raises these, callers normally only inspect them.
    public init(path: String, sheet: String? = nil, cell: String? = nil, reason: Reason) {
        self.path = path
        self.sheet = sheet
        self.cell = cell
        self.reason = reason
    }

    /// What went wrong, with the values needed to explain it.
    public enum Reason: Equatable, Sendable {
        /// libxlsxwriter reported an `lxw_error`; `message` is its `lxw_strerror` text.
        case library(function: String, code: Int, message: String)
        /// libxlsxwriter returned no object (out of memory, or a temporary file could not be made).
        case libraryReturnedNull(function: String)
        /// The workbook was closed (or freed) before this call; nothing more can be written.
        case workbookClosed
        /// A sheet name that Excel would reject.
        case invalidSheetName(name: String, problem: SheetNameProblem)
        /// A zero-based row or column outside Excel's grid.
        case cellOutOfRange(row: Int, column: Int)
        /// A range whose last row or column comes before its first.
        case reversedRange(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int)
        /// Text longer than the 32,767 UTF-16 units Excel allows in one cell.
        case textTooLong(length: Int, limit: Int)
        /// Text containing U+0000, which cannot be stored in the XML of a workbook.
        case textContainsNUL
        /// NaN or an infinity, which Excel cannot store.
        case nonFiniteNumber(Double)
        /// In constant-memory mode a row was touched after a later row had been written.
        case rowAlreadyFlushed(row: Int, currentRow: Int)
        /// A feature that constant-memory mode cannot provide.
        case unavailableInConstantMemory(feature: String)
        /// A merged range overlapping an earlier merged range, which Excel reports as corrupt.
        case overlappingMerge(existing: String)
        /// An inline validation list whose UTF-8 form exceeds 255 bytes (libxlsxwriter 1.1.4 aborts).
        case inlineListTooLong(items: Int, bytes: Int)
        /// A date outside the years Excel's 1900 date system can show.
        case dateOutOfRange(year: Int)
        /// A value that is not allowed where it was given; `message` says which and why.
        case invalidArgument(String)
    }

    /// Why a sheet name is unacceptable to Excel.
    public enum SheetNameProblem: Equatable, Sendable {
        /// The name is empty.
        case empty
        /// The name is longer than 31 UTF-16 units; `length` is its length.
        case tooLong(length: Int)
        /// The name contains one of `[ ] : * ? / \`.
        case invalidCharacter(Character)
        /// The name begins or ends with an apostrophe.
        case apostropheAtEdge
        /// The name is "History", which Excel reserves, in any case.
        case reserved
        /// The name equals an existing sheet's name when case is ignored.
        case duplicate(existing: String)
    }

    /// The diagnostic in compiler style: `path:sheet!cell: error: message`.
    public var description: String {
        var location = path
        if let sheet {
            location += ":" + sheet
            if let cell { location += "!" + cell }
        } else if let cell {
            location += ":" + cell
        }
        return "\(location): error: \(message)"
    }

    /// The message alone, without the location.
    public var message: String {
        switch reason {
        case let .library(function, code, message):
            return "libxlsxwriter error \(code) in \(function): \(message)"
        case let .libraryReturnedNull(function):
            return "libxlsxwriter could not allocate an object in \(function) (out of memory, or no temporary file)"
        case .workbookClosed:
            return "the workbook has already been closed; nothing more can be written to it"
        case let .invalidSheetName(name, problem):
            return Self.message(forSheetName: name, problem: problem)
        case let .cellOutOfRange(row, column):
            return "row \(row), column \(column) (zero-based) is outside the sheet; "
                + "Excel has rows 0...\(XLSXWriter.maximumRows - 1) and columns 0...\(XLSXWriter.maximumColumns - 1)"
        case let .reversedRange(firstRow, firstColumn, lastRow, lastColumn):
            return "range from row \(firstRow), column \(firstColumn) to row \(lastRow), column \(lastColumn) "
                + "(zero-based) ends before it starts"
        case let .textTooLong(length, limit):
            return "text of \(length) UTF-16 units is longer than Excel's limit of \(limit) per cell"
        case .textContainsNUL:
            return "text contains the NUL character U+0000, which a workbook cannot store"
        case let .nonFiniteNumber(value):
            return "cannot write \(value): Excel stores only finite numbers; write a blank cell instead"
        case let .rowAlreadyFlushed(row, currentRow):
            return "row \(row) (zero-based) was already written to the file, since row \(currentRow) has been started; "
                + "in constant-memory mode rows must be written in ascending order"
        case let .unavailableInConstantMemory(feature):
            return "\(feature) is not available in constant-memory mode"
        case let .overlappingMerge(existing):
            return "merged range overlaps the merged range \(existing); Excel reports overlapping merges as corrupt"
        case let .inlineListTooLong(items, bytes):
            return "inline list of \(items) options is \(bytes) bytes long in UTF-8, over the 255 that "
                + "libxlsxwriter 1.1.4 can handle; put the options on a sheet and validate from that range"
        case let .dateOutOfRange(year):
            return "year \(year) is outside the years 1900...9999 that Excel's 1900 date system can show"
        case let .invalidArgument(message):
            return message
        }
    }

    private static func message(forSheetName name: String, problem: SheetNameProblem) -> String {
        switch problem {
        case .empty:
            return "a sheet name must not be empty"
        case let .tooLong(length):
            return "sheet name \"\(name)\" is \(length) characters long; Excel allows at most 31"
        case let .invalidCharacter(character):
            return "sheet name \"\(name)\" contains \"\(character)\"; Excel does not allow any of [ ] : * ? / \\ in sheet names"
        case .apostropheAtEdge:
            return "sheet name \"\(name)\" begins or ends with an apostrophe, which Excel does not allow"
        case .reserved:
            return "sheet name \"\(name)\" is reserved by Excel"
        case let .duplicate(existing):
            return "sheet name \"\(name)\" is already used by sheet \"\(existing)\"; Excel ignores case when comparing sheet names"
        }
    }
}
