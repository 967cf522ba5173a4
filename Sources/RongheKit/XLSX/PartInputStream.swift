import Foundation

/// Feeds one zip entry to `XMLParser(stream:)` as it is decompressed, so no part is ever held in
/// memory or on disk whole.
///
/// Every byte passes the prolog scanner before the parser sees it: a DOCTYPE is refused before
/// libxml2 could expand a single entity; and the text is checked for what the parser crashes on
/// (see ``XMLStreamGuard``). FoundationXML asks only for `open`, `read` and `close`.
final class PartInputStream: InputStream {
    private let reader: ZipEntryReader
    private var scanner = XMLPrologScanner()
    private var textGuard = XMLStreamGuard()
    /// Bytes read but held back from the parser until the rest of their character arrives.
    private var held: [UInt8] = []
    private var status: Stream.Status = .notOpen
    /// The error that stopped reading: a zip or limit error, or ``XLSXError/Problem/doctype``
    /// (without location; the caller adds it).
    private(set) var failure: Error?

    init(reader: ZipEntryReader) {
        self.reader = reader
        super.init(data: Data())
    }

    override func open() {
        status = .open
    }

    override func close() {
        status = .closed
    }

    override var streamStatus: Stream.Status { status }

    override var hasBytesAvailable: Bool { status == .open }

    override var streamError: Error? { failure }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        guard failure == nil else { return -1 }
        do {
            // Bytes held back last time (the start of a UTF-16 unit or pair) go first.
            var total = held.count
            for (index, byte) in held.enumerated() {
                buffer[index] = byte
            }
            held.removeAll(keepingCapacity: true)
            while true {
                let count = try reader.read(into: UnsafeMutableRawBufferPointer(start: buffer + total, count: length - total))
                let fresh = UnsafeBufferPointer(start: buffer + total, count: count)
                if !scanner.isFinished {
                    try scanner.scan(fresh)
                }
                if count == 0 {
                    try textGuard.finish()
                    return total  // a lone last byte: the parser says the part is cut off
                }
                let waiting = try textGuard.scan(fresh)
                total += count
                if total > waiting || total == length {
                    held = Array(UnsafeBufferPointer(start: buffer + total - waiting, count: waiting))
                    return total - waiting
                }
            }
        } catch {
            failure = error
            status = .error
            return -1
        }
    }
}

/// Walks an XML prolog (declaration, comments, processing instructions) up to the root element
/// and throws if it meets `<!DOCTYPE`, the only place a DTD can appear.
///
/// Understands UTF-8 (with or without BOM) and UTF-16 in either byte order, the encodings XML
/// parsers must detect on their own.
struct XMLPrologScanner {
    /// Thrown when a DOCTYPE is found.
    struct DoctypeFound: Error {}
    /// Thrown when the prolog is absurdly long.
    struct PrologTooLong: Error {}

    private enum Encoding { case undecided, utf8, utf16LittleEndian, utf16BigEndian }
    private enum State {
        case between
        case open
        case processingInstruction(sawQuestionMark: Bool)
        case declaration(String)
        case comment(dashes: Int)
    }

    /// The most code units read before the root element; real prologs are a few hundred bytes.
    static let maxPrologLength = 1 << 20

    private(set) var isFinished = false
    private var encoding = Encoding.undecided
    private var pending: [UInt8] = []
    private var state = State.between
    private var unitsSeen = 0

    /// Scans the next bytes of the part.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard !isFinished else { return }
        pending.append(contentsOf: bytes)
        if encoding == .undecided {
            guard pending.count >= 4 else { return }
            if pending.starts(with: [0xEF, 0xBB, 0xBF]) {
                encoding = .utf8
                pending.removeFirst(3)
            } else if pending.starts(with: [0xFF, 0xFE]) {
                encoding = .utf16LittleEndian
                pending.removeFirst(2)
            } else if pending.starts(with: [0xFE, 0xFF]) {
                encoding = .utf16BigEndian
                pending.removeFirst(2)
            } else if pending.starts(with: [0x3C, 0x00]) {
                encoding = .utf16LittleEndian
            } else if pending.starts(with: [0x00, 0x3C]) {
                encoding = .utf16BigEndian
            } else {
                encoding = .utf8
            }
        }
        let width = encoding == .utf8 ? 1 : 2
        var index = 0
        while index + width <= pending.count {
            let unit: UInt16
            switch encoding {
            case .utf16LittleEndian: unit = UInt16(pending[index]) | UInt16(pending[index + 1]) << 8
            case .utf16BigEndian: unit = UInt16(pending[index]) << 8 | UInt16(pending[index + 1])
            default: unit = UInt16(pending[index])
            }
            index += width
            unitsSeen += 1
            try step(unit)
            if isFinished { break }
            if unitsSeen > Self.maxPrologLength { throw PrologTooLong() }
        }
        pending.removeFirst(min(index, pending.count))
    }

    private mutating func step(_ unit: UInt16) throws {
        let character = unit < 128 ? Character(Unicode.Scalar(UInt8(unit))) : "\u{FFFD}"
        switch state {
        case .between:
            if character == "<" {
                state = .open
            } else if !(character == " " || character == "\t" || character == "\r" || character == "\n") {
                isFinished = true  // text before the root: the parser reports it
            }
        case .open:
            switch character {
            case "?": state = .processingInstruction(sawQuestionMark: false)
            case "!": state = .declaration("")
            default: isFinished = true  // the root element starts: no DTD can follow
            }
        case .processingInstruction(let sawQuestionMark):
            if sawQuestionMark && character == ">" {
                state = .between
            } else {
                state = .processingInstruction(sawQuestionMark: character == "?")
            }
        case .declaration(let soFar):
            let text = soFar + String(character)
            if text == "--" {
                state = .comment(dashes: 0)
            } else if "--".hasPrefix(text) {
                state = .declaration(text)
            } else if "DOCTYPE".hasPrefix(text.uppercased()) {
                if text.count == 7 { throw DoctypeFound() }
                state = .declaration(text)
            } else {
                isFinished = true  // CDATA or garbage before the root: the parser reports it
            }
        case .comment(let dashes):
            if character == ">" && dashes >= 2 {
                state = .between
            } else {
                state = .comment(dashes: character == "-" ? dashes + 1 : 0)
            }
        }
    }
}
