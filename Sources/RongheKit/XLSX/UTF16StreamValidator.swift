/// Checks, as a part streams by, that a part in UTF-16 pairs its surrogates, and throws at the
/// first that is not paired.
///
/// libxml2 2.9 (what FoundationXML's `XMLParser(stream:)` runs on Debian 12) dereferences a null
/// pointer when pushed UTF-16 with an unpaired surrogate, killing the process; a crafted or
/// damaged workbook must get an error instead. So the stream hands the parser only whole code
/// units and whole surrogate pairs, and this says how many trailing bytes must wait for the next
/// chunk. Parts in UTF-8 pass untouched: the encoding is told from the first two bytes, as XML
/// parsers tell it (a byte order mark, or `<` next to a zero byte).
struct UTF16StreamValidator {
    /// Thrown at the first unpaired surrogate, with its offset in the part's bytes.
    struct UnpairedSurrogate: Error, Equatable {
        let offset: Int
    }

    private enum Mode { case undecided, notUTF16, littleEndian, bigEndian }

    private var mode = Mode.undecided
    private var head: [UInt8] = []
    /// The first byte of a code unit cut by the end of the last chunk.
    private var pendingByte: UInt8?
    /// Where a high surrogate waiting for its low half starts.
    private var highSurrogateAt: Int?
    /// Bytes of the part seen so far.
    private var offset = 0

    /// Checks the next bytes of the part and returns how many of the bytes seen so far, at the
    /// end, are not yet known to be whole (at most 3): they must not reach the parser yet.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Int {
        switch mode {
        case .notUTF16:
            return 0
        case .undecided:
            head.append(contentsOf: bytes)
            guard head.count >= 2 else { return head.count }
            switch (head[0], head[1]) {
            case (0xFF, 0xFE), (0x3C, 0x00): mode = .littleEndian
            case (0xFE, 0xFF), (0x00, 0x3C): mode = .bigEndian
            default: mode = .notUTF16; return 0
            }
            let seen = head
            head = []
            return try seen.withUnsafeBufferPointer { try check($0) }
        case .littleEndian, .bigEndian:
            return try check(bytes)
        }
    }

    private mutating func check(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Int {
        for byte in bytes {
            offset += 1
            guard let first = pendingByte else {
                pendingByte = byte
                continue
            }
            pendingByte = nil
            let unit = mode == .littleEndian ? UInt16(first) | UInt16(byte) << 8 : UInt16(first) << 8 | UInt16(byte)
            let at = offset - 2
            switch unit {
            case 0xD800...0xDBFF:
                if let high = highSurrogateAt { throw UnpairedSurrogate(offset: high) }
                highSurrogateAt = at
            case 0xDC00...0xDFFF:
                guard highSurrogateAt != nil else { throw UnpairedSurrogate(offset: at) }
                highSurrogateAt = nil
            default:
                if let high = highSurrogateAt { throw UnpairedSurrogate(offset: high) }
            }
        }
        return (pendingByte == nil ? 0 : 1) + (highSurrogateAt == nil ? 0 : 2)
    }

    /// Called at the end of the part: a high surrogate with nothing after it is unpaired too.
    /// (A lone last byte is left to the parser, which reports the part cut off.)
    func finish() throws {
        if let high = highSurrogateAt { throw UnpairedSurrogate(offset: high) }
    }
}
