/// Checks a part's text as it streams to `XMLParser`, for the two inputs on which the parser
/// kills the process instead of reporting an error, and throws before the parser sees them.
///
/// - **UTF-16 with an unpaired surrogate**: libxml2 2.9.14 (what FoundationXML's push parser runs
///   on Debian 12) dereferences a null pointer. The stream hands the parser only whole code units
///   and surrogate pairs; ``scan(_:)`` says how many trailing bytes must wait for the next chunk.
/// - **A processing instruction without data**, `<?x?>`: libxml2 reports its data as a null
///   pointer and FoundationXML reads it as a C string. Workbooks never have one. The parser fires
///   that callback only at the closing `>`, and chunks pass this guard before the parser, so the
///   error comes first.
///
/// The encoding is told from the first two bytes, as XML parsers tell it (a byte order mark, or
/// `<` next to a zero byte); anything else is read byte by byte, which suits UTF-8 and every
/// ASCII-compatible encoding a declaration may name.
struct XMLStreamGuard {
    /// Thrown at the first unpaired surrogate, with its offset in the part's bytes.
    struct UnpairedSurrogate: Error, Equatable {
        let offset: Int
    }

    /// Thrown at a processing instruction without data, with where its `<?` starts (in code
    /// units: bytes for UTF-8) and its target.
    struct DatalessProcessingInstruction: Error, Equatable {
        let offset: Int
        let target: String
    }

    private enum Mode { case undecided, bytes, littleEndian, bigEndian }

    /// Where the processing-instruction check is: nowhere special, after `<`, in a target after
    /// `<?`, or after `<?target?`.
    private enum State: Equatable {
        case text
        case open(at: Int)
        case target(at: Int, name: [UInt16])
        case question(at: Int, name: [UInt16])
    }

    private var mode = Mode.undecided
    private var head: [UInt8] = []
    private var state = State.text
    /// The first byte of a UTF-16 unit cut by the end of the last chunk.
    private var pendingByte: UInt8?
    /// Where a high surrogate waiting for its low half starts.
    private var highSurrogateAt: Int?
    /// Bytes (in UTF-16) or units seen so far.
    private var offset = 0

    /// Checks the next bytes of the part and returns how many of the bytes seen so far, at the
    /// end, are not yet known to be whole characters (at most 3, only in UTF-16): they must not
    /// reach the parser yet.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Int {
        switch mode {
        case .bytes:
            for byte in bytes {
                try step(UInt16(byte), at: offset)
                offset += 1
            }
            return 0
        case .undecided:
            head.append(contentsOf: bytes)
            guard head.count >= 2 else { return head.count }
            switch (head[0], head[1]) {
            case (0xFF, 0xFE), (0x3C, 0x00): mode = .littleEndian
            case (0xFE, 0xFF), (0x00, 0x3C): mode = .bigEndian
            default: mode = .bytes
            }
            let seen = head
            head = []
            return try seen.withUnsafeBufferPointer { try scan($0) }
        case .littleEndian, .bigEndian:
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
                try step(unit, at: at)
            }
            return (pendingByte == nil ? 0 : 1) + (highSurrogateAt == nil ? 0 : 2)
        }
    }

    /// Called at the end of the part: a high surrogate with nothing after it is unpaired too.
    /// (A lone last byte is left to the parser, which reports the part cut off.)
    func finish() throws {
        if let high = highSurrogateAt { throw UnpairedSurrogate(offset: high) }
    }

    /// Moves the processing-instruction check on by one code unit.
    private mutating func step(_ unit: UInt16, at position: Int) throws {
        let lessThan: UInt16 = 0x3C, question: UInt16 = 0x3F, greaterThan: UInt16 = 0x3E
        switch state {
        case .text:
            if unit == lessThan { state = .open(at: position) }
        case .open(let start):
            state = unit == question ? .target(at: start, name: []) : unit == lessThan ? .open(at: position) : .text
        case .target(let start, let name):
            switch unit {
            case question: state = .question(at: start, name: name)
            case lessThan: state = .open(at: position)
            case 0x20, 0x09, 0x0A, 0x0D, greaterThan: state = .text  // data follows, or not a processing instruction
            default:
                state = .target(at: start, name: name.count < 64 ? name + [unit] : name)
            }
        case .question(let start, let name):
            if unit == greaterThan {
                let target = mode == .bytes
                    ? String(decoding: name.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
                    : String(decoding: name, as: UTF16.self)
                throw DatalessProcessingInstruction(offset: start, target: target)
            }
            state = unit == lessThan ? .open(at: position) : .text
        }
    }
}
