import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct RowTests {
        let sql = "SELECT id, name, score, ratio, logo, active, note FROM enterprise"
        var row: Row {
            Row(
                columnNames: ["id", "name", "score", "ratio", "logo", "active", "note"],
                values: [.integer(7), .text("甬江科技"), .integer(88), .real(0.75), .blob([0, 1, 0]), .integer(1), .null],
                sql: sql
            )
        }

        @Test func typedAccessByIndexAndName() throws {
            #expect(try row.int64(0) == 7)
            #expect(try row.int64("id") == 7)
            #expect(try row.string(1) == "甬江科技")
            #expect(try row.string("name") == "甬江科技")
            #expect(try row.double("ratio") == 0.75)
            #expect(try row.double("score") == 88)
            #expect(try row.blob("logo") == [0, 1, 0])
            #expect(try row.bool("active"))
            #expect(try row.decode(Data.self, named: "logo") == Data([0, 1, 0]))
            #expect(try row.decode(Int.self, at: 2) == 88)
            #expect(try row.value(named: "note") == .null)
            #expect(row.count == 7)
        }

        @Test func optionalAccessorsGiveNilForNullOnly() throws {
            #expect(try row.optionalString("note") == nil)
            #expect(try row.optionalInt64("note") == nil)
            #expect(try row.optionalDouble(6) == nil)
            #expect(try row.optionalBlob(6) == nil)
            #expect(try row.optionalBool("note") == nil)
            #expect(try row.optionalString("name") == "甬江科技")
            #expect(try row.optionalInt64(0) == 7)

            let error = try #require(throws: DatabaseError.self) { try row.optionalInt64("name") }
            #expect(error.message == "cannot read column \"name\" (index 1) as Int64?: found TEXT (12 bytes)")
        }

        @Test func namesMatchIgnoringASCIICaseAndFirstDuplicateWins() throws {
            #expect(try row.int64("ID") == 7)
            #expect(try row.string("Name") == "甬江科技")
            let joined = Row(columnNames: ["id", "id"], values: [.integer(1), .integer(2)], sql: "SELECT a.id, b.id FROM a, b")
            #expect(try joined.int64("id") == 1)
            #expect(try joined.int64(1) == 2)
        }

        @Test func mismatchErrorsNameColumnTypeAndQuery() throws {
            let text = try #require(throws: DatabaseError.self) { try row.int64("name") }
            #expect(
                text.description
                    == "SQLite error 20: cannot read column \"name\" (index 1) as Int64: found TEXT (12 bytes) - while executing `\(sql)`"
            )
            #expect(text.resultCode == .mismatch)

            let null = try #require(throws: DatabaseError.self) { try row.string(6) }
            #expect(null.message == "cannot read column \"note\" (index 6) as String: found NULL")

            let real = try #require(throws: DatabaseError.self) { try row.int64("ratio") }
            #expect(real.message == "cannot read column \"ratio\" (index 3) as Int64: found REAL 0.75")

            let notBool = try #require(throws: DatabaseError.self) { try row.bool("score") }
            #expect(notBool.message == "cannot read column \"score\" (index 2) as Bool: found INTEGER 88")

            let blob = try #require(throws: DatabaseError.self) { try row.string("logo") }
            #expect(blob.message == "cannot read column \"logo\" (index 4) as String: found BLOB (3 bytes)")

            let bytes = try #require(throws: DatabaseError.self) { try row.blob("name") }
            #expect(bytes.message == "cannot read column \"name\" (index 1) as [UInt8]: found TEXT (12 bytes)")
        }

        @Test func unknownColumnsAreErrorsNotNulls() throws {
            let name = try #require(throws: DatabaseError.self) { try row.double("scroe") }
            #expect(
                name.description
                    == "SQLite error 25: no column named \"scroe\" in the row (columns: id, name, score, ratio, logo, active, note) - while executing `\(sql)`"
            )
            let index = try #require(throws: DatabaseError.self) { try row.int64(7) }
            #expect(index.message == "no column at index 7 in the row (7 columns)")
            #expect(throws: DatabaseError.self) { try row.value(at: -1) }
        }
    }
}
