/// The RFC 4180 state machine behind ``CSVReader``, fed decoded UTF-8 a buffer at a time.
///
/// A value type so that the hot loop touches only its own stored properties: the reader calls
/// ``scan(_:from:followsCR:)`` once per buffer, and Swift checks exclusive access once per call
/// rather than once per byte as it would for a class's properties. All state that must survive a
/// buffer boundary (inside quotes, a quote that may be the first of `""`, a CR that may be
/// followed by LF, the field so far) lives here.
struct CSVParser {
    private enum State {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A

    private let path: String
    private let separator: UInt8
    private let strictQuotes: Bool
    private let maxFieldBytes: Int
    private let maxRecordBytes: Int
    private let maxFields: Int
    private let maxRecords: Int?

    private var state = State.recordStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    /// The line the next byte is on.
    private var line = 1
    private var recordLine = 1
    private var fieldLine = 1
    private var quoteLine = 1
    private var recordBytes = 0
    private var recordCount = 0
    /// Whether ``finish()`` returned a record: the file's last line had no line break.
    private(set) var finishedWithoutLineEnd = false

    /// A parser for the file `path`, splitting on `separator`, with the reader's limits.
    init(path: String, separator: CSVSeparator, options: CSVReader.Options) {
        self.path = path
        self.separator = separator.byte
        self.strictQuotes = options.strictQuotes
        self.maxFieldBytes = options.maxFieldBytes
        self.maxRecordBytes = options.maxRecordBytes
        self.maxFields = options.maxFields
        self.maxRecords = options.maxRecords
    }

    /// Parses `bytes` from `index` until a record ends (returned, with `index` just past it) or
    /// the bytes run out (nil, with `index` at the end). `followsCR` tells whether the byte before
    /// `bytes[0]`, at the end of the previous buffer, was a CR, so that an LF there is not a
    /// second line end.
    mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, followsCR: Bool
    ) throws(CSVError) -> CSVRecord? {
        let separator = self.separator
        let quote = Self.quote
        let cr = Self.cr
        let lf = Self.lf
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch state {
            case .recordStart:
                if byte == cr {
                    line += 1
                    index += 1
                } else if byte == lf {
                    let afterCR = index > 0 ? bytes[index - 1] == cr : followsCR
                    if !afterCR { line += 1 }
                    index += 1
                } else {
                    if let limit = maxRecords, recordCount >= limit {
                        throw .tooManyRecords(path: path, line: line, limit: limit)
                    }
                    recordLine = line
                    recordBytes = 0
                    state = .fieldStart
                }
            case .fieldStart:
                fieldLine = line
                if byte == quote {
                    quoteLine = line
                    state = .quoted
                    index += 1
                } else if byte == separator {
                    try endField()
                    index += 1
                } else if byte == cr || byte == lf {
                    try endField()
                    line += 1
                    index += 1
                    return endRecord()
                } else {
                    state = .unquoted
                }
            case .unquoted:
                let start = index
                while index < count {
                    let next = bytes[index]
                    if next == separator || next == quote || next == cr || next == lf { break }
                    index += 1
                }
                if index > start {
                    try append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                }
                guard index < count else { break }
                let special = bytes[index]
                index += 1
                if special == separator {
                    try endField()
                    state = .fieldStart
                } else if special == quote {
                    if strictQuotes {
                        throw .strayQuote(path: path, line: line, field: fields.count + 1)
                    }
                    try append(quote)
                } else {
                    try endField()
                    line += 1
                    return endRecord()
                }
            case .quoted:
                let start = index
                while index < count {
                    let next = bytes[index]
                    if next == quote || next == cr || next == lf { break }
                    index += 1
                }
                if index > start {
                    try append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                }
                guard index < count else { break }
                let special = bytes[index]
                if special == quote {
                    state = .quoteInQuoted
                } else {
                    // Line breaks inside quotes are text, but still count as lines.
                    if special == cr {
                        line += 1
                    } else {
                        let afterCR = index > 0 ? bytes[index - 1] == cr : followsCR
                        if !afterCR { line += 1 }
                    }
                    try append(special)
                }
                index += 1
            case .quoteInQuoted:
                if byte == quote {
                    try append(quote)
                    state = .quoted
                    index += 1
                } else if byte == separator {
                    try endField()
                    state = .fieldStart
                    index += 1
                } else if byte == cr || byte == lf {
                    try endField()
                    line += 1
                    index += 1
                    return endRecord()
                } else {
                    if strictQuotes {
                        throw .textAfterClosingQuote(path: path, line: line, field: fields.count + 1)
                    }
                    state = .unquoted
                }
            }
        }
        return nil
    }

    /// Ends the file: the last record if it had no line end, nil if there is none, or an error
    /// for a quote still open.
    mutating func finish() throws(CSVError) -> CSVRecord? {
        switch state {
        case .recordStart:
            return nil
        case .quoted:
            throw .unterminatedQuote(path: path, line: quoteLine)
        case .fieldStart, .unquoted, .quoteInQuoted:
            try endField()
            finishedWithoutLineEnd = true
            return endRecord()
        }
    }

    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) throws(CSVError) {
        field.append(contentsOf: run)
        try checkLength()
    }

    private mutating func append(_ byte: UInt8) throws(CSVError) {
        field.append(byte)
        try checkLength()
    }

    private func checkLength() throws(CSVError) {
        if field.count > maxFieldBytes {
            throw .fieldTooLong(path: path, line: fieldLine, field: fields.count + 1, limit: maxFieldBytes)
        }
        if recordBytes + field.count > maxRecordBytes {
            throw .recordTooLong(path: path, line: recordLine, limit: maxRecordBytes)
        }
    }

    private mutating func endField() throws(CSVError) {
        if fields.count == maxFields {
            throw .tooManyFields(path: path, line: recordLine, limit: maxFields)
        }
        // The decoder hands over well-formed UTF-8, and fields are split only at ASCII bytes.
        fields.append(String(decoding: field, as: UTF8.self))
        recordBytes += field.count
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord() -> CSVRecord {
        let record = CSVRecord(fields: fields, line: recordLine)
        fields = []
        fields.reserveCapacity(record.fields.count)
        recordCount += 1
        state = .recordStart
        return record
    }
}
