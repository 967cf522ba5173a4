/// One SQLite value, in one of SQLite's five storage classes.
///
/// Values are what statements bind and what rows hold. Two facts about SQLite a caller should
/// know, because they decide whether a value comes back unchanged:
///
/// - A `REAL` (or `NUMERIC`, `ANY`, …) column stores an integral double as an integer on disk and
///   turns it back into a double on read, so `-0.0` comes back as `0.0` (equal, but not the same
///   bits). A column declared without a type (BLOB affinity) keeps every double bit for bit.
/// - SQLite turns NaN into NULL. Binding a NaN therefore throws rather than silently storing NULL.
public enum SQLiteValue: Hashable, Sendable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes, possibly empty (which is not NULL).
    case blob([UInt8])

    /// Whether the value is SQL NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The SQLite name of the storage class: `NULL`, `INTEGER`, `REAL`, `TEXT` or `BLOB`.
    public var storageClass: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }

    /// Describes the value for an error message without revealing text or bytes, which may be
    /// survey answers: numbers are shown, text and blobs only by size.
    var redactedDescription: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): "INTEGER \(value)"
        case .real(let value): "REAL \(value)"
        case .text(let value): "TEXT (\(value.utf8.count) bytes)"
        case .blob(let value): "BLOB (\(value.count) bytes)"
        }
    }
}
