import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    /// Two connections to one file, each on its own thread, as two ronghe processes would be.
    @Suite struct SQLiteConnectionConcurrencyTests {
        /// Errors from the writer threads.
        final class ErrorLog: @unchecked Sendable {
            private let lock = NSLock()
            private var messages: [String] = []

            func record(_ message: String) {
                lock.withLock { messages.append(message) }
            }

            var all: [String] {
                lock.withLock { messages }
            }
        }

        /// Runs `body(writer)` on `count` threads that start together; returns the errors they threw.
        private func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) async -> [String] {
            let log = ErrorLog()
            let ready = DispatchGroup()
            let finished = DispatchGroup()
            let start = DispatchSemaphore(value: 0)
            for writer in 0..<count {
                ready.enter()
                finished.enter()
                let thread = Thread {
                    defer { finished.leave() }
                    ready.leave()
                    start.wait()
                    do {
                        try body(writer)
                    } catch {
                        log.record("writer \(writer): \(error)")
                    }
                }
                thread.start()
            }
            ready.notify(queue: .global()) {
                for _ in 0..<count { start.signal() }
            }
            await withCheckedContinuation { continuation in
                finished.notify(queue: .global()) { continuation.resume() }
            }
            return log.all
        }

        @Test func twoWritersInImmediateTransactionsBothGetEveryRowIn() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("shared.sqlite")
            do {
                let db = try SQLiteConnection(path: path)
                try db.execute(sql: """
                    CREATE TABLE entry(writer INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (writer, n));
                    CREATE TABLE counter(id INTEGER PRIMARY KEY, value INTEGER NOT NULL);
                    INSERT INTO counter VALUES (1, 0);
                    """)
            }
            let transactionsPerWriter = 400

            let errors = await onThreads(2) { writer in
                let db = try SQLiteConnection(path: path)
                for n in 0..<transactionsPerWriter {
                    try db.transaction { db in
                        // Read, then write: only correct if no other writer can commit in between.
                        let value = try db.scalar("SELECT value FROM counter WHERE id = 1", as: Int.self)
                        try db.cachedStatement(sql: "UPDATE counter SET value = ? WHERE id = 1").execute([value + 1])
                        try db.cachedStatement(sql: "INSERT INTO entry(writer, n) VALUES (?, ?)").execute([writer, n])
                    }
                }
            }

            #expect(errors == [])
            let db = try SQLiteConnection(path: path)
            let perWriter = try db.rows("SELECT writer, count(*) FROM entry GROUP BY writer ORDER BY writer")
                .map { [try $0.int64(0), try $0.int64(1)] }
            #expect(perWriter == [[0, Int64(transactionsPerWriter)], [1, Int64(transactionsPerWriter)]])
            #expect(try db.scalar("SELECT value FROM counter", as: Int.self) == 2 * transactionsPerWriter)
            #expect(try db.integrityCheck() == [])
        }

        @Test func concurrentMigrationsApplyEachMigrationOnce() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("migrate.sqlite")
            do { _ = try SQLiteConnection(path: path) }  // create the file and switch it to WAL once
            let migrator = Migrator([
                Migrator.Migration("log", sql: "CREATE TABLE log(step TEXT NOT NULL)"),
                Migrator.Migration("first entry", sql: "INSERT INTO log VALUES ('first')"),
                Migrator.Migration("second entry", sql: "INSERT INTO log VALUES ('second')"),
            ])

            let errors = await onThreads(2) { _ in
                try migrator.migrate(try SQLiteConnection(path: path))
            }

            #expect(errors == [])
            let db = try SQLiteConnection(path: path)
            #expect(try db.rows("SELECT step FROM log ORDER BY rowid").map { try $0.string(0) } == ["first", "second"])
            #expect(try db.userVersion() == 3)
        }
    }
}
