import Foundation

/// How a transaction takes its locks; see https://www.sqlite.org/lang_transaction.html.
public enum TransactionKind: String, Sendable {
    /// `BEGIN DEFERRED`: no lock until the first read or write. A deferred transaction that reads
    /// and then writes can fail with `SQLITE_BUSY` (without waiting) when another connection
    /// wrote in between; use it only for read-only work.
    case deferred = "DEFERRED"
    /// `BEGIN IMMEDIATE`: takes the write lock at once, waiting up to the busy timeout for other
    /// writers. The right kind for any transaction that writes.
    case immediate = "IMMEDIATE"
    /// `BEGIN EXCLUSIVE`: in WAL mode, the same as immediate.
    case exclusive = "EXCLUSIVE"
}

extension SQLiteConnection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    ///     try db.transaction { db in
    ///         let insert = try db.cachedStatement(sql: "INSERT INTO answer(enterprise, question, value) VALUES (?, ?, ?)")
    ///         for answer in answers {
    ///             try insert.execute([answer.enterprise, answer.question, answer.value])
    ///         }
    ///     }
    ///
    /// - When `body` throws, the transaction is rolled back and the same error is rethrown.
    /// - When `COMMIT` itself fails (a deferred foreign key violation, a disk error), the
    ///   transaction is rolled back too and the `COMMIT` error is thrown: nothing is half-written
    ///   and the connection is left with no transaction open.
    /// - The default kind is ``TransactionKind/immediate``, so that concurrent writers queue on
    ///   the busy timeout at `BEGIN` instead of failing later.
    /// - Transactions do not nest: calling this inside a transaction throws
    ///   `SQLite error 21: transaction(_:_:) called inside a transaction; use savepoint(_:_:) to nest`
    ///   before anything runs, leaving the outer transaction untouched. Use ``savepoint(_:_:)``.
    ///
    /// A failing `ROLLBACK` is not reported (the original error is); SQLite rolls back on its own
    /// when it cannot, for example after an I/O error.
    @discardableResult
    public func transaction<T>(
        _ kind: TransactionKind = .immediate,
        _ body: (SQLiteConnection) throws -> T
    ) throws -> T {
        // On a closed connection, BEGIN below throws the "closed" error.
        guard isClosed || !isInTransaction else {
            throw DatabaseError(
                resultCode: .misuse,
                message: "transaction(_:_:) called inside a transaction; use savepoint(_:_:) to nest"
            )
        }
        try cachedStatement(sql: "BEGIN \(kind.rawValue) TRANSACTION").execute()
        let result: T
        do {
            result = try body(self)
        } catch {
            rollbackIfNeeded()
            throw error
        }
        do {
            try cachedStatement(sql: "COMMIT TRANSACTION").execute()
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return result
    }

    /// Runs `body` in a savepoint: releases it when `body` returns, rolls back to it (undoing
    /// only what `body` did) and rethrows when `body` throws.
    ///
    /// Savepoints nest to any depth inside a ``transaction(_:_:)``. Called outside a transaction,
    /// it opens an immediate transaction instead, with the same commit-or-roll-back behaviour.
    /// `name` only labels the savepoint in SQL; nested savepoints may share it.
    @discardableResult
    public func savepoint<T>(_ name: String = "ronghe", _ body: (SQLiteConnection) throws -> T) throws -> T {
        guard !isClosed, isInTransaction else {
            return try transaction(.immediate, body)
        }
        let identifier = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try execute(sql: "SAVEPOINT \(identifier)")
        let result: T
        do {
            result = try body(self)
            try execute(sql: "RELEASE SAVEPOINT \(identifier)")
        } catch {
            // An error such as SQLITE_FULL may already have rolled back the whole transaction.
            if isInTransaction {
                try? execute(sql: "ROLLBACK TO SAVEPOINT \(identifier)")
                try? execute(sql: "RELEASE SAVEPOINT \(identifier)")
            }
            throw error
        }
        return result
    }

    private func rollbackIfNeeded() {
        // Some errors (SQLITE_FULL, SQLITE_IOERR, ON CONFLICT ROLLBACK) end the transaction
        // themselves; a second ROLLBACK would only fail with "no transaction is active".
        guard !isClosed, isInTransaction else { return }
        try? cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
    }
}
