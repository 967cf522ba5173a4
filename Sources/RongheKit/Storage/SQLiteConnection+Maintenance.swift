extension SQLiteConnection {
    /// The journal mode SQLite reports, lowercased: `wal` for a file opened read-write.
    public func journalMode() throws -> String {
        try scalar("PRAGMA journal_mode", as: String.self).lowercased()
    }

    /// The schema version stored in the file header (`PRAGMA user_version`); ``Migrator``
    /// maintains it. A new database has version 0.
    public func userVersion() throws -> Int {
        try scalar("PRAGMA user_version", as: Int.self)
    }

    /// Sets `PRAGMA user_version`; inside a transaction, it commits or rolls back with it.
    func setUserVersion(_ version: Int) throws {
        // PRAGMA takes no bound parameters; an Int cannot inject anything.
        try execute(sql: "PRAGMA user_version = \(version)")
    }

    /// Runs `PRAGMA integrity_check` (thorough: reads every page and checks that indexes match
    /// their tables) and returns the problems it finds, or an empty array when the file is sound.
    ///
    /// When the damage stops the check itself (SQLite then fails with `SQLITE_CORRUPT`, typically
    /// on an unreadable index page), the problems are that error's description followed by what
    /// ``quickCheck()`` can still report. Other errors (a closed connection, I/O) throw.
    public func integrityCheck() throws -> [String] {
        do {
            return try checkMessages("PRAGMA integrity_check")
        } catch let error as DatabaseError where Self.isDamage(error) {
            return [error.description] + ((try? quickCheck()) ?? [])
        }
    }

    /// Runs `PRAGMA quick_check` (like ``integrityCheck()`` but without matching indexes against
    /// their tables, so much faster) and returns the problems, or an empty array.
    ///
    /// When the damage stops the check itself, the problem is that error's description.
    public func quickCheck() throws -> [String] {
        do {
            return try checkMessages("PRAGMA quick_check")
        } catch let error as DatabaseError where Self.isDamage(error) {
            return [error.description]
        }
    }

    private func checkMessages(_ sql: String) throws -> [String] {
        let messages = try rows(sql).map { try $0.string(0) }
        return messages == ["ok"] ? [] : messages
    }

    private static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .corrupt || error.resultCode == .notADatabase
    }

    /// Copies every committed page from the write-ahead log into the database file and
    /// truncates the log to zero bytes (`PRAGMA wal_checkpoint(TRUNCATE)`), for example before
    /// copying the file as a backup.
    ///
    /// It waits up to the busy timeout for other connections' readers and writers; if they are
    /// still active then, it throws `SQLite error 5: the checkpoint could not complete …`
    /// (the database is still consistent, the log just was not emptied).
    public func checkpoint() throws {
        let sql = "PRAGMA wal_checkpoint(TRUNCATE)"
        guard let row = try firstRow(sql) else { return }
        if try row.int64(0) != 0 {
            throw DatabaseError(
                resultCode: .busy,
                message: "the checkpoint could not complete because other connections are using the database",
                sql: sql
            )
        }
    }
}
