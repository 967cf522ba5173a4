/// Where in a submitted file something was found, for messages an enterprise can act on.
public struct FileLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// A place inside the file.
    public enum Place: Equatable, Hashable, Sendable {
        /// A line of a text file (CSV), 1-based.
        case line(Int)
        /// A cell of a workbook, e.g. sheet `问卷`, reference `C7`.
        case cell(sheet: String, reference: String)
        /// A row of a workbook sheet, 1-based.
        case row(sheet: String, row: Int)
        /// A workbook sheet as a whole, e.g. one whose XML breaks off before its first row.
        case sheet(String)
        /// A JSON path such as `answers["B1.1"]`.
        case jsonPath(String)
    }

    /// The file as the user named it.
    public var file: String
    /// The place in the file; nil for the file as a whole.
    public var place: Place?

    public init(file: String, place: Place? = nil) {
        self.file = file
        self.place = place
    }

    /// `file:17`, `file:问卷!C7`, `file:问卷!7`, `file:问卷`, `file:answers["B1.1"]` or just `file`.
    public var description: String {
        switch place {
        case nil: return file
        case .line(let line): return "\(file):\(line)"
        case .cell(let sheet, let reference): return "\(file):\(sheet)!\(reference)"
        case .row(let sheet, let row): return "\(file):\(sheet)!\(row)"
        case .sheet(let sheet): return "\(file):\(sheet)"
        case .jsonPath(let path): return "\(file):\(path)"
        }
    }
}
