import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct MigratorTests {
        struct Broken: Error {}

        static let first = Migrator.Migration(
            "create enterprise",
            sql: """
                CREATE TABLE enterprise(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE log(step TEXT NOT NULL);
                INSERT INTO log VALUES ('first');
                """
        )
        static let second = Migrator.Migration("add answers") { db in
            try db.execute(sql: """
                CREATE TABLE answer(enterprise INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE, value REAL);
                INSERT INTO log VALUES ('second');
                """)
        }
        static let brokenSecond = Migrator.Migration("add answers") { db in
            try db.execute(sql: "CREATE TABLE answer(enterprise INTEGER, value REAL); INSERT INTO log VALUES ('second');")
            throw Broken()
        }

        private func logged(_ db: SQLiteConnection) throws -> [String] {
            try db.rows("SELECT step FROM log ORDER BY rowid").map { try $0.string(0) }
        }

        private func tableExists(_ db: SQLiteConnection, _ name: String) throws -> Bool {
            try db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", [name], as: Int.self) == 1
        }

        @Test func freshDatabaseGetsEveryMigration() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("fresh.sqlite"))
            let migrator = Migrator([Self.first, Self.second])
            #expect(migrator.latestVersion == 2)
            #expect(try migrator.hasPendingMigrations(db))

            #expect(try migrator.migrate(db) == ["create enterprise", "add answers"])
            #expect(try db.userVersion() == 2)
            #expect(try logged(db) == ["first", "second"])
            #expect(try !migrator.hasPendingMigrations(db))
            #expect(try db.scalar("PRAGMA foreign_keys", as: Bool.self))
        }

        @Test func rerunningAppliesNothingAndAddedMigrationsApplyAlone() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("rerun.sqlite")
            var migrator = Migrator([Self.first])
            #expect(try migrator.migrate(try SQLiteConnection(path: path)) == ["create enterprise"])

            let db = try SQLiteConnection(path: path)
            #expect(try migrator.migrate(db) == [])
            #expect(try logged(db) == ["first"])

            migrator.register("add answers") { db in
                try db.execute(sql: "CREATE TABLE answer(value REAL); INSERT INTO log VALUES ('second');")
            }
            migrator.register("add index", sql: "CREATE INDEX answer_value ON answer(value)")
            #expect(try migrator.migrate(db) == ["add answers", "add index"])
            #expect(try migrator.migrate(db) == [])
            #expect(try logged(db) == ["first", "second"])
            #expect(try db.userVersion() == 3)
        }

        @Test func aFailingMigrationIsRolledBackAndTheOnesBeforeItStay() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("partial.sqlite"))

            let error = try #require(throws: MigrationError.self) {
                try Migrator([Self.first, Self.brokenSecond]).migrate(db)
            }
            guard case let .failed(version, name, underlying) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(version == 2)
            #expect(name == "add answers")
            #expect(underlying is Broken)
            #expect(error.description.hasPrefix("migration 2 \"add answers\" failed and was rolled back: "))

            #expect(try db.userVersion() == 1)
            #expect(try logged(db) == ["first"])
            #expect(try !tableExists(db, "answer"))
            #expect(!db.isInTransaction)
            #expect(try db.scalar("PRAGMA foreign_keys", as: Bool.self))

            // The fixed build resumes with the second migration only.
            #expect(try Migrator([Self.first, Self.second]).migrate(db) == ["add answers"])
            #expect(try logged(db) == ["first", "second"])
        }

        @Test func sqlErrorsInAMigrationNameTheMigrationAndTheStatement() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("sqlerror.sqlite"))
            let migrator = Migrator([
                Self.first,
                Migrator.Migration("typo", sql: "CREATE TABLE ok(x); CREATE TABEL oops(x);"),
            ])
            let error = try #require(throws: MigrationError.self) { try migrator.migrate(db) }
            #expect(
                error.description
                    == "migration 2 \"typo\" failed and was rolled back: SQLite error 1: near \"TABEL\": syntax error - while executing `CREATE TABEL oops(x)`"
            )
            #expect(try !tableExists(db, "ok"))
            #expect(try db.userVersion() == 1)
        }

        @Test func aNewerDatabaseIsRefusedUntouched() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("newer.sqlite"))
            try db.execute(sql: "PRAGMA user_version = 7")
            let migrator = Migrator((1...5).map { Migrator.Migration("step \($0)", sql: "CREATE TABLE t\($0)(x)") })

            let error = try #require(throws: MigrationError.self) { try migrator.migrate(db) }
            #expect(error.description == "this database was written by a newer version of ronghe (schema 7, this build knows 5)")
            #expect(throws: MigrationError.self) { try migrator.hasPendingMigrations(db) }
            #expect(try db.userVersion() == 7)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) == 0)
        }

        @Test func aNegativeVersionIsRefused() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("negative.sqlite"))
            try db.execute(sql: "PRAGMA user_version = -1")
            let error = try #require(throws: MigrationError.self) { try Migrator([Self.first]).migrate(db) }
            #expect(
                error.description
                    == "this database has the invalid schema version -1 (PRAGMA user_version); it was not written by ronghe"
            )
        }

        @Test func tablesCanBeRebuiltWithoutCascadingAndViolationsAreRefused() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("rebuild.sqlite"))
            var migrator = Migrator([Self.first, Self.second])
            try migrator.migrate(db)
            try db.execute("INSERT INTO enterprise(id, name) VALUES (?, ?)", [1, "宁波甬江"])
            try db.execute("INSERT INTO answer(enterprise, value) VALUES (?, ?)", [1, 3.5])

            // The SQLite way to change a column: new table, copy, drop, rename. With foreign keys on,
            // the DROP would delete every answer through ON DELETE CASCADE.
            migrator.register("enterprise gets a city", sql: """
                CREATE TABLE enterprise_new(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT NOT NULL DEFAULT '宁波');
                INSERT INTO enterprise_new(id, name) SELECT id, name FROM enterprise;
                DROP TABLE enterprise;
                ALTER TABLE enterprise_new RENAME TO enterprise;
                """)
            #expect(try migrator.migrate(db) == ["enterprise gets a city"])
            #expect(try db.scalar("SELECT count(*) FROM answer", as: Int.self) == 1)
            #expect(try db.scalar("SELECT city FROM enterprise", as: String.self) == "宁波")

            migrator.register("orphan an answer", sql: "DELETE FROM enterprise")
            let error = try #require(throws: MigrationError.self) { try migrator.migrate(db) }
            #expect(
                error.description
                    == "migration 4 \"orphan an answer\" failed and was rolled back: SQLite error 19: 1 foreign key violation(s), "
                    + "the first: rowid 1 of answer refers to a missing row of enterprise - while executing `PRAGMA foreign_key_check`"
            )
            #expect(try db.scalar("SELECT count(*) FROM enterprise", as: Int.self) == 1)
            #expect(try db.userVersion() == 3)
            #expect(try db.scalar("PRAGMA foreign_keys", as: Bool.self))
        }

        @Test func migratingInsideATransactionIsRefused() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("nested.sqlite"))
            try db.transaction { db in
                let error = try #require(throws: DatabaseError.self) { try Migrator([Self.first]).migrate(db) }
                #expect(error.description == "SQLite error 21: migrate(_:) called inside a transaction")
            }
            #expect(try db.userVersion() == 0)
        }
    }
}
