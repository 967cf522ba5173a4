/// A sheet as the workbook lists it: name, visibility, kind and the part holding its cells.
public struct SheetInfo: Sendable, Hashable {
    /// Whether users see the sheet's tab.
    public enum State: String, Sendable, Hashable {
        /// Shown.
        case visible
        /// Hidden, but users can unhide it.
        case hidden
        /// Hidden so that only code can unhide it.
        case veryHidden
    }

    /// What the sheet holds.
    public enum Kind: String, Sendable, Hashable {
        /// A table of cells, the only kind with rows.
        case worksheet
        /// A chart on its own tab.
        case chartsheet
        /// A dialog sheet, macro sheet or anything else.
        case other
    }

    /// The name on the tab.
    public let name: String
    /// Whether the tab is shown.
    public let state: State
    /// What the sheet holds.
    public let kind: Kind
    /// The part (zip entry) with the sheet's content, such as `xl/worksheets/sheet1.xml`,
    /// resolved through the workbook's relationships.
    public let part: String

    /// Creates a sheet description.
    public init(name: String, state: State, kind: Kind, part: String) {
        self.name = name
        self.state = state
        self.kind = kind
        self.part = part
    }
}
