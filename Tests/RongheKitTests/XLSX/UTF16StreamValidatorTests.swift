import Testing

@testable import RongheKit

@Suite struct UTF16StreamValidatorTests {
    /// Feeds `bytes` in chunks of `size` and returns the bytes the parser may see after each,
    /// or the error.
    func feed(_ bytes: [UInt8], chunk size: Int) -> Result<[Int], UTF16StreamValidator.UnpairedSurrogate> {
        var validator = UTF16StreamValidator()
        var released: [Int] = []
        var seen = 0
        do {
            var index = 0
            while index < bytes.count {
                let end = min(bytes.count, index + size)
                let waiting = try Array(bytes[index..<end]).withUnsafeBufferPointer { try validator.scan($0) }
                seen = end
                released.append(seen - waiting)
                index = end
            }
            try validator.finish()
            return .success(released)
        } catch let error as UTF16StreamValidator.UnpairedSurrogate {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .success([])
        }
    }

    static func littleEndian(_ units: [UInt16]) -> [UInt8] {
        units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test(arguments: [1, 2, 3, 5, 64])
    func pairsPassWhateverTheChunks(size: Int) throws {
        // <a>𠀀</a> with a byte order mark: U+20000 is D840 DC00.
        let bytes = Self.littleEndian([0xFEFF, 0x3C, 0x61, 0x3E, 0xD840, 0xDC00, 0x3C, 0x2F, 0x61, 0x3E])
        let released = try feed(bytes, chunk: size).get()
        #expect(released.last == bytes.count)
        // Never half a unit, never a high surrogate without its low half.
        for count in released {
            #expect(count % 2 == 0 && count != 10)
        }
    }

    @Test(arguments: [1, 2, 7])
    func unpairedSurrogatesAreRefused(size: Int) {
        let lowAlone = Self.littleEndian([0x3C, 0x61, 0xDC00, 0x3E])
        #expect(feed(lowAlone, chunk: size) == .failure(.init(offset: 4)))
        let highThenText = Self.littleEndian([0x3C, 0xD800, 0x61, 0x3E])
        #expect(feed(highThenText, chunk: size) == .failure(.init(offset: 2)))
        let highAtTheEnd = Self.littleEndian([0x3C, 0x61, 0xD800])
        #expect(feed(highAtTheEnd, chunk: size) == .failure(.init(offset: 4)))
        let bigEndian: [UInt8] = [0x00, 0x3C, 0xDC, 0x00]
        #expect(feed(bigEndian, chunk: size) == .failure(.init(offset: 2)))
    }

    @Test func utf8PassesUntouched() throws {
        let bytes = Array("<a>德州\u{20000}</a>".utf8) + [0xED, 0xA0, 0x80]  // even an encoded surrogate: the parser's concern
        #expect(try feed(bytes, chunk: 3).get().allSatisfy { $0 % 3 == 0 || $0 == bytes.count })
    }
}
