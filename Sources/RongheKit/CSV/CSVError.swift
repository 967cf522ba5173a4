/// An error reading or writing a CSV file, pointing at the file and line like a compiler does.
///
/// Every case carries the path it was given (for in-memory input, the name the caller chose), and,
/// where the problem sits at one place in the file, the 1-based physical line. Field numbers are
/// 1-based; byte offsets are 0-based from the first byte of the file, as `xxd` shows them.
/// ``description`` is the message for the user, for example
/// `surveys/batch.csv:17: error: a quoted field opened on line 17 is never closed`.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened; `reason` says why in plain words.
    case cannotOpen(path: String, reason: String)
    /// Reading failed after the file was opened.
    case cannotRead(path: String, reason: String)
    /// Creating or writing the output file failed.
    case cannotWrite(path: String, reason: String)
    /// A byte that does not decode, at `offset` on physical `line`.
    ///
    /// `encoding` is the encoding the reader was decoding. `detected` is true when the reader
    /// chose it itself from the bytes (no byte order mark, nothing forced by the caller).
    case undecodable(path: String, line: Int, offset: Int, byte: UInt8, encoding: CSVEncoding, detected: Bool)
    /// The file ends inside a multi-byte character, which starts at `offset` on `line`: it was
    /// cut off, as an interrupted upload or copy leaves it.
    case cutOffCharacter(path: String, line: Int, offset: Int, encoding: CSVEncoding)
    /// A field opened a quote on `line` and the file ended before the closing quote.
    case unterminatedQuote(path: String, line: Int)
    /// With strict quotes, a quote inside a field that does not start with one.
    case strayQuote(path: String, line: Int, field: Int)
    /// With strict quotes, text between a field's closing quote and the next separator.
    case textAfterClosingQuote(path: String, line: Int, field: Int)
    /// A field, starting on `line`, longer than the limit in bytes of UTF-8.
    case fieldTooLong(path: String, line: Int, field: Int, limit: Int)
    /// A record, starting on `line`, whose fields together are longer than the limit in bytes.
    case recordTooLong(path: String, line: Int, limit: Int)
    /// A record, starting on `line`, with more fields than the limit.
    case tooManyFields(path: String, line: Int, limit: Int)
    /// The record starting on `line` is one more than the caller allowed.
    case tooManyRecords(path: String, line: Int, limit: Int)
    /// The writer was asked to write a scalar its output encoding has no bytes for.
    ///
    /// Only GB18030 output can fail this way: glibc maps 24 private-use scalars (U+E78D…U+E796,
    /// U+E816 and others, which GB18030-2005 had for bytes that now mean standard characters) to
    /// nothing.
    case unencodable(path: String, line: Int, field: Int, scalar: Unicode.Scalar, encoding: CSVEncoding)

    /// The path, or the name given for in-memory input.
    public var path: String {
        switch self {
        case let .cannotOpen(path, _), let .cannotRead(path, _), let .cannotWrite(path, _),
            let .undecodable(path, _, _, _, _, _), let .cutOffCharacter(path, _, _, _), let .unterminatedQuote(path, _),
            let .strayQuote(path, _, _), let .textAfterClosingQuote(path, _, _),
            let .fieldTooLong(path, _, _, _), let .recordTooLong(path, _, _),
            let .tooManyFields(path, _, _), let .tooManyRecords(path, _, _),
            let .unencodable(path, _, _, _, _):
            path
        }
    }

    /// The 1-based physical line the error points at, or nil when it concerns the whole file.
    public var line: Int? {
        switch self {
        case .cannotOpen, .cannotRead, .cannotWrite:
            nil
        case let .undecodable(_, line, _, _, _, _), let .cutOffCharacter(_, line, _, _), let .unterminatedQuote(_, line),
            let .strayQuote(_, line, _), let .textAfterClosingQuote(_, line, _),
            let .fieldTooLong(_, line, _, _), let .recordTooLong(_, line, _),
            let .tooManyFields(_, line, _), let .tooManyRecords(_, line, _),
            let .unencodable(_, line, _, _, _):
            line
        }
    }

    /// The message in compiler style: `path:line: error: what is wrong`.
    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): error: \(message)"
    }

    /// The message without the location.
    public var message: String {
        switch self {
        case let .cannotOpen(_, reason):
            return "cannot open the file (\(reason))"
        case let .cannotRead(_, reason):
            return "cannot read the file (\(reason))"
        case let .cannotWrite(_, reason):
            return "cannot write the file (\(reason))"
        case let .undecodable(_, _, offset, byte, encoding, detected):
            let bad = "bad byte \(Self.hex(byte)) at offset \(offset)"
            switch (encoding, detected) {
            case (.gb18030, true):
                return "the file is neither UTF-8 nor GB18030 (\(bad))"
            case (_, true):
                return "the file reads as \(encoding) until a \(bad); it may mix two encodings"
            case (_, false):
                return "the file is not valid \(encoding) (\(bad))"
            }
        case let .cutOffCharacter(_, _, offset, encoding):
            return "the file ends in the middle of a character (\(encoding), at offset \(offset)): it was probably cut off; "
                + "ask the sender to save it and send it again"
        case let .unterminatedQuote(_, line):
            return "a quoted field opened on line \(line) is never closed"
        case let .strayQuote(_, _, field):
            return "field \(field) has a quote but is not quoted; quote the field and double the quote (\"\")"
        case let .textAfterClosingQuote(_, _, field):
            return "field \(field) has text after its closing quote"
        case let .fieldTooLong(_, _, field, limit):
            return "field \(field) is longer than the limit of \(limit) bytes"
        case let .recordTooLong(_, _, limit):
            return "the record is longer than the limit of \(limit) bytes"
        case let .tooManyFields(_, _, limit):
            return "the record has more fields than the limit of \(limit)"
        case let .tooManyRecords(_, _, limit):
            return "the file has more records than the limit of \(limit)"
        case let .unencodable(_, _, field, scalar, encoding):
            let code = String(scalar.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return "field \(field) has U+\(padded), which cannot be written in \(encoding)"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }
}
