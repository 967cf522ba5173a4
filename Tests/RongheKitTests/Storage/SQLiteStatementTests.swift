import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct SQLiteStatementTests {
        /// Values that must come back exactly as bound.
        static let roundTripValues: [SQLiteValue] = [
            .null,
            .integer(0), .integer(1), .integer(-1), .integer(.max), .integer(.min),
            .real(0.0), .real(-0.0), .real(1e-300), .real(-1e-300), .real(.leastNonzeroMagnitude),
            .real(.greatestFiniteMagnitude), .real(.infinity), .real(-.infinity), .real(.pi), .real(0.1),
            .text(""), .text("两化融合评估"), .text("宁波 ✓ 🏭 \u{301}é"), .text("a\u{0}b"), .text(String(repeating: "长", count: 10_000)),
            .blob([]), .blob([0]), .blob([0, 0, 0]), .blob([0, 255, 0, 128]), .blob((0..<70_000).map { UInt8(truncatingIfNeeded: $0) }),
        ]

        /// A column without a declared type has no affinity, so SQLite keeps every value as bound.
        private func openValueTable(_ directory: TemporaryDirectory) throws -> SQLiteConnection {
            let db = try SQLiteConnection(path: directory.path("values.sqlite"))
            try db.execute(sql: "CREATE TABLE item(id INTEGER PRIMARY KEY, value)")
            return db
        }

        private func expectIdentical(_ read: SQLiteValue, _ written: SQLiteValue, sourceLocation: SourceLocation = #_sourceLocation) {
            switch (read, written) {
            case let (.real(lhs), .real(rhs)):
                #expect(lhs.bitPattern == rhs.bitPattern, "\(lhs) vs \(rhs)", sourceLocation: sourceLocation)
            default:
                #expect(read == written, sourceLocation: sourceLocation)
            }
        }

        @Test(arguments: roundTripValues)
        func roundTripByIndex(value: SQLiteValue) throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try openValueTable(directory)

            let insert = try db.makeStatement(sql: "INSERT INTO item(id, value) VALUES (?, ?)")
            try insert.bind(1, at: 1)
            try insert.bind(value, at: 2)
            #expect(try insert.step() == .done)
            insert.reset()

            let row = try #require(try db.firstRow("SELECT value, typeof(value) FROM item WHERE id = 1"))
            expectIdentical(try row.value(at: 0), value)
            #expect(try row.string(1) == value.storageClass.lowercased())
        }

        @Test(arguments: roundTripValues)
        func roundTripByNameThroughACachedStatement(value: SQLiteValue) throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try openValueTable(directory)

            try db.execute("INSERT INTO item(id, value) VALUES (:id, :value)", ["id": 1, ":value": value])
            let select = try db.cachedStatement(sql: "SELECT value FROM item WHERE id = @id")
            try select.bind(1, named: "@id")
            #expect(try select.step() == .row)
            expectIdentical(try select.column(0), value)
            #expect(try select.step() == .done)
        }

        @Test func swiftTypesRoundTrip() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("types.sqlite"))
            try db.execute(sql: "CREATE TABLE t(i INTEGER, big INTEGER, r REAL, s TEXT, empty TEXT, missing TEXT, b BLOB, d BLOB, yes INTEGER, no INTEGER)")
            let nothing: String? = nil
            try db.execute(
                "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [42, Int64.max, 1e-300, "温州市鹿城区", "", nothing, [UInt8]([0, 0, 7]), Data([0, 9]), true, false]
            )
            let row = try #require(try db.firstRow("SELECT * FROM t"))
            #expect(try row.decode(Int.self, named: "i") == 42)
            #expect(try row.int64("big") == Int64.max)
            #expect(try row.double("r").bitPattern == (1e-300).bitPattern)
            #expect(try row.string("s") == "温州市鹿城区")
            #expect(try row.optionalString("empty") == "")
            #expect(try row.optionalString("missing") == nil)
            #expect(try row.blob("b") == [0, 0, 7])
            #expect(try row.decode(Data.self, named: "d") == Data([0, 9]))
            #expect(try row.bool("yes") == true)
            #expect(try row.bool("no") == false)
        }

        /// SQLite's storage optimisation, pinned so the store's author knows: a REAL column stores an
        /// integral double as an integer, so -0.0 comes back as +0.0 (a column without type keeps it).
        @Test func realColumnNormalisesNegativeZero() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("zero.sqlite"))
            try db.execute(sql: "CREATE TABLE t(typed REAL, untyped)")
            try db.execute("INSERT INTO t VALUES (?, ?)", [-0.0, -0.0])
            let row = try #require(try db.firstRow("SELECT typed, untyped FROM t"))
            #expect(try row.double("typed") == 0)
            #expect(try row.double("typed").sign == .plus)
            #expect(try row.double("untyped").sign == .minus)
        }

        @Test func bindingNaNThrowsInsteadOfStoringNull() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try openValueTable(directory)
            let error = try #require(throws: DatabaseError.self) {
                try db.execute("INSERT INTO item(value) VALUES (?)", [Double.nan])
            }
            #expect(
                error.description
                    == "SQLite error 20: cannot bind NaN to parameter 1: SQLite would store it as NULL - while executing `INSERT INTO item(value) VALUES (?)`"
            )
            #expect(try db.scalar("SELECT count(*) FROM item", as: Int.self) == 0)
        }

        @Test func namesMayOmitThePrefixAndEveryPrefixWorks() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("names.sqlite"))
            let statement = try db.makeStatement(sql: "SELECT :a, @b, $c, :a")
            #expect(statement.parameterCount == 3)
            #expect(statement.parameterName(at: 2) == "@b")
            #expect(statement.parameterIndex(named: "c") == 3)
            let rows = try statement.rows(["a": 1, "@b": "二", "$c": 3.5])
            #expect(rows.map(\.values) == [[.integer(1), .text("二"), .real(3.5), .integer(1)]])
        }

        @Test func argumentMistakesAreErrors() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try openValueTable(directory)
            let insert = try db.makeStatement(sql: "INSERT INTO item(id, value) VALUES (?, ?)")

            let tooFew = try #require(throws: DatabaseError.self) { try insert.execute([1]) }
            #expect(
                tooFew.description
                    == "SQLite error 21: wrong number of statement arguments: 1 given, 2 expected - while executing `INSERT INTO item(id, value) VALUES (?, ?)`"
            )
            let tooMany = try #require(throws: DatabaseError.self) { try insert.execute([1, 2, 3]) }
            #expect(tooMany.message == "wrong number of statement arguments: 3 given, 2 expected")
            let badIndex = try #require(throws: DatabaseError.self) { try insert.bind(1, at: 3) }
            #expect(badIndex.message == "no parameter at index 3 (the statement has 2)")
            #expect(throws: DatabaseError.self) { try insert.bind(1, at: 0) }

            let named = try db.makeStatement(sql: "INSERT INTO item(id, value) VALUES (:id, :value)")
            let missing = try #require(throws: DatabaseError.self) { try named.execute(["id": 1]) }
            #expect(missing.message == "missing value for the statement parameter `:value`")
            let unknown = try #require(throws: DatabaseError.self) { try named.execute(["id": 1, "value": 2, "vaule": 3]) }
            #expect(unknown.message == "no parameter named `vaule` in the statement")
            let twice = try #require(throws: DatabaseError.self) { try named.execute(["id": 1, "value": 2, ":value": 3]) }
            #expect(twice.message == "two arguments given for the parameter `:value`")
            let positional = try #require(throws: DatabaseError.self) { try insert.execute(["id": 1]) }
            #expect(positional.message == "no parameter named `id` in the statement")

            #expect(try db.scalar("SELECT count(*) FROM item", as: Int.self) == 0)
        }

        @Test func stepResetAndClearBindingsByHand() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try openValueTable(directory)
            let insert = try db.makeStatement(sql: "INSERT INTO item(id, value) VALUES (?, ?)")
            try insert.bind(1, at: 1)
            try insert.bind("first", at: 2)
            #expect(try insert.step() == .done)
            insert.reset()
            try insert.bind(2, at: 1)  // value keeps "first": reset keeps bindings
            #expect(try insert.step() == .done)
            insert.reset()
            insert.clearBindings()
            try insert.bind(3, at: 1)  // value is NULL now
            #expect(try insert.step() == .done)
            insert.reset()

            let select = try db.makeStatement(sql: "SELECT id, value FROM item ORDER BY id")
            #expect(select.columnCount == 2)
            #expect(select.columnNames == ["id", "value"])
            var seen: [Row] = []
            while try select.step() == .row {
                seen.append(try select.row())
            }
            select.reset()
            #expect(seen.map(\.values) == [
                [.integer(1), .text("first")], [.integer(2), .text("first")], [.integer(3), .null],
            ])
            let error = try #require(throws: DatabaseError.self) { try select.column(2) }
            #expect(error.message == "no column at index 2 in the row (2 columns)")
        }

        @Test func aStatementIsReusableAfterAFailedStep() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try openValueTable(directory)
            let insert = try db.cachedStatement(sql: "INSERT INTO item(id, value) VALUES (?, ?)")
            try insert.execute([1, "a"])
            let duplicate = try #require(throws: DatabaseError.self) { try insert.execute([1, "b"]) }
            #expect(duplicate.extendedResultCode == .constraintPrimaryKey)
            #expect(duplicate.message == "UNIQUE constraint failed: item.id")
            #expect(duplicate.arguments == [.integer(1), .text("b")])
            try insert.execute([2, "c"])
            #expect(try db.rows("SELECT value FROM item ORDER BY id").map { try $0.string(0) } == ["a", "c"])
        }

        @Test func cachedStatementIsPreparedOnceAndComesBackReset() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try openValueTable(directory)
            try db.execute(sql: "INSERT INTO item(id, value) VALUES (1, 'x'), (2, 'y')")
            let first = try db.cachedStatement(sql: "SELECT value FROM item WHERE id >= ? ORDER BY id")
            try first.bind(1, at: 1)
            #expect(try first.step() == .row)  // left half-stepped on purpose

            let second = try db.cachedStatement(sql: "SELECT value FROM item WHERE id >= ? ORDER BY id")
            #expect(first === second)
            // Reset and cleared: the NULL parameter matches nothing.
            #expect(try second.step() == .done)
            #expect(try second.rows([2]).map { try $0.string(0) } == ["y"])
            #expect(try db.cachedStatement(sql: "SELECT 1") !== second)
        }

        @Test func hundredThousandInsertsThroughOneCachedStatement() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try SQLiteConnection(path: directory.path("bulk.sqlite"))
            try db.execute(sql: "CREATE TABLE answer(id INTEGER PRIMARY KEY, enterprise TEXT NOT NULL, value REAL NOT NULL)")
            let count = 100_000
            try db.transaction { db in
                for index in 0..<count {
                    try db.cachedStatement(sql: "INSERT INTO answer(enterprise, value) VALUES (?, ?)")
                        .execute(["企业\(index % 97)", Double(index) / 4])
                }
            }
            #expect(try db.scalar("SELECT count(*) FROM answer", as: Int.self) == count)
            // Sum of index/4 for 0..<n is n(n-1)/8, exact in binary floating point here.
            #expect(try db.scalar("SELECT sum(value) FROM answer", as: Double.self) == Double(count * (count - 1)) / 8)
            #expect(try db.scalar("SELECT enterprise FROM answer WHERE id = 100000", as: String.self) == "企业\(99_999 % 97)")
        }

        @Test func aStatementOutlivingItsConnectionThrows() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let db = try openValueTable(directory)
            let statement = try db.makeStatement(sql: "SELECT count(*) FROM item")
            try db.close()
            let error = try #require(throws: DatabaseError.self) { try statement.step() }
            #expect(error.description == "SQLite error 21: the statement's connection is closed - while executing `SELECT count(*) FROM item`")
            #expect(throws: DatabaseError.self) { try statement.rows() }
        }
    }
}
