/// An error from SQLite, or from this wrapper's own checks on how SQLite is used.
///
/// Its description follows GRDB's style, so a log line says what failed and where:
///
///     SQLite error 19: NOT NULL constraint failed: player.score - while executing `UPDATE player SET score = NULL`
///     SQLite error 14: unable to open database file - while opening `/srv/ronghe/missing/campaign.sqlite`
///
/// The number is the primary result code; ``extendedResultCode`` keeps the precise one
/// (787 for a foreign key violation, 1299 for NOT NULL, 2067 for UNIQUE).
///
/// Statement ``arguments`` are kept on the error for debugging but never printed by
/// ``description``: they are survey answers and enterprise data, which must not end up in logs.
///
/// Errors raised by the wrapper itself reuse the SQLite code that fits best: ``ResultCode/misuse``
/// for a wrong number of statement arguments, ``ResultCode/mismatch`` when a column cannot be read
/// as the requested type, ``ResultCode/range`` for an unknown column, ``ResultCode/done`` when a
/// query expected to return a row returned none.
public struct DatabaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The precise (extended) SQLite result code, for example 787 for a foreign key violation.
    public let extendedResultCode: ResultCode

    /// The SQLite error message, for example `NOT NULL constraint failed: player.score`.
    public let message: String

    /// The statement that failed, if the error comes from executing one.
    public let sql: String?

    /// The values bound to the failing statement. Not part of ``description``, for privacy.
    public let arguments: [SQLiteValue]

    /// The database file, if the error happened while opening it.
    public let path: String?

    /// Creates an error; `resultCode` may be a primary or an extended code.
    public init(
        resultCode: ResultCode,
        message: String,
        sql: String? = nil,
        arguments: [SQLiteValue] = [],
        path: String? = nil
    ) {
        self.extendedResultCode = resultCode
        self.message = message
        self.sql = sql
        self.arguments = arguments
        self.path = path
    }

    /// The primary result code (the low eight bits of ``extendedResultCode``), for example 19 for
    /// every kind of constraint violation.
    public var resultCode: ResultCode { extendedResultCode.primary }

    /// `SQLite error <primary code>: <message>`, then where it happened; arguments are left out.
    public var description: String {
        var text = "SQLite error \(resultCode.rawValue): \(message)"
        switch (sql, path) {
        case let (sql?, path?):
            text += " - while opening `\(path)` (executing `\(sql)`)"
        case let (sql?, nil):
            text += " - while executing `\(sql)`"
        case let (nil, path?):
            text += " - while opening `\(path)`"
        case (nil, nil):
            break
        }
        return text
    }
}

extension DatabaseError {
    /// A SQLite result code, primary (0...255) or extended (primary code plus detail in the high
    /// bits). See https://www.sqlite.org/rescode.html.
    ///
    /// Compare ``DatabaseError/resultCode`` with primary codes and
    /// ``DatabaseError/extendedResultCode`` with extended ones:
    ///
    ///     catch let error as DatabaseError where error.extendedResultCode == .constraintForeignKey
    public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The numeric code as SQLite returns it.
        public let rawValue: Int32

        /// Wraps a numeric SQLite result code.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// The primary code: the low eight bits.
        public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xff) }

        /// The number, as SQLite documents it.
        public var description: String { String(rawValue) }

        // Primary codes (sqlite3.h). Only the ones callers are likely to test for.
        /// SQLITE_ERROR: generic error, including SQL syntax errors.
        public static let error = ResultCode(rawValue: 1)
        /// SQLITE_INTERNAL.
        public static let `internal` = ResultCode(rawValue: 2)
        /// SQLITE_PERM: access permission denied.
        public static let permission = ResultCode(rawValue: 3)
        /// SQLITE_ABORT: callback requested an abort, or a statement was rolled back.
        public static let abort = ResultCode(rawValue: 4)
        /// SQLITE_BUSY: the database file is locked by another connection.
        public static let busy = ResultCode(rawValue: 5)
        /// SQLITE_LOCKED: a table is locked by the same connection.
        public static let locked = ResultCode(rawValue: 6)
        /// SQLITE_NOMEM.
        public static let noMemory = ResultCode(rawValue: 7)
        /// SQLITE_READONLY: attempt to write a read-only database.
        public static let readOnly = ResultCode(rawValue: 8)
        /// SQLITE_INTERRUPT.
        public static let interrupt = ResultCode(rawValue: 9)
        /// SQLITE_IOERR: disk I/O error.
        public static let ioError = ResultCode(rawValue: 10)
        /// SQLITE_CORRUPT: the database disk image is malformed.
        public static let corrupt = ResultCode(rawValue: 11)
        /// SQLITE_FULL: the disk is full.
        public static let full = ResultCode(rawValue: 13)
        /// SQLITE_CANTOPEN: unable to open the database file.
        public static let cantOpen = ResultCode(rawValue: 14)
        /// SQLITE_CONSTRAINT: a constraint (NOT NULL, UNIQUE, CHECK, FOREIGN KEY…) was violated.
        public static let constraint = ResultCode(rawValue: 19)
        /// SQLITE_MISMATCH: data type mismatch; also used here when a column cannot be read as
        /// the requested Swift type, or a value cannot be stored without loss.
        public static let mismatch = ResultCode(rawValue: 20)
        /// SQLITE_MISUSE: the API was used wrongly, for example the wrong number of arguments.
        public static let misuse = ResultCode(rawValue: 21)
        /// SQLITE_RANGE: a parameter or column index (or name) out of range.
        public static let range = ResultCode(rawValue: 25)
        /// SQLITE_NOTADB: the file is not a database.
        public static let notADatabase = ResultCode(rawValue: 26)
        /// SQLITE_DONE: used here when a query expected to return a row returned none.
        public static let done = ResultCode(rawValue: 101)

        // Extended codes.
        /// SQLITE_BUSY_SNAPSHOT: a deferred transaction's snapshot went stale before it wrote.
        public static let busySnapshot = ResultCode(rawValue: 5 | (2 << 8))
        /// SQLITE_CONSTRAINT_CHECK.
        public static let constraintCheck = ResultCode(rawValue: 19 | (1 << 8))
        /// SQLITE_CONSTRAINT_FOREIGNKEY (787).
        public static let constraintForeignKey = ResultCode(rawValue: 19 | (3 << 8))
        /// SQLITE_CONSTRAINT_NOTNULL (1299).
        public static let constraintNotNull = ResultCode(rawValue: 19 | (5 << 8))
        /// SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        public static let constraintPrimaryKey = ResultCode(rawValue: 19 | (6 << 8))
        /// SQLITE_CONSTRAINT_UNIQUE (2067).
        public static let constraintUnique = ResultCode(rawValue: 19 | (8 << 8))
    }
}
