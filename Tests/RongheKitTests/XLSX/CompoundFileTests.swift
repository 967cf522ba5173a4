import Foundation
import Testing

@testable import RongheKit

@Suite struct CompoundFileTests {
    @Test func readsStreamNamesOfRealFiles() throws {
        let encrypted = try CompoundFile(path: xlsxFixture("password-protected.xlsx")).entryNames
        #expect(encrypted.contains("EncryptedPackage"))
        #expect(encrypted.contains("EncryptionInfo"))
        #expect(encrypted.first == "Root Entry")
        let legacy = try CompoundFile(path: xlsxFixture("libreoffice-legacy.xls")).entryNames
        #expect(legacy.contains("Workbook"))
        #expect(!legacy.contains("EncryptedPackage"))
    }

    @Test func readsStreamNamesOfSynthesizedFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("made.et")
        try Data(makeCompoundFile(streams: ["Workbook", "WpsCustomData", "汇总"])).write(to: URL(fileURLWithPath: path))
        #expect(try CompoundFile(path: path).entryNames == ["Root Entry", "Workbook", "WpsCustomData", "汇总"])
    }

    @Test func survivesDamagedStructures() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("damaged.xls")
        var bytes = makeCompoundFile(streams: ["Workbook"])
        // A directory chain that loops back on itself: FAT entry of sector 1 points to sector 1.
        bytes[512 + 4..<512 + 8] = [1, 0, 0, 0]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try CompoundFile(path: path).entryNames == ["Root Entry", "Workbook"])

        // Only the header, no sectors: no names, no crash.
        try Data(bytes.prefix(512)).write(to: URL(fileURLWithPath: path))
        #expect(try CompoundFile(path: path).entryNames.isEmpty)

        // An impossible sector size.
        bytes[0x1E] = 7
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try CompoundFile(path: path).entryNames.isEmpty)
    }
}
