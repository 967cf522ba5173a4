/// Protection of a worksheet against editing, and what users may still do.
///
/// Apply with ``Worksheet/protect(_:)``. Cells stay editable when their ``CellStyle/isLocked``
/// is `false`; everything else is locked. The password only stops casual editing: Excel's legacy
/// sheet-protection hash, the one libxlsxwriter 1.1.4 writes, is 16 bits and trivially reversed.
public struct WorksheetProtection: Hashable, Sendable {
    /// The password needed to unprotect the sheet; `nil` or empty protects without one.
    public var password: String?
    /// Users may select locked cells (Excel's default: yes).
    public var allowsSelectingLockedCells: Bool
    /// Users may select unlocked cells (Excel's default: yes).
    public var allowsSelectingUnlockedCells: Bool
    /// Users may format cells.
    public var allowsFormattingCells: Bool
    /// Users may resize and format columns.
    public var allowsFormattingColumns: Bool
    /// Users may resize and format rows.
    public var allowsFormattingRows: Bool
    /// Users may insert columns.
    public var allowsInsertingColumns: Bool
    /// Users may insert rows.
    public var allowsInsertingRows: Bool
    /// Users may insert hyperlinks.
    public var allowsInsertingHyperlinks: Bool
    /// Users may delete columns.
    public var allowsDeletingColumns: Bool
    /// Users may delete rows.
    public var allowsDeletingRows: Bool
    /// Users may sort.
    public var allowsSorting: Bool
    /// Users may use existing filter buttons.
    public var allowsFiltering: Bool
    /// Users may use pivot tables.
    public var allowsPivotTables: Bool
    /// Users may edit drawing objects such as charts.
    public var allowsEditingObjects: Bool
    /// Users may edit scenarios.
    public var allowsEditingScenarios: Bool

    /// Creates a protection; by default users may select cells and do nothing else.
    public init(
        password: String? = nil, allowsSelectingLockedCells: Bool = true, allowsSelectingUnlockedCells: Bool = true,
        allowsFormattingCells: Bool = false, allowsFormattingColumns: Bool = false,
        allowsFormattingRows: Bool = false, allowsInsertingColumns: Bool = false, allowsInsertingRows: Bool = false,
        allowsInsertingHyperlinks: Bool = false, allowsDeletingColumns: Bool = false,
        allowsDeletingRows: Bool = false, allowsSorting: Bool = false, allowsFiltering: Bool = false,
        allowsPivotTables: Bool = false, allowsEditingObjects: Bool = false, allowsEditingScenarios: Bool = false
    ) {
        self.password = password
        self.allowsSelectingLockedCells = allowsSelectingLockedCells
        self.allowsSelectingUnlockedCells = allowsSelectingUnlockedCells
        self.allowsFormattingCells = allowsFormattingCells
        self.allowsFormattingColumns = allowsFormattingColumns
        self.allowsFormattingRows = allowsFormattingRows
        self.allowsInsertingColumns = allowsInsertingColumns
        self.allowsInsertingRows = allowsInsertingRows
        self.allowsInsertingHyperlinks = allowsInsertingHyperlinks
        self.allowsDeletingColumns = allowsDeletingColumns
        self.allowsDeletingRows = allowsDeletingRows
        self.allowsSorting = allowsSorting
        self.allowsFiltering = allowsFiltering
        self.allowsPivotTables = allowsPivotTables
        self.allowsEditingObjects = allowsEditingObjects
        self.allowsEditingScenarios = allowsEditingScenarios
    }

    /// For survey forms: only unlocked (input) cells can be selected, so Tab moves between inputs.
    public static func inputCellsOnly(password: String? = nil) -> WorksheetProtection {
        WorksheetProtection(password: password, allowsSelectingLockedCells: false)
    }
}
