import Foundation
import RongheKit
import Testing

@testable import RongheFuzz

@Suite struct StoredZipWriterTests {
    @Test func checksumsAreZipsCRC32() {
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    /// What the writer packs, minizip reads back exactly, odd names included.
    @Test func minizipReadsWhatItWrites() throws {
        let directory = try FuzzFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var writer = StoredZipWriter()
        writer.entries = [("[Content_Types].xml", Array("<Types/>".utf8)), ("xl/worksheets/sheet1.xml", Array("德州".utf8)),
                          ("empty", []), ("xl/", [])]
        let path = directory.appendingPathComponent("stored.zip").path
        try Data(writer.bytes()).write(to: URL(fileURLWithPath: path))
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.map(\.name) == writer.entries.map(\.name))
        #expect(archive.entries.allSatisfy { $0.compressionMethod == 0 })
        for entry in writer.entries {
            #expect([UInt8](try archive.data(ofEntry: entry.name)) == entry.bytes)
        }
    }
}
