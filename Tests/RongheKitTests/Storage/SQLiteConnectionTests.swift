import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct SQLiteConnectionTests {
        @Test func openingConfiguresWALForeignKeysSynchronousAndBusyTimeout() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("campaign.sqlite")
            let db = try SQLiteConnection(path: path)
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(try db.journalMode() == "wal")
            #expect(try db.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
            #expect(try db.scalar("PRAGMA synchronous", as: Int.self) == 1)  // NORMAL
            #expect(try db.scalar("PRAGMA busy_timeout", as: Int.self) == 10_000)

            let quick = try SQLiteConnection(path: path, configuration: .init(busyTimeout: .milliseconds(250)))
            #expect(try quick.scalar("PRAGMA busy_timeout", as: Int.self) == 250)
            let patient = try SQLiteConnection(path: path, configuration: .init(busyTimeout: .seconds(Int64.max)))
            #expect(try patient.scalar("PRAGMA busy_timeout", as: Int.self) == Int(Int32.max))
            let never = try SQLiteConnection(path: path, configuration: .init(busyTimeout: .seconds(-1)))
            #expect(try never.scalar("PRAGMA busy_timeout", as: Int.self) == 0)
        }

        @Test func aNewDatabaseTakesThePageSizeAnExistingOneKeepsItsOwn() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let large = try SQLiteConnection(path: directory.path("large.sqlite"), configuration: .init(pageSize: 16_384))
            try large.execute(sql: "CREATE TABLE t(x)")
            #expect(try large.scalar("PRAGMA page_size", as: Int.self) == 16_384)
            #expect(try large.journalMode() == "wal")

            let plain = try SQLiteConnection(path: directory.path("plain.sqlite"))
            try plain.execute(sql: "CREATE TABLE t(x)")
            let reopened = try SQLiteConnection(path: directory.path("plain.sqlite"), configuration: .init(pageSize: 16_384))
            try reopened.execute(sql: "INSERT INTO t VALUES (1)")
            #expect(try reopened.scalar("PRAGMA page_size", as: Int.self) == 4096)
            #expect(try reopened.integrityCheck().isEmpty)
        }

        @Test func closeIsIdempotentAndLaterUseThrows() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("close.sqlite"))
            try db.execute(sql: "CREATE TABLE t(x)")
            _ = try db.cachedStatement(sql: "SELECT x FROM t")
            #expect(!db.isClosed)
            try db.close()
            try db.close()
            #expect(db.isClosed)
            let error = try #require(throws: DatabaseError.self) { try db.execute(sql: "SELECT 1") }
            #expect(error.description == "SQLite error 21: the connection is closed - while executing `SELECT 1`")
            #expect(throws: DatabaseError.self) { try db.transaction { _ in } }
            #expect(throws: DatabaseError.self) { try db.savepoint { _ in } }
        }

        @Test func stateOfAClosedConnectionIsAProgrammingError() async {
            await #expect(processExitsWith: .failure) {
                let db = try SQLiteConnection(path: ":memory:")
                try db.close()
                _ = db.lastInsertedRowID
            }
        }

        @Test func foreignKeysAreEnforced() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("fk.sqlite"))
            try db.execute(sql: """
                CREATE TABLE enterprise(id INTEGER PRIMARY KEY);
                CREATE TABLE answer(enterprise INTEGER NOT NULL REFERENCES enterprise(id));
                """)
            let error = try #require(throws: DatabaseError.self) {
                try db.execute("INSERT INTO answer(enterprise) VALUES (?)", [99])
            }
            #expect(error.extendedResultCode.rawValue == 787)
            #expect(error.resultCode == .constraint)
            #expect(
                error.description
                    == "SQLite error 19: FOREIGN KEY constraint failed - while executing `INSERT INTO answer(enterprise) VALUES (?)`"
            )
        }

        @Test func doubleQuotedStringsAreIdentifiersOnly() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("dqs.sqlite"))
            try db.execute(sql: "CREATE TABLE t(name TEXT)")
            let error = try #require(throws: DatabaseError.self) {
                try db.rows("SELECT * FROM t WHERE name = \"宁波\"")
            }
            #expect(error.message == "no such column: 宁波")
        }

        @Test func scriptsRunEveryStatementAndErrorsCarryTheFailingOne() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("script.sqlite"))
            try db.execute(sql: """
                -- schema
                CREATE TABLE city(name TEXT NOT NULL UNIQUE);
                INSERT INTO city(name) VALUES ('宁波'); ;
                INSERT INTO city(name) VALUES ('温州')
                """)
            #expect(try db.scalar("SELECT count(*) FROM city", as: Int.self) == 2)

            // A runtime failure: the statement came from the prepare tail.
            let runtime = try #require(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO city(name) VALUES ('杭州');\n  INSERT INTO city(name) VALUES ('宁波');\nINSERT INTO city(name) VALUES ('台州');")
            }
            #expect(
                runtime.description
                    == "SQLite error 19: UNIQUE constraint failed: city.name - while executing `INSERT INTO city(name) VALUES ('宁波')`"
            )
            #expect(runtime.extendedResultCode == .constraintUnique)
            // Without a transaction the statements before the failure stay, the ones after never run.
            #expect(try db.rows("SELECT name FROM city ORDER BY rowid").map { try $0.string(0) } == ["宁波", "温州", "杭州"])

            // A preparation failure: the statement ends at the first complete `;`, even inside quotes.
            let syntax = try #require(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO city(name) VALUES ('a;b');\nINSERT INTO city(name) VALUSE ('c;d'); INSERT INTO city(name) VALUES ('e')")
            }
            #expect(
                syntax.description
                    == "SQLite error 1: near \"VALUSE\": syntax error - while executing `INSERT INTO city(name) VALUSE ('c;d')`"
            )
            #expect(try db.scalar("SELECT count(*) FROM city", as: Int.self) == 4)

            // A script may create a table and use it: each statement is prepared after the previous ran.
            try db.execute(sql: "CREATE TABLE later(x); INSERT INTO later VALUES (1);")
            #expect(try db.scalar("SELECT x FROM later", as: Int.self) == 1)
            try db.execute(sql: "  -- nothing but a comment\n ; ")
        }

        @Test func singleStatementMethodsRefuseScripts() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("single.sqlite"))
            try db.execute(sql: "CREATE TABLE t(x)")
            let error = try #require(throws: DatabaseError.self) {
                try db.execute("INSERT INTO t VALUES (?); DELETE FROM t", [1])
            }
            #expect(
                error.description
                    == "SQLite error 21: several statements given where one was expected; use execute(sql:) for scripts - while executing `INSERT INTO t VALUES (?); DELETE FROM t`"
            )
            #expect(try db.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
            // Also when the second statement could not even be prepared before the first ran.
            let dependent = try #require(throws: DatabaseError.self) {
                try db.execute("CREATE TABLE later(x); INSERT INTO later VALUES (?)", [1])
            }
            #expect(dependent.message == "several statements given where one was expected; use execute(sql:) for scripts")
            #expect(try db.rows("SELECT name FROM sqlite_schema").map { try $0.string(0) } == ["t"])
            let empty = try #require(throws: DatabaseError.self) { try db.execute(" -- only a comment") }
            #expect(empty.message == "no statement in the SQL text")
            let nul = try #require(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM t;\u{0}DROP TABLE t") }
            #expect(nul.message == "the SQL text contains a NUL character")
            // A trailing semicolon and comment are fine.
            try db.execute("INSERT INTO t VALUES (?); -- done", [2])
            #expect(try db.scalar("SELECT x FROM t", as: Int.self) == 2)
        }

        @Test func queriesRowsFirstRowAndScalars() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("query.sqlite"))
            try db.execute(sql: "CREATE TABLE score(enterprise TEXT, value REAL)")
            try db.execute("INSERT INTO score VALUES (?, ?), (?, ?)", ["甲", 81.5, "乙", nil as Double?])

            let rows = try db.rows("SELECT enterprise AS name, value FROM score WHERE enterprise <> :skip ORDER BY name", ["skip": "丙"])
            #expect(rows.count == 2)
            #expect(rows[0].columnNames == ["name", "value"])
            #expect(try rows.map { try $0.string("name") } == ["乙", "甲"])
            #expect(try rows.map { try $0.optionalDouble("value") } == [nil, 81.5])

            #expect(try db.firstRow("SELECT * FROM score WHERE enterprise = ?", ["丁"]) == nil)
            #expect(try db.firstRow("SELECT value FROM score WHERE enterprise = ?", ["甲"])?.double(0) == 81.5)
            #expect(try db.scalar("SELECT count(*) FROM score", as: Int64.self) == 2)
            #expect(try db.scalar("SELECT value FROM score WHERE enterprise = '乙'", as: Double?.self) == nil)
            let none = try #require(throws: DatabaseError.self) {
                try db.scalar("SELECT value FROM score WHERE enterprise = ?", ["丁"], as: Double.self)
            }
            #expect(
                none.description
                    == "SQLite error 101: the query returned no row - while executing `SELECT value FROM score WHERE enterprise = ?`"
            )
        }

        @Test func lastInsertedRowIDAndChanges() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("changes.sqlite"))
            try db.execute(sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, x)")
            try db.execute("INSERT INTO t(id, x) VALUES (?, ?)", [41, "a"])
            #expect(db.lastInsertedRowID == 41)
            try db.execute("INSERT INTO t(x) VALUES (?)", ["b"])
            #expect(db.lastInsertedRowID == 42)
            #expect(db.changes == 1)
            try db.execute("UPDATE t SET x = ?", ["c"])
            #expect(db.changes == 2)
            try db.execute("DELETE FROM t WHERE id = ?", [0])
            #expect(db.changes == 0)
            #expect(db.totalChanges == 4)
        }

        @Test func readOnlyAndReadWriteModes() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("modes.sqlite")

            let missing = try #require(throws: DatabaseError.self) {
                try SQLiteConnection(path: path, configuration: .init(mode: .readWrite))
            }
            #expect(missing.resultCode == .cantOpen)
            #expect(!FileManager.default.fileExists(atPath: path))

            let writer = try SQLiteConnection(path: path)
            try writer.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)")

            let readWrite = try SQLiteConnection(path: path, configuration: .init(mode: .readWrite))
            try readWrite.execute("INSERT INTO t VALUES (?)", [2])

            let reader = try SQLiteConnection(path: path, configuration: .init(mode: .readOnly))
            #expect(try reader.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
            let error = try #require(throws: DatabaseError.self) { try reader.execute("INSERT INTO t VALUES (?)", [3]) }
            #expect(error.resultCode == .readOnly)
            #expect(error.message == "attempt to write a readonly database")
        }

        @Test func inMemoryDatabasesOpenWithoutWAL() throws {
            let db = try SQLiteConnection(path: ":memory:")
            #expect(try db.journalMode() == "memory")
            try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)")
            #expect(try db.scalar("SELECT x FROM t", as: Int.self) == 1)
        }

        private func makeIndexedFile(_ path: String) throws -> (pageSize: Int, indexRoot: Int) {
            let db = try SQLiteConnection(path: path)
            try db.execute(sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX t_name ON t(name)")
            try db.transaction { db in
                for index in 0..<2000 {
                    try db.cachedStatement(sql: "INSERT INTO t(name) VALUES (?)").execute(["企业 \(index)"])
                }
            }
            #expect(try db.integrityCheck() == [])
            #expect(try db.quickCheck() == [])
            try db.checkpoint()
            return (
                try db.scalar("PRAGMA page_size", as: Int.self),
                try db.scalar("SELECT rootpage FROM sqlite_schema WHERE name = 't_name'", as: Int.self)
            )
        }

        private func scribble(_ path: String, at offset: UInt64, count: Int) throws {
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            try handle.seek(toOffset: offset)
            try handle.write(contentsOf: Data(repeating: 0x5a, count: count))
            try handle.close()
        }

        @Test func checksReportADamagedIndexPage() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("damaged-index.sqlite")
            let (pageSize, root) = try makeIndexedFile(path)
            try scribble(path, at: UInt64((root - 1) * pageSize), count: pageSize)

            let db = try SQLiteConnection(path: path)
            let quick = try db.quickCheck()
            #expect(quick.count == 1)
            #expect(quick.first?.contains("*** in database main ***\nPage \(root): btreeInitPage() returns error code 11") == true)
            // The full check cannot even finish: it reports that, then what the quick check found.
            let full = try db.integrityCheck()
            #expect(full == ["SQLite error 11: database disk image is malformed - while executing `PRAGMA integrity_check`"] + quick)
        }

        @Test func checksReportDamageThatStopsThem() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("damaged.sqlite")
            let (pageSize, _) = try makeIndexedFile(path)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            try scribble(path, at: UInt64(size / 2), count: 2 * pageSize)

            let db = try SQLiteConnection(path: path)
            let malformed = "SQLite error 11: database disk image is malformed - while executing `PRAGMA quick_check`"
            #expect(try db.quickCheck() == [malformed])
            #expect(try db.integrityCheck().count == 2)
        }

        @Test func checkpointEmptiesTheWriteAheadLog() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("wal.sqlite")
            let db = try SQLiteConnection(path: path)
            try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (zeroblob(100000))")
            let walSize = { try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? -1 }
            #expect(try walSize() > 100_000)
            try db.checkpoint()
            #expect(try walSize() == 0)
            #expect(try db.scalar("SELECT length(x) FROM t", as: Int.self) == 100_000)
        }

        @Test func checkpointReportsWhenAReaderBlocksIt() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("blocked.sqlite")
            let db = try SQLiteConnection(path: path, configuration: .init(busyTimeout: .zero))
            try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)")
            let reader = try SQLiteConnection(path: path)
            try reader.transaction(.deferred) { reader in
                _ = try reader.rows("SELECT * FROM t")  // holds a snapshot that needs the log
                try db.execute("INSERT INTO t VALUES (?)", [2])
                let error = try #require(throws: DatabaseError.self) { try db.checkpoint() }
                #expect(
                    error.description
                        == "SQLite error 5: the checkpoint could not complete because other connections are using the database - while executing `PRAGMA wal_checkpoint(TRUNCATE)`"
                )
            }
            try db.checkpoint()
        }

        @Test func busyTimeoutIsWhatMakesAWriterWait() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("busy.sqlite")
            let holder = try SQLiteConnection(path: path)
            try holder.execute(sql: "CREATE TABLE t(x)")
            let impatient = try SQLiteConnection(path: path, configuration: .init(busyTimeout: .zero))

            try holder.transaction { holder in
                try holder.execute("INSERT INTO t VALUES (?)", [1])
                let error = try #require(throws: DatabaseError.self) {
                    try impatient.transaction { db in try db.execute("INSERT INTO t VALUES (?)", [2]) }
                }
                #expect(error.description == "SQLite error 5: database is locked - while executing `BEGIN IMMEDIATE TRANSACTION`")
                #expect(!impatient.isInTransaction)
            }
            try impatient.transaction { db in try db.execute("INSERT INTO t VALUES (?)", [2]) }
            #expect(try holder.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
        }
    }
}
