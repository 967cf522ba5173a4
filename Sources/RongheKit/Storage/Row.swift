/// One result row, copied out of SQLite, with typed and checked access by column index or name.
///
/// Accessors throw a ``DatabaseError`` naming the column and the query rather than guessing:
/// a NULL read by a non-optional accessor, a TEXT read as a number, an INTEGER 2 read as `Bool`,
/// an unknown column name. Column names match exactly first, then ignoring ASCII case (as SQLite
/// does); with duplicate names (a join selecting two `id`s) the first one wins, so alias them.
public struct Row: Hashable, Sendable {
    /// The column names, as SQLite reports them (aliases when the query has `AS`).
    public let columnNames: [String]

    /// The values, in column order.
    public let values: [SQLiteValue]

    /// The query that produced the row, for error messages.
    public let sql: String

    /// Creates a row; `values` and `columnNames` must have the same count.
    public init(columnNames: [String], values: [SQLiteValue], sql: String) {
        precondition(columnNames.count == values.count, "a row needs one name per value")
        self.columnNames = columnNames
        self.values = values
        self.sql = sql
    }

    /// The number of columns.
    public var count: Int { values.count }

    // MARK: Raw values

    /// The value at a 0-based column index.
    public func value(at index: Int) throws -> SQLiteValue {
        guard values.indices.contains(index) else {
            throw DatabaseError(
                resultCode: .range,
                message: "no column at index \(index) in the row (\(values.count) columns)",
                sql: sql
            )
        }
        return values[index]
    }

    /// The value of the column with this name.
    public func value(named name: String) throws -> SQLiteValue {
        values[try index(of: name)]
    }

    /// The 0-based index of the column with this name.
    public func index(of name: String) throws -> Int {
        if let exact = columnNames.firstIndex(of: name) { return exact }
        if let folded = columnNames.firstIndex(where: { asciiCaseInsensitiveEqual($0, name) }) { return folded }
        let list = columnNames.joined(separator: ", ")
        throw DatabaseError(
            resultCode: .range,
            message: "no column named \"\(name)\" in the row (columns: \(list))",
            sql: sql
        )
    }

    // MARK: Generic decoding

    /// The value at a 0-based column index, decoded as `T` (make `T` optional to accept NULL).
    public func decode<T: SQLiteValueConvertible>(_ type: T.Type = T.self, at index: Int) throws -> T {
        try decode(type, value: try value(at: index), column: index)
    }

    /// The value of the named column, decoded as `T` (make `T` optional to accept NULL).
    public func decode<T: SQLiteValueConvertible>(_ type: T.Type = T.self, named name: String) throws -> T {
        let index = try index(of: name)
        return try decode(type, value: values[index], column: index)
    }

    private func decode<T: SQLiteValueConvertible>(_ type: T.Type, value: SQLiteValue, column: Int) throws -> T {
        if let decoded = T.fromSQLiteValue(value) { return decoded }
        throw DatabaseError(
            resultCode: .mismatch,
            message: "cannot read column \"\(columnNames[column])\" (index \(column)) as \(swiftTypeName(T.self)): "
                + "found \(value.redactedDescription)",
            sql: sql
        )
    }

    // MARK: Typed accessors

    /// The INTEGER at a column index.
    public func int64(_ index: Int) throws -> Int64 { try decode(at: index) }
    /// The INTEGER in a named column.
    public func int64(_ name: String) throws -> Int64 { try decode(named: name) }
    /// The INTEGER at a column index, or nil for NULL.
    public func optionalInt64(_ index: Int) throws -> Int64? { try decode(at: index) }
    /// The INTEGER in a named column, or nil for NULL.
    public func optionalInt64(_ name: String) throws -> Int64? { try decode(named: name) }

    /// The REAL (or exactly convertible INTEGER) at a column index.
    public func double(_ index: Int) throws -> Double { try decode(at: index) }
    /// The REAL (or exactly convertible INTEGER) in a named column.
    public func double(_ name: String) throws -> Double { try decode(named: name) }
    /// The REAL (or exactly convertible INTEGER) at a column index, or nil for NULL.
    public func optionalDouble(_ index: Int) throws -> Double? { try decode(at: index) }
    /// The REAL (or exactly convertible INTEGER) in a named column, or nil for NULL.
    public func optionalDouble(_ name: String) throws -> Double? { try decode(named: name) }

    /// The TEXT at a column index.
    public func string(_ index: Int) throws -> String { try decode(at: index) }
    /// The TEXT in a named column.
    public func string(_ name: String) throws -> String { try decode(named: name) }
    /// The TEXT at a column index, or nil for NULL.
    public func optionalString(_ index: Int) throws -> String? { try decode(at: index) }
    /// The TEXT in a named column, or nil for NULL.
    public func optionalString(_ name: String) throws -> String? { try decode(named: name) }

    /// The BLOB at a column index.
    public func blob(_ index: Int) throws -> [UInt8] { try decode(at: index) }
    /// The BLOB in a named column.
    public func blob(_ name: String) throws -> [UInt8] { try decode(named: name) }
    /// The BLOB at a column index, or nil for NULL.
    public func optionalBlob(_ index: Int) throws -> [UInt8]? { try decode(at: index) }
    /// The BLOB in a named column, or nil for NULL.
    public func optionalBlob(_ name: String) throws -> [UInt8]? { try decode(named: name) }

    /// The INTEGER 0 or 1 at a column index, as a Bool.
    public func bool(_ index: Int) throws -> Bool { try decode(at: index) }
    /// The INTEGER 0 or 1 in a named column, as a Bool.
    public func bool(_ name: String) throws -> Bool { try decode(named: name) }
    /// The INTEGER 0 or 1 at a column index as a Bool, or nil for NULL.
    public func optionalBool(_ index: Int) throws -> Bool? { try decode(at: index) }
    /// The INTEGER 0 or 1 in a named column as a Bool, or nil for NULL.
    public func optionalBool(_ name: String) throws -> Bool? { try decode(named: name) }
}

/// `Int64?` rather than `Optional<Int64>`, `[UInt8]` rather than `Array<UInt8>`, for messages.
private func swiftTypeName(_ type: Any.Type) -> String {
    var name = String(describing: type)
    var optionals = 0
    while name.hasPrefix("Optional<"), name.hasSuffix(">") {
        name = String(name.dropFirst("Optional<".count).dropLast())
        optionals += 1
    }
    if name == "Array<UInt8>" { name = "[UInt8]" }
    return name + String(repeating: "?", count: optionals)
}

private func asciiCaseInsensitiveEqual(_ lhs: String, _ rhs: String) -> Bool {
    func fold(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
    return lhs.utf8.count == rhs.utf8.count && zip(lhs.utf8, rhs.utf8).allSatisfy { fold($0) == fold($1) }
}
