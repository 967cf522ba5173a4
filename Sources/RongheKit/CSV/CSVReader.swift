import Foundation

/// Reads CSV records one at a time from a file or from bytes in memory, in constant memory.
///
/// The file is read in chunks (64 KiB unless told otherwise) and decoded from UTF-8, GB18030 or
/// UTF-16 (see ``TextEncodingDetector`` for how the encoding is chosen), then parsed as RFC 4180:
///
/// - Fields are separated by a comma (or `;` or a tab, given or detected from the first line).
/// - A field may be quoted; inside quotes, `""` is one quote and separators and line breaks are
///   text. Line breaks inside a field are kept as they are in the file (CRLF stays CRLF).
/// - Records end with CRLF, LF or a lone CR; the last one may have no line end.
/// - A physical line with nothing at all on it is skipped, wherever it is; a line with only
///   spaces is a record with one field of spaces, and a line `""` a record with one empty field.
/// - Whitespace is kept; the caller trims. Records are not padded: a short line gives fewer
///   fields, and the caller tells a missing field from an empty one by counting.
/// - Quotes are lenient by default, like Excel and Python's `csv`: a quote inside a field that
///   did not start with one is kept as text (`12" pipe`), and text after a closing quote is
///   appended (`"abc"def` gives `abcdef`). With ``Options/strictQuotes`` both are errors.
///
/// The input is untrusted, so field size, record size, field count and (optionally) record
/// count are limited. Every error is a ``CSVError`` naming the file and line; after one, the
/// reader throws the same error again. Not Sendable: a reader owns its file and stays on one task.
///
/// ```swift
/// let reader = try CSVReader(url: url)
/// while let record = try reader.next() {
///     print(record.line, record.fields)
/// }
/// ```
public final class CSVReader {
    /// How a ``CSVReader`` decodes and parses, and the limits it enforces.
    public struct Options: Sendable, Equatable {
        /// The encoding to decode, or nil to choose it from a byte order mark or the bytes.
        ///
        /// A forced encoding is used even against a byte order mark; a mark that matches it is
        /// dropped.
        public var encoding: CSVEncoding?
        /// The field separator, or nil to choose it from the first line: the most frequent of
        /// comma, semicolon and tab outside quotes (ties and none go to comma, then semicolon).
        public var separator: CSVSeparator?
        /// Whether a quote inside an unquoted field, or text after a closing quote, is an error
        /// rather than kept as text.
        public var strictQuotes: Bool
        /// The longest field allowed, in bytes of UTF-8 (after decoding and unquoting).
        public var maxFieldBytes: Int
        /// The longest record allowed, in bytes of UTF-8 of all its fields together.
        public var maxRecordBytes: Int
        /// The most fields a record may have; 16,384 is Excel's column limit.
        public var maxFields: Int
        /// The most records the file may have, or nil for no limit.
        public var maxRecords: Int?
        /// How many bytes to read from the file at a time. Tests make it tiny to cut multi-byte
        /// characters, CRLF and `""` across chunks.
        public var chunkSize: Int
        /// How many bytes, from the first non-ASCII one, the encoding is chosen on when it is
        /// neither forced nor marked. They are held in memory until decoded.
        public var detectionWindow: Int

        /// Creates options; the defaults suit survey files from spreadsheet programs.
        public init(
            encoding: CSVEncoding? = nil,
            separator: CSVSeparator? = .comma,
            strictQuotes: Bool = false,
            maxFieldBytes: Int = 1 << 20,
            maxRecordBytes: Int = 64 << 20,
            maxFields: Int = 16_384,
            maxRecords: Int? = nil,
            chunkSize: Int = 64 << 10,
            detectionWindow: Int = 1 << 20
        ) {
            self.encoding = encoding
            self.separator = separator
            self.strictQuotes = strictQuotes
            self.maxFieldBytes = maxFieldBytes
            self.maxRecordBytes = maxRecordBytes
            self.maxFields = maxFields
            self.maxRecords = maxRecords
            self.chunkSize = chunkSize
            self.detectionWindow = detectionWindow
        }
    }

    /// The options the reader was made with.
    public let options: Options
    private let decoder: TextStreamDecoder

    /// The separator in use; nil before the first ``next()`` when it is to be detected.
    public private(set) var separator: CSVSeparator?

    // Decoded UTF-8 being parsed, and where parsing is in it.
    private var buffer: [UInt8] = []
    private var position = 0
    private var bufferFollowsCR = false
    private var sourceEnded = false
    private var failure: CSVError?

    /// Made when the separator is known: at once, or after the first line was looked at.
    private var parser: CSVParser?

    /// Opens the file at `url`; the error names the file as `url.relativePath`.
    public convenience init(url: URL, options: Options = Options()) throws(CSVError) {
        let source = try ByteSource(url: url, chunkSize: options.chunkSize)
        self.init(source: source, options: options)
    }

    /// Reads `data`, naming it `name` in errors.
    public convenience init(data: Data, name: String = "<data>", options: Options = Options()) {
        self.init(source: ByteSource(data: data, name: name, chunkSize: options.chunkSize), options: options)
    }

    private init(source: ByteSource, options: Options) {
        precondition(options.maxFieldBytes > 0 && options.maxRecordBytes > 0 && options.maxFields > 0,
                     "CSV limits must be positive")
        self.options = options
        self.separator = options.separator
        self.decoder = TextStreamDecoder(
            source: source, encoding: options.encoding, detectionWindow: options.detectionWindow)
    }

    /// The path given, or the name for in-memory input.
    public var path: String { decoder.path }

    /// The encoding being decoded: the forced one, the byte order mark's, or the detected one.
    ///
    /// Nil until a byte order mark or a non-ASCII byte has been read; a file that is ASCII
    /// throughout leaves it nil, and reads the same in UTF-8 and GB18030.
    public var encoding: CSVEncoding? { decoder.encoding }

    /// Whether the record ``next()`` returned last ends the file without a line break after it.
    ///
    /// Spreadsheet programs end every line, so together with a record shorter than the header
    /// this tells of a file cut off in the middle of its last line.
    public var lastRecordHasNoLineBreak: Bool { parser?.finishedWithoutLineEnd ?? false }

    /// The next record, or nil after the last one.
    public func next() throws(CSVError) -> CSVRecord? {
        if let failure {
            throw failure
        }
        do {
            if separator == nil {
                separator = try detectSeparator()
            }
            return try parseNext()
        } catch {
            failure = error
            throw error
        }
    }

    /// Calls `body` with each remaining record in order; stops at the first error, the reader's
    /// or `body`'s, and throws it.
    public func forEach(_ body: (CSVRecord) throws -> Void) throws {
        while let record = try next() {
            try body(record)
        }
    }

    /// All remaining records, in memory at once: for tests and small files.
    public func readAll() throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() {
            records.append(record)
        }
        return records
    }

    // MARK: - Reading decoded text

    /// Replaces the consumed buffer with the next decoded chunk; false at the end of the file.
    private func refill() throws(CSVError) -> Bool {
        guard !sourceEnded, let chunk = try decoder.next() else {
            sourceEnded = true
            return false
        }
        bufferFollowsCR = buffer.last == 0x0D
        buffer = chunk
        position = 0
        return true
    }

    /// Looks at the first line (up to 64 KiB of it) without consuming it.
    private func detectSeparator() throws(CSVError) -> CSVSeparator {
        var counts: [CSVSeparator: Int] = [:]
        var inQuotes = false
        var scanned = position
        var sawText = false
        scanning: while true {
            while scanned < buffer.count {
                let byte = buffer[scanned]
                scanned += 1
                if byte == UInt8(ascii: "\"") {
                    inQuotes.toggle()
                } else if !inQuotes {
                    if byte == 0x0D || byte == 0x0A {
                        if sawText { break scanning }
                        continue
                    }
                    for candidate in CSVSeparator.allCases where candidate.byte == byte {
                        counts[candidate, default: 0] += 1
                    }
                }
                sawText = true
            }
            guard buffer.count - position < 64 << 10, !sourceEnded else {
                break
            }
            guard let chunk = try decoder.next() else {
                sourceEnded = true
                break
            }
            buffer.append(contentsOf: chunk)
        }
        var best = CSVSeparator.comma
        for candidate in CSVSeparator.allCases where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }

    // MARK: - Parsing

    private func parseNext() throws(CSVError) -> CSVRecord? {
        if parser == nil {
            parser = CSVParser(path: path, separator: separator ?? .comma, options: options)
        }
        while true {
            if position == buffer.count {
                if try !refill() {
                    return try parser!.finish()
                }
            }
            let chunk = buffer
            let followsCR = bufferFollowsCR
            var index = position
            defer { position = index }
            let record = try chunk.withUnsafeBufferPointer { bytes throws(CSVError) in
                try parser!.scan(bytes, from: &index, followsCR: followsCR)
            }
            if let record {
                return record
            }
        }
    }
}
