import Foundation

/// A Swift type that can be bound to a statement parameter and read back from a column.
///
/// Conversions are strict, so that nothing is silently rounded or reinterpreted:
///
/// | Swift type        | binds as  | reads from                                                |
/// |-------------------|-----------|-----------------------------------------------------------|
/// | `Int64`, `Int`    | INTEGER   | INTEGER                                                   |
/// | `Double`          | REAL      | REAL, or an INTEGER that a `Double` represents exactly    |
/// | `Bool`            | INTEGER   | INTEGER 0 or 1                                            |
/// | `String`          | TEXT      | TEXT                                                      |
/// | `[UInt8]`, `Data` | BLOB      | BLOB                                                      |
/// | `Optional`        | NULL/…    | NULL, or whatever the wrapped type reads                  |
///
/// Thanks to these conformances callers write arguments as a plain array literal:
///
///     try db.execute("INSERT INTO enterprise(name, employees) VALUES (?, ?)", [name, 3])
public protocol SQLiteValueConvertible: Sendable {
    /// The value to bind.
    var sqliteValue: SQLiteValue { get }

    /// Returns the Swift value a stored value represents exactly, or nil if it represents none.
    static func fromSQLiteValue(_ value: SQLiteValue) -> Self?
}

extension SQLiteValue: SQLiteValueConvertible {
    /// The value itself.
    public var sqliteValue: SQLiteValue { self }

    /// Any value, unchanged.
    public static func fromSQLiteValue(_ value: SQLiteValue) -> SQLiteValue? { value }
}

extension Int64: SQLiteValueConvertible {
    /// `.integer(self)`.
    public var sqliteValue: SQLiteValue { .integer(self) }

    /// The integer, if the value is INTEGER.
    public static func fromSQLiteValue(_ value: SQLiteValue) -> Int64? {
        if case .integer(let integer) = value { return integer }
        return nil
    }
}

extension Int: SQLiteValueConvertible {
    /// `.integer(Int64(self))`.
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }

    /// The integer, if the value is an INTEGER that fits in `Int`.
    public static func fromSQLiteValue(_ value: SQLiteValue) -> Int? {
        if case .integer(let integer) = value { return Int(exactly: integer) }
        return nil
    }
}

extension Double: SQLiteValueConvertible {
    /// `.real(self)`. Binding NaN throws, because SQLite would store it as NULL.
    public var sqliteValue: SQLiteValue { .real(self) }

    /// The double, if the value is REAL, or INTEGER with an exact `Double` representation
    /// (SQLite returns integers for integral results of untyped expressions such as `SELECT 3`).
    public static func fromSQLiteValue(_ value: SQLiteValue) -> Double? {
        switch value {
        case .real(let real): return real
        case .integer(let integer): return Double(exactly: integer)
        default: return nil
        }
    }
}

extension Bool: SQLiteValueConvertible {
    /// `.integer(1)` for true, `.integer(0)` for false.
    public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }

    /// `false` for INTEGER 0, `true` for INTEGER 1, nil for anything else.
    public static func fromSQLiteValue(_ value: SQLiteValue) -> Bool? {
        switch value {
        case .integer(0): return false
        case .integer(1): return true
        default: return nil
        }
    }
}

extension String: SQLiteValueConvertible {
    /// `.text(self)`.
    public var sqliteValue: SQLiteValue { .text(self) }

    /// The text, if the value is TEXT.
    public static func fromSQLiteValue(_ value: SQLiteValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension Array: SQLiteValueConvertible where Element == UInt8 {
    /// `.blob(self)`; an empty array is an empty blob, not NULL.
    public var sqliteValue: SQLiteValue { .blob(self) }

    /// The bytes, if the value is BLOB.
    public static func fromSQLiteValue(_ value: SQLiteValue) -> [UInt8]? {
        if case .blob(let bytes) = value { return bytes }
        return nil
    }
}

extension Data: SQLiteValueConvertible {
    /// `.blob` of the bytes; empty data is an empty blob, not NULL.
    public var sqliteValue: SQLiteValue { .blob([UInt8](self)) }

    /// The bytes, if the value is BLOB.
    public static func fromSQLiteValue(_ value: SQLiteValue) -> Data? {
        if case .blob(let bytes) = value { return Data(bytes) }
        return nil
    }
}

extension Optional: SQLiteValueConvertible where Wrapped: SQLiteValueConvertible {
    /// `.null` for nil, the wrapped value's otherwise.
    public var sqliteValue: SQLiteValue {
        switch self {
        case .none: .null
        case .some(let wrapped): wrapped.sqliteValue
        }
    }

    /// `.some(nil)` for NULL; otherwise the wrapped type's reading, or nil when that fails.
    public static func fromSQLiteValue(_ value: SQLiteValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        guard let wrapped = Wrapped.fromSQLiteValue(value) else { return nil }
        return .some(wrapped)
    }
}
