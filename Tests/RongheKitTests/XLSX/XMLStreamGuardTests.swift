import Testing

@testable import RongheKit

@Suite struct XMLStreamGuardTests {
    /// Feeds `bytes` in chunks of `size` and returns how many bytes the parser may see after
    /// each chunk, or the error.
    func feed(_ bytes: [UInt8], chunk size: Int) -> Result<[Int], Error> {
        var guard_ = XMLStreamGuard()
        var released: [Int] = []
        do {
            var index = 0
            while index < bytes.count {
                let end = min(bytes.count, index + size)
                let waiting = try Array(bytes[index..<end]).withUnsafeBufferPointer { try guard_.scan($0) }
                released.append(end - waiting)
                index = end
            }
            try guard_.finish()
            return .success(released)
        } catch {
            return .failure(error)
        }
    }

    func error(_ bytes: [UInt8], chunk size: Int) -> Error? {
        if case .failure(let error) = feed(bytes, chunk: size) { return error }
        return nil
    }

    static func littleEndian(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static func littleEndian(_ units: [UInt16]) -> [UInt8] {
        units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test(arguments: [1, 2, 3, 5, 64])
    func surrogatePairsPassWhateverTheChunks(size: Int) throws {
        let bytes = Self.littleEndian("<a>𠀀</a>")
        let released = try feed(bytes, chunk: size).get()
        #expect(released.last == bytes.count)
        // Never half a unit, never a high surrogate (bytes 8 and 9) without its low half.
        #expect(released.allSatisfy { $0 % 2 == 0 && $0 != 10 })
    }

    @Test(arguments: [1, 2, 7])
    func unpairedSurrogatesAreRefused(size: Int) {
        let lowAlone = Self.littleEndian([0x3C, 0x61, 0xDC00, 0x3E])
        #expect(error(lowAlone, chunk: size) as? XMLStreamGuard.UnpairedSurrogate == .init(offset: 4))
        let highThenText = Self.littleEndian([0x3C, 0xD800, 0x61, 0x3E])
        #expect(error(highThenText, chunk: size) as? XMLStreamGuard.UnpairedSurrogate == .init(offset: 2))
        let highAtTheEnd = Self.littleEndian([0x3C, 0x61, 0xD800])
        #expect(error(highAtTheEnd, chunk: size) as? XMLStreamGuard.UnpairedSurrogate == .init(offset: 4))
        let bigEndian: [UInt8] = [0x00, 0x3C, 0xDC, 0x00]
        #expect(error(bigEndian, chunk: size) as? XMLStreamGuard.UnpairedSurrogate == .init(offset: 2))
    }

    @Test(arguments: [1, 3, 64])
    func aProcessingInstructionWithoutDataIsRefusedInAnyEncoding(size: Int) {
        let text = "<?xml version=\"1.0\"?><sheetData><?mso-x?></sheetData>"
        let expected = XMLStreamGuard.DatalessProcessingInstruction(offset: 32, target: "mso-x")
        #expect(error(Array(text.utf8), chunk: size) as? XMLStreamGuard.DatalessProcessingInstruction == expected)
        let utf16 = XMLStreamGuard.DatalessProcessingInstruction(offset: 2 + 64, target: "mso-x")
        #expect(error(Self.littleEndian(text), chunk: size) as? XMLStreamGuard.DatalessProcessingInstruction == utf16)
    }

    @Test(arguments: ["<?xml version=\"1.0\"?><a/>", "<a><?pi data?></a>", "<a><?pi ?></a>", "<a>1 <? 2</a>", "<a>?></a>",
                      "<a><?x??></a>", "<a>德州<?</a>"])
    func otherTextPasses(text: String) throws {
        let bytes = Array(text.utf8)
        #expect(try feed(bytes, chunk: 2).get().last == bytes.count)
    }
}
