import Foundation
import Testing

@testable import RongheKit

@Suite struct ZipArchiveTests {
    private func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    /// Streams `total` zero bytes in 1 MB chunks.
    private func zeros(_ total: Int) -> () -> [UInt8]? {
        let chunk = [UInt8](repeating: 0, count: 1 << 20)
        var sent = 0
        return {
            guard sent < total else { return nil }
            sent += chunk.count
            return chunk
        }
    }

    /// Patches the central directory header of the first entry (signature `PK\1\2`).
    private func patchCentralDirectory(_ path: String, offset: Int, bytes: [UInt8]) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let signature = Data([0x50, 0x4B, 0x01, 0x02])
        let start = try #require(data.range(of: signature)).lowerBound
        for (index, byte) in bytes.enumerated() {
            data[start + offset + index] = byte
        }
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test func roundTripsStoredAndDeflatedEntries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("parts.zip")
        let random = randomBytes(100_000, seed: 7)
        let text = String(repeating: "<row r=\"1\"><c><v>1</v></c></row>", count: 1000)
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "random.bin", bytes: random, compression: .stored)
        try writer.addEntry(named: "xl/worksheets/sheet1.xml", text: text)
        try writer.addEntry(named: "empty.txt", bytes: [])
        try writer.close()
        try writer.close()  // closing twice is harmless

        let archive = try ZipArchive(path: path)
        #expect(archive.entries.map(\.name) == ["random.bin", "xl/worksheets/sheet1.xml", "empty.txt"])
        #expect(archive.entries.map(\.compressionMethod) == [0, 8, 8])
        #expect(archive.entries.map(\.uncompressedSize) == [100_000, Int64(text.utf8.count), 0])
        #expect(archive.entries[0].compressedSize == 100_000)
        #expect(archive.entries[1].compressedSize < Int64(text.utf8.count) / 20)
        #expect(archive.entries.allSatisfy { !$0.isEncrypted })
        #expect(Array(try archive.data(ofEntry: "random.bin")) == random)
        #expect(try archive.data(ofEntry: "empty.txt").isEmpty)
        // Office part names are case-insensitive.
        #expect(String(decoding: try archive.data(ofEntry: "XL/Worksheets/Sheet1.XML"), as: UTF8.self) == text)

        var pieces: [Int] = []
        var joined: [UInt8] = []
        try archive.forEachChunk(ofEntry: "random.bin", chunkSize: 30_000) { chunk in
            pieces.append(chunk.count)
            joined += chunk
        }
        #expect(pieces == [30_000, 30_000, 30_000, 10_000])
        #expect(joined == random)

        let extracted = directory.url.appendingPathComponent("out.bin")
        try archive.extract(entry: "random.bin", to: extracted)
        #expect(Array(try Data(contentsOf: extracted)) == random)

        #expect(xlsxErrorText { _ = try archive.data(ofEntry: "xl/styles.xml") }
            == "\(path): error: the part xl/styles.xml is missing from the package")
    }

    /// A package with an entry named to climb out of it was made to attack programs that extract
    /// entries; nothing here extracts, but such a package is refused whole, naming the entry.
    @Test(arguments: ["../../ronghe-escape.txt", "/ronghe-escape.txt", "..\\..\\ronghe-escape.txt", "xl/../../ronghe-escape.txt",
                      "\\\\server\\share\\x", "C:\\ronghe-escape.txt", "c:ronghe-escape.txt"])
    func entryNamesThatLeaveThePackageAreRefused(name: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("traversal.zip")
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "xl/workbook.xml", text: "<workbook/>")
        try writer.addEntry(named: name, text: "payload")
        try writer.close()
        #expect(throws: XLSXError(path: path, problem: .unsafeEntryName(name))) { _ = try ZipArchive(path: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["traversal.zip"])
    }

    @Test(arguments: ["xl/worksheets/sheet1.xml", "[Content_Types].xml", "a..b/c.xml", "xl/..hidden", "xl/", "docProps/app.xml"])
    func ordinaryEntryNamesAreSafe(name: String) {
        #expect(!ZipArchive.isUnsafe(name))
    }

    @Test func refusesEntryWhoseDeclaredSizeIsOverTheLimit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("bomb.xlsx")
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "xl/worksheets/sheet1.xml", declaringUncompressedSize: 1 << 30, chunks: zeros(1 << 20))
        try writer.close()
        let archive = try ZipArchive(path: path)
        #expect(archive.entries[0].uncompressedSize == 1 << 30)
        #expect(xlsxErrorText { _ = try archive.data(ofEntry: "xl/worksheets/sheet1.xml") }
            == "\(path):xl/worksheets/sheet1.xml: error: this part expands to more than 512 MB, the limit for one part")
    }

    @Test func stopsZipBombMidStream() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("bomb.xlsx")
        let writer = try ZipWriter(path: path)
        // 256 MB of zeros: under the per-part limit, but compressed about 1000:1.
        try writer.addEntry(named: "xl/worksheets/sheet1.xml", compression: .deflated(level: 9), chunks: zeros(256 << 20))
        try writer.close()
        let archive = try ZipArchive(path: path)
        #expect(archive.entries[0].compressedSize < 300 << 10)

        var decompressed: Int64 = 0
        let message = xlsxErrorText {
            try archive.withReader(forEntry: "xl/worksheets/sheet1.xml") { reader in
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
                defer { buffer.deallocate() }
                defer { decompressed = reader.bytesRead }
                while try reader.read(into: buffer) > 0 {}
            }
        }
        #expect(message == "\(path):xl/worksheets/sheet1.xml: error: this part expands more than 200 times its "
            + "compressed size, as a zip bomb does; refusing to read it")
        // Stopped just past the 4 MB threshold, not after 256 MB.
        #expect(decompressed > 4 << 20)
        #expect(decompressed <= (4 << 20) + 64 * 1024)
    }

    @Test func neverTrustsAnUnderstatedSize() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("liar.xlsx")
        let writer = try ZipWriter(path: path)
        // Claims 8 MB, holds 64 MB.
        try writer.addEntry(named: "xl/sharedStrings.xml", declaringUncompressedSize: 8 << 20, chunks: zeros(64 << 20))
        try writer.close()

        let archive = try ZipArchive(path: path)
        #expect(xlsxErrorText { _ = try archive.data(ofEntry: "xl/sharedStrings.xml") }
            == "\(path):xl/sharedStrings.xml: error: this part expands more than 200 times its compressed size, "
            + "as a zip bomb does; refusing to read it")

        // Without the ratio check, reading stops at the claimed size and the checksum gives it away.
        var limits = XLSXLimits()
        limits.maxCompressionRatio = nil
        let unchecked = try ZipArchive(path: path, limits: limits)
        var decompressed = 0
        let message = xlsxErrorText {
            try unchecked.forEachChunk(ofEntry: "xl/sharedStrings.xml") { decompressed += $0.count }
        }
        #expect(message == "\(path):xl/sharedStrings.xml: error: this part of the file is damaged (checksum "
            + "mismatch); ask the sender to save the workbook and send it again")
        #expect(decompressed == 8 << 20)
    }

    @Test func countsEachEntryOnceTowardsTheTotal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("total.zip")
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "a.bin", bytes: randomBytes(2 << 20, seed: 1))
        try writer.addEntry(named: "b.bin", bytes: randomBytes(2 << 20, seed: 2))
        try writer.close()

        var limits = XLSXLimits()
        limits.maxTotalSize = 3 << 20
        let archive = try ZipArchive(path: path, limits: limits)
        #expect(try archive.data(ofEntry: "a.bin").count == 2 << 20)
        #expect(try archive.data(ofEntry: "a.bin").count == 2 << 20)  // re-reading costs nothing more
        #expect(xlsxErrorText { _ = try archive.data(ofEntry: "b.bin") }
            == "\(path):b.bin: error: the workbook expands to more than 3 MB in total, the limit for one file")
    }

    @Test func refusesTooManyEntries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("many.zip")
        let writer = try ZipWriter(path: path)
        for index in 0..<5 {
            try writer.addEntry(named: "part\(index).xml", text: "<a/>")
        }
        try writer.close()
        var limits = XLSXLimits()
        limits.maxEntryCount = 4
        #expect(xlsxErrorText { _ = try ZipArchive(path: path, limits: limits) }
            == "\(path): error: the package has more than 4 parts, more than any workbook needs; refusing to read it")
        limits.maxEntryCount = 5
        #expect(try ZipArchive(path: path, limits: limits).entries.count == 5)
    }

    @Test func refusesEncryptedAndUnsupportedEntries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("odd.zip")
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "xl/workbook.xml", text: "<workbook/>")
        try writer.close()

        try patchCentralDirectory(path, offset: 8, bytes: [0x01])  // general purpose flag: encrypted
        let encrypted = try ZipArchive(path: path)
        #expect(encrypted.entries[0].isEncrypted)
        #expect(xlsxErrorText { _ = try encrypted.data(ofEntry: "xl/workbook.xml") }
            == "\(path):xl/workbook.xml: error: this part is encrypted; remove the password and save the workbook "
            + "again as .xlsx")

        try patchCentralDirectory(path, offset: 8, bytes: [0x00, 0x00, 12, 0])  // method 12: bzip2
        let bzip2 = try ZipArchive(path: path)
        #expect(xlsxErrorText { _ = try bzip2.data(ofEntry: "xl/workbook.xml") }
            == "\(path):xl/workbook.xml: error: this part is compressed with method 12, which cannot be read; save "
            + "the workbook again in Excel or WPS")
    }

    @Test func reportsDamagedEntryData() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("damaged.zip")
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "xl/workbook.xml", text: "<workbook>0123456789</workbook>", compression: .stored)
        try writer.close()
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let start = try #require(data.range(of: Data("0123456789".utf8))).lowerBound
        data[start] = UInt8(ascii: "X")
        try data.write(to: URL(fileURLWithPath: path))

        let archive = try ZipArchive(path: path)
        #expect(xlsxErrorText { _ = try archive.data(ofEntry: "xl/workbook.xml") }
            == "\(path):xl/workbook.xml: error: this part of the file is damaged (checksum mismatch); ask the sender "
            + "to save the workbook and send it again")
    }

    @Test func refusesDuplicateEntryNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("twice.zip")
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "xl/workbook.xml", text: "<workbook/>")
        try writer.addEntry(named: "xl/workbook.xml", text: "<evil/>")
        try writer.close()
        let archive = try ZipArchive(path: path)
        #expect(xlsxErrorText { _ = try archive.data(ofEntry: "xl/workbook.xml") }
            == "\(path):xl/workbook.xml: error: the package contains two parts with this name; refusing to guess "
            + "which one is meant")
    }

    @Test func reportsFilesThatAreNotZip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("plain.zip")
        try Data("not a zip at all".utf8).write(to: URL(fileURLWithPath: path))
        #expect(xlsxErrorText { _ = try ZipArchive(path: path) }
            == "\(path): error: the file is damaged or incomplete (it cannot be opened as a zip package); ask the "
            + "sender to save the workbook and send it again")
    }

    @Test func writerRefusesEntriesAfterClose() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("closed.zip")
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "first.txt", text: "x")
        try writer.close()
        #expect(xlsxErrorText { try writer.addEntry(named: "late.txt", text: "x") }
            == "\(path): error: cannot write the file (the zip file is already closed)")
        #expect(try ZipArchive(path: path).entries.map(\.name) == ["first.txt"])
    }
}
