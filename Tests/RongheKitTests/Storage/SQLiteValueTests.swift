import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct SQLiteValueTests {
        @Test func storageClassesAndNull() {
            #expect(SQLiteValue.null.storageClass == "NULL")
            #expect(SQLiteValue.integer(1).storageClass == "INTEGER")
            #expect(SQLiteValue.real(1).storageClass == "REAL")
            #expect(SQLiteValue.text("").storageClass == "TEXT")
            #expect(SQLiteValue.blob([]).storageClass == "BLOB")
            #expect(SQLiteValue.null.isNull)
            #expect(!SQLiteValue.text("").isNull)
            #expect(!SQLiteValue.blob([]).isNull)
        }

        @Test func redactedDescriptionHidesTextAndBytes() {
            #expect(SQLiteValue.text("宁波市某某有限公司").redactedDescription == "TEXT (27 bytes)")
            #expect(SQLiteValue.blob([1, 2, 3]).redactedDescription == "BLOB (3 bytes)")
            #expect(SQLiteValue.integer(-4).redactedDescription == "INTEGER -4")
            #expect(SQLiteValue.real(2.5).redactedDescription == "REAL 2.5")
        }

        @Test func conformancesBindAsExpected() {
            #expect(Int64.max.sqliteValue == .integer(.max))
            #expect(42.sqliteValue == .integer(42))
            #expect(0.5.sqliteValue == .real(0.5))
            #expect(true.sqliteValue == .integer(1))
            #expect(false.sqliteValue == .integer(0))
            #expect("两化融合".sqliteValue == .text("两化融合"))
            #expect([UInt8]([0, 255]).sqliteValue == .blob([0, 255]))
            #expect(Data([0, 1]).sqliteValue == .blob([0, 1]))
            #expect(Data().sqliteValue == .blob([]))
            #expect((nil as String?).sqliteValue == .null)
            #expect(("x" as String?).sqliteValue == .text("x"))
            #expect(SQLiteValue.real(1).sqliteValue == .real(1))
        }

        @Test func conversionsAreStrict() {
            #expect(Int64.fromSQLiteValue(.integer(7)) == 7)
            #expect(Int64.fromSQLiteValue(.real(7)) == nil)
            #expect(Int64.fromSQLiteValue(.text("7")) == nil)
            #expect(Int64.fromSQLiteValue(.null) == nil)
            #expect(Int.fromSQLiteValue(.integer(-7)) == -7)

            #expect(Double.fromSQLiteValue(.real(-0.25)) == -0.25)
            #expect(Double.fromSQLiteValue(.integer(3)) == 3)
            #expect(Double.fromSQLiteValue(.integer(1 << 53)) == 9_007_199_254_740_992)
            // 2^53 + 1 has no exact Double: refused rather than rounded.
            #expect(Double.fromSQLiteValue(.integer((1 << 53) + 1)) == nil)
            #expect(Double.fromSQLiteValue(.text("3")) == nil)

            #expect(Bool.fromSQLiteValue(.integer(0)) == false)
            #expect(Bool.fromSQLiteValue(.integer(1)) == true)
            #expect(Bool.fromSQLiteValue(.integer(2)) == nil)
            #expect(Bool.fromSQLiteValue(.real(1)) == nil)

            #expect(String.fromSQLiteValue(.text("")) == "")
            #expect(String.fromSQLiteValue(.blob([0x61])) == nil)
            #expect([UInt8].fromSQLiteValue(.blob([])) == [])
            #expect([UInt8].fromSQLiteValue(.text("a")) == nil)
            #expect(Data.fromSQLiteValue(.blob([9])) == Data([9]))
        }

        @Test func optionalReadsNullAsNilAndKeepsWrappedStrictness() {
            #expect(Int64?.fromSQLiteValue(.null) == .some(nil))
            #expect(Int64?.fromSQLiteValue(.integer(5)) == .some(5))
            #expect(Int64?.fromSQLiteValue(.text("5")) == nil)
            #expect(SQLiteValue.fromSQLiteValue(.blob([1])) == .blob([1]))
        }
    }
}
