extension XLSXWriter {
    /// The characters Excel forbids in sheet names.
    static let forbiddenSheetNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Checks `name` against Excel's rules for sheet names, given the names already in the workbook.
    ///
    /// Excel counts length in UTF-16 units and compares names ignoring case, so `"排名"` and an
    /// existing `"排名"`, or `"Data"` and `"DATA"`, clash. Returns `nil` when the name is acceptable.
    /// libxlsxwriter 1.1.4 checks some of these rules itself but neither "History" nor case.
    public static func sheetNameProblem(
        _ name: String, existingNames: [String]
    ) -> XLSXWriterError.SheetNameProblem? {
        if name.isEmpty { return .empty }
        let length = name.utf16.count
        if length > 31 { return .tooLong(length: length) }
        if let bad = name.first(where: { forbiddenSheetNameCharacters.contains($0) }) {
            return .invalidCharacter(bad)
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { return .apostropheAtEdge }
        let folded = name.lowercased()
        if folded == "history" { return .reserved }
        if let existing = existingNames.first(where: { $0.lowercased() == folded }) {
            return .duplicate(existing: existing)
        }
        return nil
    }
}
