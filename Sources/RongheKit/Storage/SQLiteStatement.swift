internal import CSQLite

/// A prepared SQL statement: compiled once, then bound, stepped and reset as often as needed.
///
/// Statements come from ``SQLiteConnection/makeStatement(sql:)`` or, for hot loops,
/// ``SQLiteConnection/cachedStatement(sql:)``. The statement is finalized when the object goes
/// away. It may outlive ``SQLiteConnection/close()`` (SQLite keeps the closed connection as a
/// zombie until the last statement is finalized), but every use after close throws.
///
/// Parameters are 1-based, like SQLite's: `?` parameters are numbered left to right, and named
/// ones (`:name`, `@name`, `$name`) can also be bound by name. Text and blobs are copied by SQLite
/// when bound (`SQLITE_TRANSIENT`), so the Swift values may go away right after.
///
/// The convenience methods (`execute(_:)`, `rows(_:)`) reset before binding and after finishing,
/// so a statement used only through them never keeps a read snapshot or a lock open. After
/// driving ``step()`` by hand, call ``reset()``.
///
/// A statement belongs to its connection's task; it is not `Sendable`.
public final class SQLiteStatement {
    /// The result of one ``step()``.
    public enum StepResult: Sendable {
        /// A row is available through ``column(_:)`` or ``row()``.
        case row
        /// The statement has run to completion.
        case done
    }

    let handle: OpaquePointer
    private let lifetime: ConnectionLifetime

    /// The SQL text of the statement, as prepared.
    public let sql: String

    /// How many parameters the statement has (the largest parameter index).
    public let parameterCount: Int

    // What is bound, so that an error can carry the arguments (never printed).
    private var boundValues: [SQLiteValue]

    init(handle: OpaquePointer, sql: String, lifetime: ConnectionLifetime) {
        self.handle = handle
        self.sql = sql
        self.lifetime = lifetime
        self.parameterCount = Int(sqlite3_bind_parameter_count(handle))
        self.boundValues = Array(repeating: .null, count: parameterCount)
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: Binding

    /// Binds a value to the 1-based parameter `index`.
    public func bind(_ value: any SQLiteValueConvertible, at index: Int) throws {
        try checkOpen()
        guard index >= 1, index <= parameterCount else {
            throw misuse("no parameter at index \(index) (the statement has \(parameterCount))")
        }
        try bindValue(value.sqliteValue, at: index)
    }

    /// Binds a value to a named parameter; `name` may include its prefix (`:score`) or not
    /// (`score`, which then matches `:score`, `@score` or `$score`).
    public func bind(_ value: any SQLiteValueConvertible, named name: String) throws {
        try checkOpen()
        guard let index = parameterIndex(named: name) else {
            throw misuse("no parameter named `\(name)` in the statement")
        }
        try bindValue(value.sqliteValue, at: index)
    }

    /// Resets the statement and binds every parameter from `arguments`, in order.
    ///
    /// The count must equal ``parameterCount``: a missing or extra argument is a bug that
    /// would otherwise store NULL or drop data, so it throws.
    public func bind(_ arguments: [any SQLiteValueConvertible]) throws {
        try checkOpen()
        guard arguments.count == parameterCount else {
            throw misuse(
                "wrong number of statement arguments: \(arguments.count) given, \(parameterCount) expected"
            )
        }
        reset()
        clearBindings()
        for (offset, argument) in arguments.enumerated() {
            try bindValue(argument.sqliteValue, at: offset + 1)
        }
    }

    /// Resets the statement and binds every named parameter from `arguments`.
    ///
    /// Keys may carry the prefix (`":score"`) or not (`"score"`). Every parameter of the
    /// statement must get a value and every key must name a parameter; anything else throws.
    public func bind(_ arguments: [String: any SQLiteValueConvertible]) throws {
        try checkOpen()
        var indexed: [Int: SQLiteValue] = [:]
        for (name, value) in arguments {
            guard let index = parameterIndex(named: name) else {
                throw misuse("no parameter named `\(name)` in the statement")
            }
            if indexed[index] != nil {
                throw misuse("two arguments given for the parameter `\(parameterName(at: index) ?? name)`")
            }
            indexed[index] = value.sqliteValue
        }
        for index in stride(from: 1, through: parameterCount, by: 1) where indexed[index] == nil {
            let name = parameterName(at: index).map { "`\($0)`" } ?? "\(index) (`?`)"
            throw misuse("missing value for the statement parameter \(name)")
        }
        reset()
        clearBindings()
        for (index, value) in indexed.sorted(by: { $0.key < $1.key }) {
            try bindValue(value, at: index)
        }
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        guard lifetime.isOpen else { return }
        sqlite3_clear_bindings(handle)
        for index in boundValues.indices { boundValues[index] = .null }
    }

    /// The 1-based index of a named parameter, trying each prefix when `name` has none.
    public func parameterIndex(named name: String) -> Int? {
        guard lifetime.isOpen else { return nil }
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = Int(sqlite3_bind_parameter_index(handle, candidate))
            if index > 0 { return index }
        }
        return nil
    }

    /// The name of the parameter at a 1-based index, with its prefix, or nil for a `?` parameter.
    public func parameterName(at index: Int) -> String? {
        guard lifetime.isOpen, let name = sqlite3_bind_parameter_name(handle, Int32(index)) else { return nil }
        return String(cString: name)
    }

    private func bindValue(_ value: SQLiteValue, at index: Int) throws {
        let position = Int32(index)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, position, integer)
        case .real(let real):
            // SQLite silently stores NaN as NULL; refuse rather than lose the value.
            if real.isNaN {
                throw DatabaseError(
                    resultCode: .mismatch,
                    message: "cannot bind NaN to parameter \(index): SQLite would store it as NULL",
                    sql: sql,
                    arguments: boundValues
                )
            }
            code = sqlite3_bind_double(handle, position, real)
        case .text(var text):
            code = text.withUTF8 { utf8 in
                // A null pointer would bind NULL, and an empty string is not NULL.
                guard let base = utf8.baseAddress, utf8.count > 0 else {
                    return sqlite3_bind_text64(handle, position, "", 0, ronghe_sqlite_transient(), UInt8(SQLITE_UTF8))
                }
                return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                    sqlite3_bind_text64(
                        handle, position, chars, UInt64(utf8.count), ronghe_sqlite_transient(), UInt8(SQLITE_UTF8)
                    )
                }
            }
        case .blob(let bytes):
            if bytes.isEmpty {
                // Same reason: a null pointer would bind NULL, not an empty blob.
                code = sqlite3_bind_zeroblob(handle, position, 0)
            } else {
                code = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob64(handle, position, raw.baseAddress, UInt64(raw.count), ronghe_sqlite_transient())
                }
            }
        }
        guard code == SQLITE_OK else { throw lastError(code) }
        boundValues[index - 1] = value
    }

    // MARK: Stepping

    /// Runs the statement until it has a row or is done.
    ///
    /// After an error, or to run the statement again, call ``reset()`` (the convenience methods
    /// and the whole-argument-list `bind(_:)` do).
    public func step() throws -> StepResult {
        try checkOpen()
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return .row
        case SQLITE_DONE: return .done
        default: throw lastError(code)
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    ///
    /// It releases the read snapshot or lock a half-stepped statement holds. The return code of
    /// `sqlite3_reset` only repeats the error ``step()`` already threw, so it is not reported.
    public func reset() {
        guard lifetime.isOpen else { return }
        sqlite3_reset(handle)
    }

    /// Resets, binds `arguments`, runs to completion (discarding rows) and resets again.
    public func execute(_ arguments: [any SQLiteValueConvertible] = []) throws {
        try bind(arguments)
        try runToCompletion()
    }

    /// Resets, binds named `arguments`, runs to completion (discarding rows) and resets again.
    public func execute(_ arguments: [String: any SQLiteValueConvertible]) throws {
        try bind(arguments)
        try runToCompletion()
    }

    /// Resets, binds `arguments` and returns every row; the statement is reset afterwards.
    public func rows(_ arguments: [any SQLiteValueConvertible] = []) throws -> [Row] {
        try bind(arguments)
        return try collectRows()
    }

    /// Resets, binds named `arguments` and returns every row; the statement is reset afterwards.
    public func rows(_ arguments: [String: any SQLiteValueConvertible]) throws -> [Row] {
        try bind(arguments)
        return try collectRows()
    }

    private func runToCompletion() throws {
        defer { reset() }
        while try step() == .row {}
    }

    private func collectRows() throws -> [Row] {
        defer { reset() }
        var rows: [Row] = []
        var names: [String]?
        while try step() == .row {
            // Names are read after the first step: a schema change re-prepares the statement there.
            let columnNames = names ?? self.columnNames
            names = columnNames
            rows.append(Row(columnNames: columnNames, values: try currentValues(count: columnNames.count), sql: sql))
        }
        return rows
    }

    // MARK: Columns

    /// How many columns each row has (0 for statements that return no rows).
    public var columnCount: Int {
        guard lifetime.isOpen else { return 0 }
        return Int(sqlite3_column_count(handle))
    }

    /// The column names, as SQLite reports them.
    public var columnNames: [String] {
        (0..<columnCount).map { index in
            sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
        }
    }

    /// The value at a 0-based column index of the current row; call after ``step()`` returned
    /// ``StepResult/row``.
    public func column(_ index: Int) throws -> SQLiteValue {
        try checkOpen()
        guard (0..<columnCount).contains(index) else {
            throw DatabaseError(
                resultCode: .range,
                message: "no column at index \(index) in the row (\(columnCount) columns)",
                sql: sql
            )
        }
        return try value(at: Int32(index))
    }

    /// The current row, copied out; call after ``step()`` returned ``StepResult/row``.
    public func row() throws -> Row {
        try checkOpen()
        let names = columnNames
        return Row(columnNames: names, values: try currentValues(count: names.count), sql: sql)
    }

    private func currentValues(count: Int) throws -> [SQLiteValue] {
        var values: [SQLiteValue] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            values.append(try value(at: Int32(index)))
        }
        return values
    }

    private func value(at index: Int32) throws -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // Pointer first, then length, as SQLite documents; the pointer is nil only when out of memory.
            guard let text = sqlite3_column_text(handle, index) else { throw lastError(SQLITE_NOMEM) }
            let length = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, index)
            let length = Int(sqlite3_column_bytes(handle, index))
            guard length > 0 else { return .blob([]) }
            guard let bytes else { throw lastError(SQLITE_NOMEM) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
        default:
            return .null
        }
    }

    // MARK: Errors

    private func checkOpen() throws {
        guard lifetime.isOpen else {
            throw misuse("the statement's connection is closed")
        }
    }

    private func misuse(_ message: String) -> DatabaseError {
        DatabaseError(resultCode: .misuse, message: message, sql: sql, arguments: boundValues)
    }

    private func lastError(_ code: Int32) -> DatabaseError {
        let database = sqlite3_db_handle(handle)
        let message = sqlite3_errmsg(database).map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        return DatabaseError(resultCode: .init(rawValue: code), message: message, sql: sql, arguments: boundValues)
    }
}

@available(*, unavailable, message: "a statement stays on its connection's task")
extension SQLiteStatement: Sendable {}

/// Shared by a connection and its statements, so that a statement outliving `close()` throws
/// instead of touching a closed connection.
final class ConnectionLifetime {
    var isOpen = true
}
