import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct DatabaseErrorTests {
        @Test func descriptionNamesCodeMessageAndStatementButNotArguments() {
            let error = DatabaseError(
                resultCode: .constraintNotNull,
                message: "NOT NULL constraint failed: player.score",
                sql: "UPDATE player SET score = ?",
                arguments: [.text("secret answer")]
            )
            #expect(error.resultCode == .constraint)
            #expect(error.extendedResultCode.rawValue == 1299)
            #expect(
                error.description
                    == "SQLite error 19: NOT NULL constraint failed: player.score - while executing `UPDATE player SET score = ?`"
            )
            #expect(!error.description.contains("secret"))
            #expect(error.arguments == [.text("secret answer")])
        }

        @Test func descriptionWithPathWithBothAndWithNeither() {
            let opening = DatabaseError(resultCode: .cantOpen, message: "unable to open database file", path: "/x/y.sqlite")
            #expect(opening.description == "SQLite error 14: unable to open database file - while opening `/x/y.sqlite`")

            let both = DatabaseError(
                resultCode: .busy, message: "database is locked", sql: "PRAGMA journal_mode = WAL", path: "/x/y.sqlite"
            )
            #expect(
                both.description
                    == "SQLite error 5: database is locked - while opening `/x/y.sqlite` (executing `PRAGMA journal_mode = WAL`)"
            )

            #expect(DatabaseError(resultCode: .misuse, message: "bad").description == "SQLite error 21: bad")
        }

        @Test func primaryCodeIsTheLowByteOfTheExtendedCode() {
            #expect(DatabaseError.ResultCode.constraintForeignKey.rawValue == 787)
            #expect(DatabaseError.ResultCode.constraintForeignKey.primary == .constraint)
            #expect(DatabaseError.ResultCode.constraintUnique.rawValue == 2067)
            #expect(DatabaseError.ResultCode.constraintPrimaryKey.rawValue == 1555)
            #expect(DatabaseError.ResultCode.busySnapshot.rawValue == 517)
            #expect(DatabaseError.ResultCode.busySnapshot.primary == .busy)
            #expect(DatabaseError.ResultCode.busy.primary == .busy)
        }

        // The exact texts below are SQLite 3.40's (Debian 12); a newer SQLite may word them differently.

        @Test func notNullViolationFromSQLite() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("errors.sqlite"))
            try db.execute(sql: "CREATE TABLE player(id INTEGER PRIMARY KEY, score INTEGER NOT NULL)")
            try db.execute("INSERT INTO player(id, score) VALUES (?, ?)", [1, 10])

            let error = try #require(throws: DatabaseError.self) {
                try db.execute("UPDATE player SET score = NULL WHERE id = ?", [1])
            }
            #expect(
                error.description
                    == "SQLite error 19: NOT NULL constraint failed: player.score - while executing `UPDATE player SET score = NULL WHERE id = ?`"
            )
            #expect(error.extendedResultCode == .constraintNotNull)
            #expect(error.arguments == [.integer(1)])
        }

        @Test func syntaxErrorFromSQLite() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("errors.sqlite"))

            let error = try #require(throws: DatabaseError.self) {
                try db.rows("SELEC * FROM player")
            }
            #expect(error.description == "SQLite error 1: near \"SELEC\": syntax error - while executing `SELEC * FROM player`")
            #expect(error.resultCode == .error)
        }

        @Test func openFailureNamesThePath() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("missing-folder/campaign.sqlite")

            let error = try #require(throws: DatabaseError.self) {
                try SQLiteConnection(path: path)
            }
            #expect(error.description == "SQLite error 14: unable to open database file - while opening `\(path)`")
            #expect(error.path == path)
            #expect(error.resultCode == .cantOpen)
        }

        @Test func notADatabaseNamesThePath() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("notes.txt")
            try Data(String(repeating: "这不是数据库 not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))

            let error = try #require(throws: DatabaseError.self) {
                try SQLiteConnection(path: path)
            }
            #expect(
                error.description
                    == "SQLite error 26: file is not a database - while opening `\(path)` (executing `PRAGMA journal_mode = WAL`)"
            )
            #expect(error.resultCode == .notADatabase)
        }
    }
}
