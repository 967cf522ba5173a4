/// Byte-level mutations in the manner of AFL's "havoc" stage: a few stacked changes chosen at
/// random — bit flips, interesting values, inserted format tokens, deleted, duplicated or repeated
/// chunks, truncation, and splicing with another seed.
struct ByteMutator {
    /// Tokens of the format under test (see ``FuzzTarget/dictionary``).
    let dictionary: [[UInt8]]
    /// Inputs never grow past this many bytes.
    let maximumSize: Int

    private static let interestingBytes: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x22, 0x2C, 0x0D, 0x0A, 0x3C, 0x3E, 0x26, 0x3B]
    private static let interestingWords: [UInt32] = [0, 1, 0x7F, 0xFF, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x0010_0000]
    private static let interestingNumbers = ["0", "-1", "1048576", "1048577", "16384", "16385", "2147483648", "-2147483649",
                                             "18446744073709551616", "1e400", "NaN", "00", "4294967295", "32767", "32768"]

    /// `input` changed by 1 to 8 stacked mutations; `other` is spliced in by some of them.
    func mutate(_ input: [UInt8], other: [UInt8], random: inout FuzzRandom) -> [UInt8] {
        var bytes = input
        let count = random.int(in: 1...8)
        for _ in 0..<count {
            mutateOnce(&bytes, other: other, random: &random)
        }
        return bytes
    }

    /// One mutation of `bytes`.
    func mutateOnce(_ bytes: inout [UInt8], other: [UInt8], random: inout FuzzRandom) {
        switch random.below(12) {
        case 0 where !bytes.isEmpty:
            let index = random.below(bytes.count)
            bytes[index] ^= 1 << UInt8(random.below(8))
        case 1 where !bytes.isEmpty:
            bytes[random.below(bytes.count)] = random.pick(Self.interestingBytes)
        case 2 where bytes.count >= 4:
            // Little-endian, as zip headers store their sizes and offsets.
            let value = random.pick(Self.interestingWords)
            let width = random.chance(1, in: 2) ? 2 : 4
            let index = random.below(bytes.count - width + 1)
            for offset in 0..<width {
                bytes[index + offset] = UInt8(truncatingIfNeeded: value >> UInt32(8 * offset))
            }
        case 3:
            let run = (0..<random.int(in: 1...16)).map { _ in random.byte() }
            insert(run, into: &bytes, random: &random)
        case 4, 5:
            insert(random.pick(dictionary), into: &bytes, random: &random)
        case 6 where !bytes.isEmpty:
            let start = random.below(bytes.count)
            let length = min(bytes.count - start, random.skewedCount(max: 256))
            bytes.removeSubrange(start..<start + length)
        case 7 where !bytes.isEmpty:
            // A chunk copied elsewhere, sometimes many times over: repeated rows, cells, columns.
            let start = random.below(bytes.count)
            let length = min(bytes.count - start, random.int(in: 1...512))
            let chunk = Array(bytes[start..<start + length])
            let times = random.skewedCount(max: 1000)
            var repeated: [UInt8] = []
            for _ in 0..<times where repeated.count + chunk.count <= maximumSize / 4 {
                repeated += chunk
            }
            insert(repeated, into: &bytes, random: &random)
        case 8 where !bytes.isEmpty:
            bytes.removeSubrange(random.below(bytes.count)...)
        case 9 where !other.isEmpty:
            // Splice: the start of this input, the end of another.
            let cut = bytes.isEmpty ? 0 : random.below(bytes.count)
            let from = random.below(other.count)
            bytes = Array(bytes[..<cut]) + other[from...].prefix(maximumSize - cut)
        case 10:
            replaceNumber(in: &bytes, random: &random)
        default:
            if !bytes.isEmpty {
                bytes[random.below(bytes.count)] = random.byte()
            }
        }
        if bytes.count > maximumSize {
            bytes.removeSubrange(maximumSize...)
        }
    }

    private func insert(_ run: [UInt8], into bytes: inout [UInt8], random: inout FuzzRandom) {
        guard bytes.count + run.count <= maximumSize else { return }
        let index = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
        bytes.insert(contentsOf: run, at: index)
    }

    /// Replaces a run of ASCII digits with a number readers must bound: grid limits, overflows.
    private func replaceNumber(in bytes: inout [UInt8], random: inout FuzzRandom) {
        guard !bytes.isEmpty else { return }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var index = random.below(bytes.count)
        var tries = 0
        while !isDigit(bytes[index]) && tries < 64 {
            index = (index + 1) % bytes.count
            tries += 1
        }
        guard isDigit(bytes[index]) else { return }
        var start = index
        while start > 0 && isDigit(bytes[start - 1]) { start -= 1 }
        var end = index
        while end < bytes.count && isDigit(bytes[end]) { end += 1 }
        bytes.replaceSubrange(start..<end, with: Array(random.pick(Self.interestingNumbers).utf8))
    }
}
