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

    private static let quote = UInt8(ascii: "\"")

    /// The path for messages, or the name given for memory output.
    public let path: String
    /// The options the writer was made with.
    public let options: Options
    private var sink: Sink
    private let converter: IconvConverter?
    /// Encoded bytes waiting to be written.
    private var output: [UInt8] = []
    /// The record being built, in UTF-8, and where each of its fields starts in it.
    private var record: [UInt8] = []
    private var fieldStarts: [Int] = []
    private var lines = LineCounter()

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
    /// GB18030 and a field has a scalar glibc cannot encode; nothing of that record is written.
    public func write(_ fields: [String]) throws(CSVError) {
        if case .closed = sink {
            preconditionFailure("CSVWriter.write called after close()")
        }
        record.removeAll(keepingCapacity: true)
        fieldStarts.removeAll(keepingCapacity: true)
        for (number, field) in fields.enumerated() {
            if number > 0 {
                record.append(options.separator.byte)
            }
            fieldStarts.append(record.count)
            append(field, alone: fields.count == 1)
        }
        switch options.lineEnding {
        case .crlf: record.append(contentsOf: [0x0D, 0x0A])
        case .lf: record.append(0x0A)
        }
        try encode(record)
        lines.count(record)
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

    // MARK: - Building a record

    private func append(_ field: String, alone: Bool) {
        var field = field
        if options.formulaGuard, Self.isFormulaLike(field) {
            field = "'" + field
        }
        let utf8 = field.utf8
        if utf8.isEmpty {
            if alone {
                record.append(contentsOf: [Self.quote, Self.quote])
            }
            return
        }
        let needsQuotes = utf8.withContiguousStorageIfAvailable(needsQuotes) ?? needsQuotes(Array(utf8))
        if !needsQuotes {
            record.append(contentsOf: utf8)
            return
        }
        record.append(Self.quote)
        field.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices where bytes[index] == Self.quote {
                record.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))
                record.append(Self.quote)
                start = index + 1
            }
            record.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        record.append(Self.quote)
    }

    private func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let separator = options.separator.byte
        let first = bytes[0]
        let last = bytes[bytes.count - 1]
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 {
            return true
        }
        if bytes.count >= 3, first == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return true
        }
        for byte in bytes where byte == separator || byte == Self.quote || byte == 0x0D || byte == 0x0A {
            return true
        }
        return false
    }

    private func needsQuotes(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(needsQuotes)
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
            var counter = lines
            counter.count(Array(utf8[..<index]))
            let field = fieldStarts.lastIndex(where: { $0 <= index }).map { $0 + 1 } ?? 1
            let scalar = String(decoding: utf8[index...].prefix(4), as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
            throw .unencodable(path: path, line: counter.line, field: field, scalar: scalar, encoding: options.encoding)
        }
    }
}
