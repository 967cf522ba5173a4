/// Turns a file's bytes, in whatever encoding, into chunks of well-formed UTF-8 for the parser.
///
/// The encoding is the caller's, else the byte order mark's, else chosen by
/// ``TextEncodingDetector`` on a window of bytes starting at the first non-ASCII byte: until one
/// turns up there is nothing to choose, because ASCII reads the same in UTF-8 and GB18030. A
/// multi-byte sequence cut by a chunk boundary is kept and decoded with the next chunk. A leading
/// U+FEFF (a byte order mark, in whichever encoding) is dropped. Line ends are counted in the
/// decoded text so that a bad byte can be reported with its line. Everything before a bad byte
/// is handed over before the error is thrown.
final class TextStreamDecoder {
    private let source: ByteSource
    private let forced: CSVEncoding?
    private let detectionWindow: Int
    /// The encoding in use, or nil while only ASCII has been seen and nothing was forced or marked.
    private(set) var encoding: CSVEncoding?
    /// Whether ``encoding`` was chosen from the bytes rather than forced or announced by a mark.
    private(set) var detected = false
    private var converter: IconvConverter?
    /// Bytes read but not yet decoded: a cut-off sequence, or the detection window.
    private var pending: [UInt8] = []
    /// The file offset of `pending[0]`.
    private var pendingOffset = 0
    private var sourceEnded = false
    private var started = false
    private var decodedAny = false
    private var lines = LineCounter()
    /// A bad byte found after the text handed over last.
    private var failure: CSVError?
    /// Where the detection window stopped being UTF-8, when that made detection choose GB18030.
    private var utf8Failure: (line: Int, offset: Int, byte: UInt8)?

    /// Decodes `source`, in `encoding` if given, detecting it otherwise.
    init(source: ByteSource, encoding: CSVEncoding?, detectionWindow: Int) {
        precondition(detectionWindow > 0, "the detection window must be positive")
        self.source = source
        self.forced = encoding
        self.detectionWindow = detectionWindow
    }

    /// The path for messages.
    var path: String { source.path }

    /// The next chunk of decoded UTF-8, never empty, or nil at the end of the file.
    func next() throws(CSVError) -> [UInt8]? {
        if let failure {
            throw failure
        }
        if !started {
            started = true
            try start()
        }
        while true {
            if pending.isEmpty {
                if sourceEnded { return nil }
                try readChunk()
                continue
            }
            if encoding == nil {
                try detectIfNeeded()
            }
            var output = try decodePending()
            if !decodedAny, !output.isEmpty {
                decodedAny = true
                if output.starts(with: [0xEF, 0xBB, 0xBF]) {
                    output.removeFirst(3)
                }
            }
            lines.count(output)
            if !output.isEmpty {
                return output
            }
            if !sourceEnded {
                try readChunk()
            }
        }
    }

    private func start() throws(CSVError) {
        while pending.count < 3, !sourceEnded {
            try readChunk()
        }
        if let forced {
            try use(forced, detected: false)
        } else if let mark = TextEncodingDetector.byteOrderMark(at: pending) {
            try use(mark.encoding, detected: false)
        } else {
            while pending.count < 1024, !sourceEnded {
                try readChunk()
            }
            if let utf16 = TextEncodingDetector.utf16WithoutByteOrderMark(at: pending) {
                try use(utf16, detected: true)
            }
        }
    }

    private func readChunk() throws(CSVError) {
        guard let chunk = try source.read() else {
            sourceEnded = true
            return
        }
        if pending.isEmpty {
            pending = chunk
        } else {
            pending.append(contentsOf: chunk)
        }
    }

    /// Chooses the encoding once a non-ASCII byte is pending, reading the detection window first.
    private func detectIfNeeded() throws(CSVError) {
        guard let first = pending.firstIndex(where: { $0 >= 0x80 }) else {
            return
        }
        while pending.count - first < detectionWindow, !sourceEnded {
            try readChunk()
        }
        let end = min(pending.count, first + detectionWindow)
        let isComplete = sourceEnded && end == pending.count
        let check = pending[first..<end].withUnsafeBufferPointer { UTF8Validator.check($0) }
        let choice: CSVEncoding
        switch check {
        case .valid: choice = .utf8
        case .incomplete: choice = isComplete ? .gb18030 : .utf8
        case let .invalid(index):
            choice = .gb18030
            var counter = lines
            counter.count(Array(pending[..<(first + index)]))
            utf8Failure = (counter.line, pendingOffset + first + index, pending[first + index])
        }
        try use(choice, detected: true)
    }

    private func use(_ encoding: CSVEncoding, detected: Bool) throws(CSVError) {
        self.encoding = encoding
        self.detected = detected
        guard encoding != .utf8 else {
            return
        }
        guard let converter = IconvConverter(from: encoding.rawValue, to: "UTF-8") else {
            throw .cannotRead(path: path, reason: "this system's iconv cannot convert from \(encoding)")
        }
        self.converter = converter
    }

    /// Decodes as much of `pending` as forms whole characters, keeping a cut-off sequence unless
    /// the file has ended, in which case it is an error like any other bad byte.
    private func decodePending() throws(CSVError) -> [UInt8] {
        var output: [UInt8] = []
        // Where decoding stopped short of the end of `pending`, and whether that is an error.
        var stop: Int?
        var bad = false
        // Whether the bytes end inside a character: the file was cut off there.
        var cutOff = false
        switch encoding {
        case nil:
            // Only ASCII is pending: detection runs as soon as anything else is.
            break
        case .utf8:
            switch pending.withUnsafeBufferPointer(UTF8Validator.check) {
            case .valid:
                break
            case let .incomplete(index):
                (stop, bad, cutOff) = (index, sourceEnded, sourceEnded)
            case let .invalid(index):
                (stop, bad) = (index, true)
            }
            if let stop {
                output = Array(pending[..<stop])
            }
        case .some:
            let outcome = pending.withUnsafeBufferPointer { converter!.convert($0, appendingTo: &output) }
            switch outcome {
            case .complete:
                break
            case let .incomplete(index):
                (stop, bad, cutOff) = (index, sourceEnded, sourceEnded)
            case let .invalid(index):
                (stop, bad) = (index, true)
            }
        }
        guard let stop else {
            pendingOffset += pending.count
            if encoding == nil || encoding == .utf8 {
                swap(&output, &pending)
            } else {
                pending.removeAll(keepingCapacity: true)
            }
            return output
        }
        if bad {
            var counter = lines
            counter.count(output)
            var error = CSVError.undecodable(
                path: path, line: counter.line, offset: pendingOffset + stop, byte: pending[stop],
                encoding: encoding ?? .utf8, detected: detected)
            // Chosen because the bytes were not UTF-8, GB18030 failed sooner than UTF-8 did: the
            // file is more likely UTF-8 with a stray byte, so point at that byte rather than at
            // the well-formed UTF-8 that GB18030 stumbled on.
            if detected, encoding == .gb18030, let utf8Failure, utf8Failure.offset > pendingOffset + stop {
                error = .undecodable(
                    path: path, line: utf8Failure.line, offset: utf8Failure.offset, byte: utf8Failure.byte,
                    encoding: .utf8, detected: true)
            } else if cutOff {
                error = .cutOffCharacter(path: path, line: counter.line, offset: pendingOffset + stop, encoding: encoding ?? .utf8)
            }
            // Hand over the text before the bad byte first, so the records that end before it are
            // read whatever the chunk size; the error comes with the next call.
            guard !output.isEmpty else { throw error }
            failure = error
        }
        pendingOffset += stop
        pending.removeFirst(stop)
        return output
    }
}
