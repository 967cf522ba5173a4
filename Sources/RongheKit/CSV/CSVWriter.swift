import Foundation

/// Writes CSV records to a file (or to memory), buffered, in UTF-8, GB18030 or UTF-16.
///
/// A field is quoted when it has to be: when it contains the separator, a quote, CR or LF,
/// begins or ends with a space or tab, or begins with U+FEFF (which a reader would take for a
/// byte order mark); quotes inside are doubled. A record whose only field is empty is written
/// as `""`, because an empty line is skipped by ``CSVReader``; a record of no fields is an
/// empty line. Everything written with the default options reads back through ``CSVReader``
/// unchanged.
///
/// Call ``close()`` at the end and check its error: `deinit` flushes what is left but cannot
/// report a failure. Not Sendable: a writer owns its file and stays on one task.
public final class CSVWriter {
    /// What ends each record.
    public enum LineEnding: Sendable, Equatable {
        /// CR LF, RFC 4180's line end and what Excel writes.
        case crlf
        /// LF alone, for files read by programs rather than people.
        case lf
    }

    /// How a ``CSVWriter`` encodes and quotes.
    public struct Options: Sendable, Equatable {
        /// The output encoding. Excel on a Chinese Windows opens GB18030 (GBK) CSV directly, and
        /// UTF-8 only with a byte order mark.
        public var encoding: CSVEncoding
        /// Whether to begin the file with U+FEFF in the output encoding. Excel relies on it for
        /// UTF-8 and UTF-16; it means nothing to Excel in GB18030 (`84 31 95 33`).
        public var byteOrderMark: Bool
        /// What ends each record (and is not changed inside fields).
        public var lineEnding: LineEnding
        /// The separator between fields.
        public var separator: CSVSeparator
        /// Whether to defuse fields that Excel would run as formulas, for files people open.
        ///
        /// A field beginning with `=`, `+`, `-`, `@`, a tab or CR (OWASP's list for CSV
        /// injection) gets a leading `'`, so Excel shows it as text, unless it is a plain
        /// decimal number such as `-3.5` or `+12`, which Excel reads as a number anyway. The
        /// `'` changes the data, so leave this off for CSV that programs read.
        public var formulaGuard: Bool
        /// How many bytes to gather before writing to the file.
        public var bufferSize: Int

        /// Creates options; the defaults write RFC 4180 UTF-8 with CRLF, no mark, no guard.
        public init(
            encoding: CSVEncoding = .utf8,
            byteOrderMark: Bool = false,
            lineEnding: LineEnding = .crlf,
            separator: CSVSeparator = .comma,
            formulaGuard: Bool = false,
            bufferSize: Int = 64 << 10
        ) {
            self.encoding = encoding
            self.byteOrderMark = byteOrderMark
            self.lineEnding = lineEnding
            self.separator = separator
            self.formulaGuard = formulaGuard
            self.bufferSize = bufferSize
        }

        /// For CSV that people open in Excel: UTF-8 with a byte order mark, CRLF, formula guard on.
        public static let excel = Options(byteOrderMark: true, formulaGuard: true)
    }

    private enum Sink {
        case file(FileHandle)
        case memory(Data)
        case closed
    }

    /// The path for messages, or the name given for memory output.
    public let path: String
    /// The options the writer was made with.
    public let options: Options
    private var sink: Sink
    private let converter: IconvConverter?
    /// Encoded bytes waiting to be written.
    private var output: [UInt8] = []
    private var builder: RecordBuilder
    /// The line the next record starts on.
    private var line = 1

    /// Creates (or truncates) the file at `url` and writes the byte order mark if asked for.
    public convenience init(url: URL, options: Options = Options()) throws(CSVError) {
        let path = url.relativePath
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotOpen(path: path, reason: "its folder does not exist")
        }
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw .cannotOpen(path: path, reason: "it cannot be created")
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw .cannotOpen(path: path, reason: error.localizedDescription)
        }
        try self.init(sink: .file(handle), path: path, options: options)
    }

    private init(sink: Sink, path: String, options: Options) throws(CSVError) {
        precondition(options.bufferSize > 0, "the buffer size must be positive")
        self.sink = sink
        self.path = path
        self.options = options
        self.builder = RecordBuilder(options: options)
        if options.encoding == .utf8 {
            converter = nil
        } else {
            guard let converter = IconvConverter(from: "UTF-8", to: options.encoding.rawValue) else {
                throw .cannotWrite(path: path, reason: "this system's iconv cannot convert to \(options.encoding)")
            }
            self.converter = converter
        }
        if options.byteOrderMark {
            try encode([0xEF, 0xBB, 0xBF])
        }
    }

    deinit {
        if case .closed = sink { return }
        try? flush()
        if case let .file(handle) = sink {
            try? handle.close()
        }
    }

    /// Encodes `records` in memory, as a file written with `options` would hold them.
    public static func data(for records: [[String]], options: Options = Options()) throws(CSVError) -> Data {
        let writer = try CSVWriter(sink: .memory(Data()), path: "<memory>", options: options)
        for fields in records {
            try writer.write(fields)
        }
        try writer.flush()
        guard case let .memory(data) = writer.sink else {
            preconditionFailure("a memory writer has a memory sink")
        }
        writer.sink = .closed
        return data
    }

    /// Writes one record, quoting fields as needed and ending it with the line ending.
    ///
    /// Fails with ``CSVError/unencodable(path:line:field:scalar:encoding:)`` when the output is
    /// GB18030 and a field has a scalar glibc cannot encode; nothing of that record is written,
    /// and the writer can go on with the next.
    public func write(_ fields: [String]) throws(CSVError) {
        if case .closed = sink {
            preconditionFailure("CSVWriter.write called after close()")
        }
        builder.build(fields)
        try encode(builder.bytes)
        if builder.hasLineBreakInside {
            var counter = LineCounter()
            counter.count(builder.bytes)
            line += counter.line - 1
        } else {
            line += 1
        }
        if output.count >= options.bufferSize {
            try flush()
        }
    }

    /// Writes the buffered bytes to the file.
    public func flush() throws(CSVError) {
        guard !output.isEmpty else { return }
        switch sink {
        case let .file(handle):
            do {
                try handle.write(contentsOf: output)
            } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
        case var .memory(data):
            sink = .closed
            data.append(contentsOf: output)
            sink = .memory(data)
        case .closed:
            preconditionFailure("CSVWriter.flush called after close()")
        }
        output.removeAll(keepingCapacity: true)
    }

    /// Writes the buffered bytes and closes the file. The writer must not be used afterwards.
    public func close() throws(CSVError) {
        if case .closed = sink { return }
        try flush()
        if case let .file(handle) = sink {
            sink = .closed
            do {
                try handle.close()
            } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
        sink = .closed
    }

    /// Whether Excel might run `field` as a formula: OWASP's first characters, less plain numbers.
    static func isFormulaLike(_ field: String) -> Bool {
        guard let first = field.utf8.first,
            [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
        else {
            return false
        }
        return !isPlainNumber(field)
    }

    /// `-3.5`, `+12`, `-0.25`: an optional sign, digits, and at most one decimal point among them.
    private static func isPlainNumber(_ field: String) -> Bool {
        var bytes = Substring(field).utf8
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        var digits = 0
        var points = 0
        for byte in bytes {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                points += 1
            } else {
                return false
            }
        }
        return digits > 0 && points <= 1
    }

    // MARK: - Encoding

    /// Appends `utf8`, a whole record or the mark, to the output in the output encoding.
    private func encode(_ utf8: [UInt8]) throws(CSVError) {
        guard let converter else {
            output.append(contentsOf: utf8)
            return
        }
        let mark = output.count
        let outcome = utf8.withUnsafeBufferPointer { converter.convert($0, appendingTo: &output) }
        switch outcome {
        case .complete:
            return
        case .incomplete:
            preconditionFailure("a Swift string's UTF-8 ended inside a sequence")
        case let .invalid(index):
            output.removeSubrange(mark...)
            var counter = LineCounter()
            counter.count(Array(utf8[..<index]))
            let field = builder.fieldStarts.lastIndex(where: { $0 <= index }).map { $0 + 1 } ?? 1
            let scalar = String(decoding: utf8[index...].prefix(4), as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
            throw .unencodable(
                path: path, line: line + counter.line - 1, field: field, scalar: scalar, encoding: options.encoding)
        }
    }
}

/// Builds one record's UTF-8: separators, quoting, the formula guard and the line ending.
///
/// A value type that the writer calls once per record, so the per-byte work touches no class
/// property (each of which Swift would check for exclusive access on every use).
private struct RecordBuilder {
    private static let quote = UInt8(ascii: "\"")

    private let separator: UInt8
    private let formulaGuard: Bool
    private let lineEnding: [UInt8]
    /// The record built last.
    private(set) var bytes: [UInt8] = []
    /// Where each field of ``bytes`` starts (at its opening quote if quoted).
    private(set) var fieldStarts: [Int] = []
    /// Whether a quoted field of ``bytes`` holds a CR or LF, so the record spans several lines.
    private(set) var hasLineBreakInside = false

    init(options: CSVWriter.Options) {
        separator = options.separator.byte
        formulaGuard = options.formulaGuard
        lineEnding = options.lineEnding == .crlf ? [0x0D, 0x0A] : [0x0A]
    }

    mutating func build(_ fields: [String]) {
        bytes.removeAll(keepingCapacity: true)
        fieldStarts.removeAll(keepingCapacity: true)
        hasLineBreakInside = false
        for (number, field) in fields.enumerated() {
            if number > 0 {
                bytes.append(separator)
            }
            fieldStarts.append(bytes.count)
            append(field, alone: fields.count == 1)
        }
        bytes.append(contentsOf: lineEnding)
    }

    private mutating func append(_ field: String, alone: Bool) {
        var field = field
        if formulaGuard, CSVWriter.isFormulaLike(field) {
            field = "'" + field
        }
        field.withUTF8 { utf8 in
            guard !utf8.isEmpty else {
                // A lone empty field would make an empty line, which readers skip.
                if alone {
                    bytes.append(contentsOf: [Self.quote, Self.quote])
                }
                return
            }
            guard needsQuotes(utf8) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(Self.quote)
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                if byte == Self.quote {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
                    bytes.append(Self.quote)
                    start = index + 1
                } else if byte == 0x0D || byte == 0x0A {
                    hasLineBreakInside = true
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            bytes.append(Self.quote)
        }
    }

    private func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = utf8[0]
        let last = utf8[utf8.count - 1]
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 {
            return true
        }
        // U+FEFF at the start would be taken for a byte order mark.
        if utf8.count >= 3, first == 0xEF, utf8[1] == 0xBB, utf8[2] == 0xBF {
            return true
        }
        for byte in utf8 where byte == separator || byte == Self.quote || byte == 0x0D || byte == 0x0A {
            return true
        }
        return false
    }
}
