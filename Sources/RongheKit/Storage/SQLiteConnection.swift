internal import CSQLite

/// One connection to a SQLite database file, configured for safe concurrent use by several
/// processes.
///
/// Opening a connection (read-write modes) sets, and checks:
///
/// - `PRAGMA journal_mode = WAL`: readers never block the writer and the writer never blocks
///   readers; a crash leaves the last committed transaction intact. Opening fails if SQLite
///   answers with another mode (in-memory databases, path `:memory:`, stay in `memory` mode).
/// - `PRAGMA foreign_keys = ON`, read back, so references between tables are enforced.
/// - `PRAGMA synchronous = NORMAL`: in WAL mode a commit stays atomic and consistent across a
///   crash or power loss; what NORMAL gives up is durability of the last commits before a power
///   loss (not an application crash), which are rolled back, never half-written.
/// - a busy timeout (10 s by default): a connection that finds the file locked by another one
///   (another process, or another thread) waits and retries instead of failing with
///   `SQLITE_BUSY`. Writers should use ``transaction(_:_:)`` with `.immediate` (the default) so
///   that the wait happens at `BEGIN`, where it is always safe.
/// - double-quoted string literals off (`SQLITE_DBCONFIG_DQS_DDL/DML`), so `WHERE name = "x"` is
///   an error instead of silently comparing with the text `x`; defensive mode on, so no SQL can
///   corrupt the file on purpose (`PRAGMA writable_schema`, `journal_mode = OFF`).
///
/// The connection is opened with `SQLITE_OPEN_NOMUTEX`: SQLite takes no lock on each call
/// because the type system already keeps the connection on one task (it is not `Sendable`).
/// Another thread or process gets its own connection.
///
/// The connection closes in `deinit`, or earlier with ``close()``; an open transaction is then
/// rolled back. Using the connection after ``close()`` throws (methods) or traps (properties).
public final class SQLiteConnection {
    /// How a connection opens its file.
    public struct Configuration: Sendable {
        /// Whether the file may be created or written.
        public enum Mode: Sendable {
            /// Opens for reading and writing, creating the file if it does not exist.
            case readWriteCreate
            /// Opens for reading and writing; fails if the file does not exist.
            case readWrite
            /// Opens for reading only; fails if the file does not exist. WAL mode is not set
            /// (a read-only connection cannot change it) and writes fail with `SQLITE_READONLY`.
            case readOnly
        }

        /// Whether the file may be created or written; `.readWriteCreate` by default.
        public var mode: Mode

        /// How long a statement waits for another connection's lock before failing with
        /// `SQLITE_BUSY`; 10 seconds by default, millisecond precision.
        public var busyTimeout: Duration

        /// The page size, in bytes (a power of two from 512 to 65536), of a database this
        /// connection creates; nil for SQLite's default (4096). An existing database keeps its own:
        /// the size is fixed when the first table is written, and WAL mode cannot change it.
        public var pageSize: Int?

        /// Creates a configuration.
        public init(mode: Mode = .readWriteCreate, busyTimeout: Duration = .seconds(10), pageSize: Int? = nil) {
            self.mode = mode
            self.busyTimeout = busyTimeout
            self.pageSize = pageSize
        }
    }

    /// The path the connection was opened with.
    public let path: String

    /// The configuration the connection was opened with.
    public let configuration: Configuration

    private let handle: OpaquePointer
    private let lifetime = ConnectionLifetime()
    private var statementCache: [String: SQLiteStatement] = [:]

    /// Opens (or creates) the database at `path` and configures it as described above.
    ///
    /// Failures name the path: `SQLite error 14: unable to open database file - while opening
    /// \`/srv/missing/campaign.sqlite\``.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        self.path = path
        self.configuration = configuration

        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch configuration.mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            // SQLite usually returns a handle even on failure, holding the message; it must be closed.
            let message = opened.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                ?? String(cString: sqlite3_errstr(code))
            let extendedCode = opened.map { sqlite3_extended_errcode($0) } ?? code
            sqlite3_close_v2(opened)
            throw DatabaseError(resultCode: .init(rawValue: extendedCode), message: message, path: path)
        }
        self.handle = opened

        do {
            try configure()
        } catch let error as DatabaseError {
            closeQuietly()
            throw DatabaseError(
                resultCode: error.extendedResultCode,
                message: error.message,
                sql: error.sql,
                arguments: error.arguments,
                path: path
            )
        }
    }

    deinit {
        closeQuietly()
    }

    private func configure() throws {
        sqlite3_extended_result_codes(handle, 1)

        let (seconds, attoseconds) = configuration.busyTimeout.components
        let milliseconds: Int32 =
            seconds < 0 ? 0
            : seconds >= Int64(Int32.max / 1000) ? Int32.max
            : Int32(max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        try check(sqlite3_busy_timeout(handle, milliseconds), sql: nil)

        for (option, value) in [
            (SQLITE_DBCONFIG_DQS_DDL, 0), (SQLITE_DBCONFIG_DQS_DML, 0), (SQLITE_DBCONFIG_DEFENSIVE, 1),
        ] {
            var applied: Int32 = -1
            try check(ronghe_sqlite_db_config_int(handle, option, Int32(value), &applied), sql: nil)
        }

        if configuration.mode != .readOnly, let pageSize = configuration.pageSize {
            // Before WAL mode, which fixes the page size of a new database. An Int cannot inject anything.
            try execute(sql: "PRAGMA page_size = \(pageSize)")
        }
        if configuration.mode != .readOnly {
            let sql = "PRAGMA journal_mode = WAL"
            let mode = try scalar(sql, as: String.self).lowercased()
            let expected = path == ":memory:" || path.isEmpty ? ["memory", "delete"] : ["wal"]
            guard expected.contains(mode) else {
                throw DatabaseError(
                    resultCode: .error,
                    message: "the database stays in journal mode \(mode) instead of wal",
                    sql: sql
                )
            }
        }

        try execute(sql: "PRAGMA foreign_keys = ON")
        guard try scalar("PRAGMA foreign_keys", as: Bool.self) else {
            throw DatabaseError(
                resultCode: .error,
                message: "this SQLite library cannot enforce foreign keys",
                sql: "PRAGMA foreign_keys = ON"
            )
        }
        try execute(sql: "PRAGMA synchronous = NORMAL")
    }

    /// Closes the connection; an open transaction is rolled back.
    ///
    /// Cached statements are finalized; statements the caller still holds are finalized when
    /// released (SQLite frees the connection then) and throw if used. Closing twice does nothing.
    public func close() throws {
        guard lifetime.isOpen else { return }
        statementCache.removeAll()
        lifetime.isOpen = false
        let code = sqlite3_close_v2(handle)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: .init(rawValue: code), message: String(cString: sqlite3_errstr(code)))
        }
    }

    private func closeQuietly() {
        try? close()
    }

    /// Whether ``close()`` has been called.
    public var isClosed: Bool { !lifetime.isOpen }

    // MARK: Statements

    /// Prepares one statement, to run many times with different arguments.
    ///
    /// `sql` must hold exactly one statement (a trailing `;` and comments are fine); use
    /// ``execute(sql:)`` for scripts.
    public func makeStatement(sql: String) throws -> SQLiteStatement {
        let database = try openHandle(sql: sql)
        return try sql.withCString { start in
            let end = start + sql.utf8.count
            var cursor = start
            var found: SQLiteStatement?
            while found == nil, cursor < end {
                let (statement, tail) = try prepareNext(database, from: cursor, to: end)
                found = statement
                if tail == cursor { break }
                cursor = tail
            }
            guard let found else {
                throw DatabaseError(resultCode: .misuse, message: "no statement in the SQL text", sql: sql)
            }
            // Only whitespace, comments and `;` may follow. Whatever else follows is refused
            // even if it does not prepare (it may use a table the first statement creates).
            while cursor < end {
                let next = try? prepareNext(database, from: cursor, to: end)
                guard let next, next.0 == nil else {
                    throw DatabaseError(
                        resultCode: .misuse,
                        message: "several statements given where one was expected; use execute(sql:) for scripts",
                        sql: sql
                    )
                }
                if next.1 == cursor { break }
                cursor = next.1
            }
            return found
        }
    }

    /// Returns a prepared statement for `sql`, preparing it only the first time.
    ///
    /// The statement comes back reset with its bindings cleared. It is shared by every caller
    /// asking for the same SQL, so do not ask for the same SQL again while you are still stepping
    /// through its rows. Cached statements live until ``close()``.
    public func cachedStatement(sql: String) throws -> SQLiteStatement {
        if let statement = statementCache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try makeStatement(sql: sql)
        statementCache[sql] = statement
        return statement
    }

    // Prepares the statement starting at `start`; returns nil for a statement that is only
    // whitespace, comments or `;`, and where the next one starts.
    private func prepareNext(
        _ database: OpaquePointer,
        from start: UnsafePointer<CChar>,
        to end: UnsafePointer<CChar>
    ) throws -> (SQLiteStatement?, UnsafePointer<CChar>) {
        var prepared: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sqlite3_prepare_v2(database, start, Int32(end - start), &prepared, &tail)
        guard code == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(database))
            throw DatabaseError(
                resultCode: .init(rawValue: code),
                message: message,
                sql: Self.failingStatementText(from: start, to: end)
            )
        }
        let next = tail ?? end
        guard let prepared else { return (nil, next) }
        let text = Self.statementText(UnsafeRawBufferPointer(start: start, count: next - start))
        return (SQLiteStatement(handle: prepared, sql: text, lifetime: lifetime), next)
    }

    /// The text of one statement: trimmed, without its terminating `;`.
    private static func statementText(_ bytes: UnsafeRawBufferPointer) -> String {
        var text = Substring(String(decoding: bytes, as: UTF8.self))
        func trim() {
            while let first = text.first, first.isWhitespace { text.removeFirst() }
            while let last = text.last, last.isWhitespace { text.removeLast() }
        }
        trim()
        if text.last == ";" {
            text.removeLast()
            trim()
        }
        return String(text)
    }

    /// When preparing fails there is no tail; the failing statement ends at the first `;` after
    /// which SQLite's own tokenizer (`sqlite3_complete`) sees a complete statement.
    private static func failingStatementText(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>) -> String {
        var cursor = start
        while cursor < end {
            if cursor.pointee == CChar(UInt8(ascii: ";")) {
                let candidate = String(
                    decoding: UnsafeRawBufferPointer(start: start, count: cursor + 1 - start), as: UTF8.self
                )
                if sqlite3_complete(candidate) != 0 {
                    return statementText(UnsafeRawBufferPointer(start: start, count: cursor + 1 - start))
                }
            }
            cursor += 1
        }
        return statementText(UnsafeRawBufferPointer(start: start, count: end - start))
    }

    // MARK: Executing

    /// Runs a script of zero or more statements separated by `;`, in order, discarding rows.
    ///
    /// Each statement is prepared only when the previous one has run (so a script may create a
    /// table and then use it). An error carries the exact failing statement, not the whole
    /// script; statements before it stay executed unless the caller wraps the script in
    /// ``transaction(_:_:)``.
    public func execute(sql: String) throws {
        let database = try openHandle(sql: sql)
        try sql.withCString { start in
            let end = start + sql.utf8.count
            var cursor = start
            while cursor < end {
                let (statement, tail) = try prepareNext(database, from: cursor, to: end)
                try statement?.execute()
                if tail == cursor { break }
                cursor = tail
            }
        }
    }

    /// Runs one statement with positional arguments (`?`), discarding rows.
    ///
    ///     try db.execute("INSERT INTO enterprise(name, employees) VALUES (?, ?)", [name, 3])
    public func execute(_ sql: String, _ arguments: [any SQLiteValueConvertible] = []) throws {
        try makeStatement(sql: sql).execute(arguments)
    }

    /// Runs one statement with named arguments (`:name`, `@name`, `$name`), discarding rows.
    ///
    ///     try db.execute("UPDATE score SET value = :value WHERE id = :id", ["value": 9.5, "id": 1])
    public func execute(_ sql: String, _ arguments: [String: any SQLiteValueConvertible]) throws {
        try makeStatement(sql: sql).execute(arguments)
    }

    /// Runs one query with positional arguments and returns every row.
    public func rows(_ sql: String, _ arguments: [any SQLiteValueConvertible] = []) throws -> [Row] {
        try makeStatement(sql: sql).rows(arguments)
    }

    /// Runs one query with named arguments and returns every row.
    public func rows(_ sql: String, _ arguments: [String: any SQLiteValueConvertible]) throws -> [Row] {
        try makeStatement(sql: sql).rows(arguments)
    }

    /// Runs one query and returns its first row, or nil if it returns none.
    public func firstRow(_ sql: String, _ arguments: [any SQLiteValueConvertible] = []) throws -> Row? {
        let statement = try makeStatement(sql: sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        return try statement.step() == .row ? try statement.row() : nil
    }

    /// Runs one query and returns the first column of its first row, decoded as `T`.
    ///
    /// Throws `SQLite error 101: the query returned no row` when there is no row; make `T`
    /// optional to accept NULL.
    ///
    ///     let count = try db.scalar("SELECT count(*) FROM enterprise", as: Int.self)
    public func scalar<T: SQLiteValueConvertible>(
        _ sql: String,
        _ arguments: [any SQLiteValueConvertible] = [],
        as type: T.Type = T.self
    ) throws -> T {
        guard let row = try firstRow(sql, arguments) else {
            throw DatabaseError(resultCode: .done, message: "the query returned no row", sql: sql)
        }
        return try row.decode(type, at: 0)
    }

    // MARK: State

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertedRowID: Int64 {
        sqlite3_last_insert_rowid(liveHandle())
    }

    /// How many rows the most recent INSERT, UPDATE or DELETE changed.
    public var changes: Int {
        Int(sqlite3_changes64(liveHandle()))
    }

    /// How many rows INSERT, UPDATE and DELETE statements changed since the connection opened.
    public var totalChanges: Int {
        Int(sqlite3_total_changes64(liveHandle()))
    }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool {
        sqlite3_get_autocommit(liveHandle()) == 0
    }

    // MARK: Handle and errors

    private func liveHandle() -> OpaquePointer {
        precondition(lifetime.isOpen, "SQLiteConnection to \(path) used after close()")
        return handle
    }

    // Also refuses SQL with a NUL character, where SQLite would stop reading and silently skip
    // whatever follows.
    private func openHandle(sql: String) throws -> OpaquePointer {
        guard lifetime.isOpen else {
            throw DatabaseError(resultCode: .misuse, message: "the connection is closed", sql: sql)
        }
        guard !sql.utf8.contains(0) else {
            throw DatabaseError(resultCode: .misuse, message: "the SQL text contains a NUL character", sql: sql)
        }
        return handle
    }

    private func check(_ code: Int32, sql: String?) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: .init(rawValue: code),
                message: String(cString: sqlite3_errmsg(handle)),
                sql: sql
            )
        }
    }
}

@available(*, unavailable, message: "a connection stays on one task; open another one elsewhere")
extension SQLiteConnection: Sendable {}
