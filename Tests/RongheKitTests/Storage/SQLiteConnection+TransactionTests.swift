import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct SQLiteConnectionTransactionTests {
        struct Abandon: Error, Equatable {
            let reason: String
        }

        private func open(_ directory: TemporaryDirectory, _ name: String = "tx.sqlite") throws -> SQLiteConnection {
            let db = try SQLiteConnection(path: directory.path(name))
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS entry(id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)")
            return db
        }

        private func labels(_ db: SQLiteConnection) throws -> [String] {
            try db.rows("SELECT label FROM entry ORDER BY id").map { try $0.string(0) }
        }

        @Test func commitsWhenTheBodyReturns() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try open(directory)
            let other = try open(directory)
            let id = try db.transaction { db in
                try db.execute("INSERT INTO entry(label) VALUES (?)", ["a"])
                #expect(db.isInTransaction)
                #expect(try labels(other) == [])  // not visible before COMMIT
                return db.lastInsertedRowID
            }
            #expect(id == 1)
            #expect(!db.isInTransaction)
            #expect(try labels(other) == ["a"])
        }

        @Test func rollsBackAndRethrowsWhenTheBodyThrows() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try open(directory)
            let error = try #require(throws: Abandon.self) {
                try db.transaction { db in
                    try db.execute("INSERT INTO entry(label) VALUES (?)", ["a"])
                    try db.execute("INSERT INTO entry(label) VALUES (?)", ["b"])
                    throw Abandon(reason: "validation failed")
                }
            }
            #expect(error == Abandon(reason: "validation failed"))
            #expect(!db.isInTransaction)
            #expect(try labels(db) == [])
            #expect(try labels(try open(directory)) == [])
        }

        @Test func rollsBackWhenCommitFails() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try open(directory)
            try db.execute(sql: """
                CREATE TABLE survey(id INTEGER PRIMARY KEY);
                CREATE TABLE response(
                    survey INTEGER NOT NULL REFERENCES survey(id) DEFERRABLE INITIALLY DEFERRED
                );
                """)
            var bodyFinished = false
            let error = try #require(throws: DatabaseError.self) {
                try db.transaction { db in
                    try db.execute("INSERT INTO entry(label) VALUES (?)", ["kept only if committed"])
                    try db.execute("INSERT INTO response(survey) VALUES (?)", [404])  // checked at COMMIT
                    bodyFinished = true
                }
            }
            #expect(bodyFinished)
            #expect(error.description == "SQLite error 19: FOREIGN KEY constraint failed - while executing `COMMIT TRANSACTION`")
            #expect(error.extendedResultCode == .constraintForeignKey)
            #expect(!db.isInTransaction)
            #expect(try labels(db) == [])
            #expect(try db.scalar("SELECT count(*) FROM response", as: Int.self) == 0)

            // The connection is usable again.
            try db.transaction { db in try db.execute("INSERT INTO entry(label) VALUES (?)", ["next"]) }
            #expect(try labels(db) == ["next"])
        }

        @Test func aTransactionSQLiteEndedItselfIsNotRolledBackTwice() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try open(directory)
            try db.execute("INSERT INTO entry(label) VALUES (?)", ["a"])
            let error = try #require(throws: DatabaseError.self) {
                try db.transaction { db in
                    try db.execute("INSERT INTO entry(label) VALUES (?)", ["b"])
                    try db.execute("INSERT OR ROLLBACK INTO entry(label) VALUES (?)", ["a"])
                }
            }
            // The constraint error, not "cannot rollback - no transaction is active".
            #expect(error.message == "UNIQUE constraint failed: entry.label")
            #expect(!db.isInTransaction)
            #expect(try labels(db) == ["a"])
        }

        @Test func transactionsDoNotNest() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try open(directory)
            try db.transaction { db in
                try db.execute("INSERT INTO entry(label) VALUES (?)", ["outer"])
                let error = try #require(throws: DatabaseError.self) {
                    try db.transaction { db in try db.execute("INSERT INTO entry(label) VALUES (?)", ["inner"]) }
                }
                #expect(
                    error.description
                        == "SQLite error 21: transaction(_:_:) called inside a transaction; use savepoint(_:_:) to nest"
                )
                #expect(db.isInTransaction)
            }
            #expect(try labels(db) == ["outer"])
        }

        @Test func immediateTakesTheWriteLockAtBeginDeferredDoesNot() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try open(directory)
            let impatient = try SQLiteConnection(path: directory.path("tx.sqlite"), configuration: .init(busyTimeout: .zero))

            try db.transaction { _ in
                // Nothing written yet, but the lock is held: another writer cannot begin.
                #expect(throws: DatabaseError.self) { try impatient.transaction { _ in } }
            }
            try db.transaction(.deferred) { _ in
                try impatient.transaction { _ in }
            }
        }

        /// Why immediate is the default: a deferred transaction that reads, then writes after
        /// another connection committed, fails at once with SQLITE_BUSY_SNAPSHOT, whatever the timeout.
        @Test func deferredReadThenWriteFailsWhenAnotherWriterCommittedInBetween() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try open(directory)
            let other = try open(directory)
            let error = try #require(throws: DatabaseError.self) {
                try db.transaction(.deferred) { db in
                    _ = try labels(db)
                    try other.execute("INSERT INTO entry(label) VALUES (?)", ["other"])
                    try db.execute("INSERT INTO entry(label) VALUES (?)", ["mine"])
                }
            }
            #expect(error.extendedResultCode == .busySnapshot)
            #expect(try labels(db) == ["other"])
        }

        @Test func savepointsUndoOnlyTheirOwnWork() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try open(directory)
            try db.transaction { db in
                try db.execute("INSERT INTO entry(label) VALUES (?)", ["outer"])
                try db.savepoint("level1") { db in
                    try db.execute("INSERT INTO entry(label) VALUES (?)", ["level 1"])
                    #expect(throws: Abandon.self) {
                        try db.savepoint("level2") { db in
                            try db.execute("INSERT INTO entry(label) VALUES (?)", ["level 2, undone"])
                            try db.savepoint("level3") { db in
                                try db.execute("INSERT INTO entry(label) VALUES (?)", ["level 3, undone"])
                            }
                            throw Abandon(reason: "level 2")
                        }
                    }
                    let value = try db.savepoint("level2 \"again\"") { db -> Int in
                        try db.execute("INSERT INTO entry(label) VALUES (?)", ["level 2 again"])
                        return 7
                    }
                    #expect(value == 7)
                }
                let duplicate = try #require(throws: DatabaseError.self) {
                    try db.savepoint { db in
                        try db.execute("INSERT INTO entry(label) VALUES (?)", ["undone"])
                        try db.execute("INSERT INTO entry(label) VALUES (?)", ["outer"])
                    }
                }
                #expect(duplicate.resultCode == .constraint)
                #expect(db.isInTransaction)
            }
            #expect(try labels(db) == ["outer", "level 1", "level 2 again"])
        }

        @Test func aSavepointOutsideATransactionIsAnImmediateTransaction() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try open(directory)
            let impatient = try SQLiteConnection(path: directory.path("tx.sqlite"), configuration: .init(busyTimeout: .zero))
            try db.savepoint { db in
                #expect(db.isInTransaction)
                #expect(throws: DatabaseError.self) { try impatient.transaction { _ in } }
                try db.execute("INSERT INTO entry(label) VALUES (?)", ["kept"])
            }
            #expect(throws: Abandon.self) {
                try db.savepoint { db in
                    try db.execute("INSERT INTO entry(label) VALUES (?)", ["dropped"])
                    throw Abandon(reason: "no")
                }
            }
            #expect(!db.isInTransaction)
            #expect(try labels(db) == ["kept"])
        }
    }
}
