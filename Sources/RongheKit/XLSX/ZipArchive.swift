import Foundation

internal import CMinizip

// The one file that talks to minizip. Everything else sees Swift values: entries, byte buffers and
// XLSXError. Entry names are only ever compared as strings; nothing here turns one into a path.

/// One entry of a zip package as its central directory describes it.
///
/// The sizes are what the package *claims*; ``ZipArchive`` never relies on them and counts the
/// bytes it actually decompresses.
public struct ZipEntry: Sendable, Equatable {
    /// The entry name exactly as stored, such as `xl/worksheets/sheet1.xml`.
    public let name: String
    /// The compressed size the directory claims.
    public let compressedSize: Int64
    /// The uncompressed size the directory claims.
    public let uncompressedSize: Int64
    /// Whether the entry is encrypted with zip's own password scheme.
    public let isEncrypted: Bool
    /// The zip compression method: 0 stored, 8 deflated.
    public let compressionMethod: Int
}

/// A zip file opened for reading, with every read bounded by ``XLSXLimits``.
///
/// Owns a minizip handle and closes it in `deinit`; not `Sendable`, keep it on one task. Only one
/// entry can be read at a time, as minizip has one current entry per handle.
public final class ZipArchive {
    /// The file as the caller named it; errors print it.
    public let path: String
    /// The limits every read is held to.
    public let limits: XLSXLimits
    /// The entries in directory order.
    public let entries: [ZipEntry]

    private let handle: unzFile
    private let positions: [unz64_file_pos]
    private let indexByName: [String: Int]
    private let indexByFoldedName: [String: Int]
    private let duplicateNames: Set<String>
    /// The most bytes each entry has been seen to decompress to: re-reading a part costs nothing
    /// more, many parts add up.
    private var decompressedByEntry: [Int: Int64] = [:]
    private var readerIsOpen = false

    /// Opens the zip file at `path` and reads its central directory.
    ///
    /// - Throws: ``XLSXError`` with ``XLSXError/Problem/damagedPackage`` when the file is not a
    ///   readable zip (truncated, or another format), or ``XLSXError/Problem/tooManyEntries(limit:)``.
    public init(path: String, limits: XLSXLimits = .default) throws {
        self.path = path
        self.limits = limits
        guard let handle = path.withCString({ unzOpen64($0) }) else {
            throw XLSXError(path: path, problem: .damagedPackage)
        }
        var success = false
        defer {
            if !success { unzClose(handle) }
        }

        var global = unz_global_info64()
        guard unzGetGlobalInfo64(handle, &global) == UNZ_OK else {
            throw XLSXError(path: path, problem: .damagedPackage)
        }
        guard global.number_entry <= UInt64(limits.maxEntryCount) else {
            throw XLSXError(path: path, problem: .tooManyEntries(limit: limits.maxEntryCount))
        }

        var entries: [ZipEntry] = []
        var positions: [unz64_file_pos] = []
        var indexByName: [String: Int] = [:]
        var indexByFoldedName: [String: Int] = [:]
        var duplicateNames: Set<String> = []
        var status = unzGoToFirstFile(handle)
        var nameBuffer = [CChar](repeating: 0, count: 65_536)
        while status == UNZ_OK {
            guard entries.count < limits.maxEntryCount else {
                throw XLSXError(path: path, problem: .tooManyEntries(limit: limits.maxEntryCount))
            }
            var info = unz_file_info64()
            guard unzGetCurrentFileInfo64(handle, &info, &nameBuffer, uLong(nameBuffer.count), nil, 0, nil, 0)
                == UNZ_OK
            else {
                throw XLSXError(path: path, problem: .damagedPackage)
            }
            var position = unz64_file_pos()
            guard unzGetFilePos64(handle, &position) == UNZ_OK else {
                throw XLSXError(path: path, problem: .damagedPackage)
            }
            let nameLength = min(Int(info.size_filename), nameBuffer.count)
            let name = nameBuffer.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: nameLength) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: nameLength), as: UTF8.self)
                }
            }
            if Self.isUnsafe(name) {
                throw XLSXError(path: path, problem: .unsafeEntryName(name))
            }
            let entry = ZipEntry(
                name: name,
                compressedSize: Int64(clamping: info.compressed_size),
                uncompressedSize: Int64(clamping: info.uncompressed_size),
                isEncrypted: info.flag & 1 != 0,
                compressionMethod: Int(info.compression_method)
            )
            if indexByName[name] != nil {
                duplicateNames.insert(name)
            } else {
                indexByName[name] = entries.count
            }
            let folded = name.lowercased()
            if indexByFoldedName[folded] == nil {
                indexByFoldedName[folded] = entries.count
            }
            entries.append(entry)
            positions.append(position)
            status = unzGoToNextFile(handle)
        }
        guard status == UNZ_END_OF_LIST_OF_FILE else {
            throw XLSXError(path: path, problem: .damagedPackage)
        }

        self.handle = handle
        self.entries = entries
        self.positions = positions
        self.indexByName = indexByName
        self.indexByFoldedName = indexByFoldedName
        self.duplicateNames = duplicateNames
        success = true
    }

    deinit {
        unzClose(handle)
    }

    /// Whether an entry name is absolute or climbs out of the package: `/etc/x`, `\\server\x`,
    /// `C:x`, `../x`, `xl/../../x`, or one with a NUL. Nothing here extracts entries, but a package
    /// carrying such names was made to attack the programs that do, so it is refused whole.
    static func isUnsafe(_ name: String) -> Bool {
        let utf8 = Array(name.utf8)
        if utf8.contains(0) { return true }
        if let first = utf8.first, first == UInt8(ascii: "/") || first == UInt8(ascii: "\\") { return true }
        if utf8.count >= 2, utf8[1] == UInt8(ascii: ":"), (utf8[0] | 0x20) >= UInt8(ascii: "a"), (utf8[0] | 0x20) <= UInt8(ascii: "z") {
            return true
        }
        return name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    /// The entry with this name, compared exactly first and then ignoring ASCII case, as part
    /// names in Office packages are case-insensitive. `nil` if there is none.
    public func entry(named name: String) -> ZipEntry? {
        index(of: name).map { entries[$0] }
    }

    private func index(of name: String) -> Int? {
        indexByName[name] ?? indexByFoldedName[name.lowercased()]
    }

    /// Reads one entry fully into memory, within the limits.
    ///
    /// - Throws: ``XLSXError`` located at the entry: missing, encrypted, damaged, or over a limit.
    public func data(ofEntry name: String) throws -> Data {
        var data = Data()
        try forEachChunk(ofEntry: name) { chunk in
            data.append(contentsOf: chunk)
        }
        return data
    }

    /// Decompresses one entry in chunks of at most `chunkSize` bytes and hands each to `body`, so a
    /// large part never sits in memory whole.
    ///
    /// Errors thrown by `body` stop the read and are rethrown unchanged.
    public func forEachChunk(
        ofEntry name: String,
        chunkSize: Int = 256 * 1024,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        precondition(chunkSize > 0, "chunk size must be positive")
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        try withReader(forEntry: name) { reader in
            while true {
                let count = try reader.read(into: buffer)
                if count == 0 { break }
                try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// Decompresses one entry into a new file at `url`, for parts too large to keep in memory.
    ///
    /// The file is removed again if reading fails.
    public func extract(entry name: String, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw XLSXError(path: url.path, problem: .unwritable("cannot create it"))
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try forEachChunk(ofEntry: name) { chunk in
                try handle.write(contentsOf: chunk)
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
    }

    /// Opens one entry for pull-style reading and hands the reader to `body`; the entry is closed
    /// (and its checksum verified, if read to the end) when `body` returns.
    ///
    /// The reader must not escape `body`, and no other entry may be read inside it.
    public func withReader<Result>(
        forEntry name: String,
        _ body: (ZipEntryReader) throws -> Result
    ) throws -> Result {
        precondition(!readerIsOpen, "ZipArchive reads one entry at a time")
        if duplicateNames.contains(name) {
            throw XLSXError(path: path, location: .part(name), problem: .duplicatePart)
        }
        guard let index = index(of: name) else {
            throw XLSXError(path: path, problem: .missingPart(name))
        }
        let entry = entries[index]
        let location = XLSXError.Location.part(entry.name)
        if entry.isEncrypted {
            throw XLSXError(path: path, location: location, problem: .encryptedPart)
        }
        guard entry.compressionMethod == 0 || entry.compressionMethod == Int(Z_DEFLATED) else {
            throw XLSXError(
                path: path, location: location, problem: .unsupportedCompression(entry.compressionMethod))
        }
        // A declared size over the limit is refused before reading; sizes are counted as well,
        // because the declaration may lie.
        if entry.uncompressedSize > limits.maxEntrySize {
            throw XLSXError(path: path, location: location, problem: .partTooLarge(limit: limits.maxEntrySize))
        }
        var position = positions[index]
        guard unzGoToFilePos64(handle, &position) == UNZ_OK, unzOpenCurrentFile(handle) == UNZ_OK else {
            throw XLSXError(path: path, location: location, problem: .damagedPart("its header cannot be read"))
        }
        readerIsOpen = true
        let reader = ZipEntryReader(
            archive: self,
            index: index,
            name: entry.name,
            otherEntriesTotal: decompressedByEntry.filter { $0.key != index }.values.reduce(0, +),
            compressedStart: Int64(clamping: unzGetCurrentFileZStreamPos64(handle))
        )
        defer {
            if !reader.isFinished {
                unzCloseCurrentFile(handle)
            }
            readerIsOpen = false
            decompressedByEntry[index] = max(decompressedByEntry[index] ?? 0, reader.bytesRead)
        }
        return try body(reader)
    }

    /// Reads the next bytes of the open entry; called by ``ZipEntryReader`` only.
    fileprivate func readCurrent(
        into buffer: UnsafeMutableRawBufferPointer,
        reader: ZipEntryReader
    ) throws -> Int {
        let location = XLSXError.Location.part(reader.name)
        let count = unzReadCurrentFile(handle, buffer.baseAddress, UInt32(clamping: buffer.count))
        if count < 0 {
            throw XLSXError(path: path, location: location, problem: .damagedPart(Self.describe(count)))
        }
        if count == 0 {
            let status = unzCloseCurrentFile(handle)
            reader.isFinished = true
            if status == UNZ_CRCERROR {
                throw XLSXError(path: path, location: location, problem: .damagedPart("checksum mismatch"))
            }
            if status != UNZ_OK {
                throw XLSXError(path: path, location: location, problem: .damagedPart(Self.describe(status)))
            }
            return 0
        }
        reader.bytesRead += Int64(count)
        if reader.bytesRead > limits.maxEntrySize {
            throw XLSXError(path: path, location: location, problem: .partTooLarge(limit: limits.maxEntrySize))
        }
        if reader.otherEntriesTotal + reader.bytesRead > limits.maxTotalSize {
            throw XLSXError(path: path, location: location, problem: .packageTooLarge(limit: limits.maxTotalSize))
        }
        if let ratio = limits.maxCompressionRatio, reader.bytesRead > limits.compressionRatioThreshold {
            // minizip reads compressed input in blocks, so this overstates what was consumed and
            // errs on the side of accepting.
            let consumed = max(1, Int64(clamping: unzGetCurrentFileZStreamPos64(handle)) - reader.compressedStart)
            if reader.bytesRead / consumed > Int64(ratio) {
                throw XLSXError(path: path, location: location, problem: .suspiciousCompression(ratio: ratio))
            }
        }
        return Int(count)
    }

    private static func describe(_ status: Int32) -> String {
        switch status {
        case UNZ_CRCERROR: return "checksum mismatch"
        case UNZ_BADZIPFILE: return "invalid zip data"
        case Z_DATA_ERROR: return "invalid compressed data"
        case Z_MEM_ERROR: return "out of memory"
        case UNZ_ERRNO: return "read error"
        default: return "zip error \(status)"
        }
    }
}

/// Pull-style access to one entry being decompressed; obtained from ``ZipArchive/withReader(forEntry:_:)``.
public final class ZipEntryReader {
    private unowned let archive: ZipArchive
    /// The entry's name as stored.
    public let name: String
    fileprivate let index: Int
    fileprivate let otherEntriesTotal: Int64
    fileprivate let compressedStart: Int64
    /// Bytes decompressed so far.
    public fileprivate(set) var bytesRead: Int64 = 0
    fileprivate var isFinished = false

    fileprivate init(archive: ZipArchive, index: Int, name: String, otherEntriesTotal: Int64, compressedStart: Int64) {
        self.archive = archive
        self.index = index
        self.name = name
        self.otherEntriesTotal = otherEntriesTotal
        self.compressedStart = compressedStart
    }

    /// Fills the start of `buffer` with the next decompressed bytes and returns how many; 0 means
    /// the entry is complete and its checksum matched.
    ///
    /// - Throws: ``XLSXError`` when the data is damaged or a limit is passed; the entry cannot be
    ///   read further after that.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if isFinished || buffer.isEmpty { return 0 }
        do {
            return try archive.readCurrent(into: buffer, reader: self)
        } catch {
            isFinished = true
            throw error
        }
    }
}

/// Writes zip files with minizip: stored or deflated entries.
///
/// Ronghe writes workbooks with libxlsxwriter; this exists so tests and tools can build packages
/// entry by entry, including malformed ones. Call ``close()`` to finish the file; `deinit` closes
/// it too, but cannot report errors.
public final class ZipWriter {
    /// How an entry's bytes are stored.
    public enum Compression: Sendable, Equatable {
        /// Kept as they are.
        case stored
        /// Deflated at a zlib level from 1 (fastest) to 9 (smallest).
        case deflated(level: Int = 6)
    }

    /// The file being written.
    public let path: String
    private var handle: zipFile?

    /// Creates (or replaces) the zip file at `path`.
    public init(path: String) throws {
        self.path = path
        guard let handle = path.withCString({ zipOpen64($0, APPEND_STATUS_CREATE) }) else {
            throw XLSXError(path: path, problem: .unwritable("cannot create the zip file"))
        }
        self.handle = handle
    }

    deinit {
        if let handle {
            zipClose(handle, nil)
        }
    }

    /// Adds an entry holding `bytes`.
    public func addEntry(named name: String, bytes: [UInt8], compression: Compression = .deflated()) throws {
        var sent = false
        try addEntry(named: name, compression: compression) {
            if sent { return nil }
            sent = true
            return bytes
        }
    }

    /// Adds an entry holding the UTF-8 encoding of `text`.
    public func addEntry(named name: String, text: String, compression: Compression = .deflated()) throws {
        try addEntry(named: name, bytes: Array(text.utf8), compression: compression)
    }

    /// Adds an entry whose bytes come from `nextChunk` until it returns `nil`, so large entries
    /// never sit in memory whole.
    public func addEntry(
        named name: String,
        compression: Compression = .deflated(),
        chunks nextChunk: () throws -> [UInt8]?
    ) throws {
        let handle = try openHandle()
        var info = Self.fileInfo()
        let (method, level): (Int32, Int32)
        switch compression {
        case .stored: (method, level) = (0, 0)
        case .deflated(let chosen): (method, level) = (Z_DEFLATED, Int32(chosen))
        }
        try check(zipOpenNewFileInZip64(handle, name, &info, nil, 0, nil, 0, nil, method, level, 1), name)
        while let chunk = try nextChunk() {
            try chunk.withUnsafeBytes { bytes in
                try check(zipWriteInFileInZip(handle, bytes.baseAddress, UInt32(bytes.count)), name)
            }
        }
        try check(zipCloseFileInZip(handle), name)
    }

    /// Adds a deflated entry whose headers claim `declaredSize` uncompressed bytes whatever the
    /// chunks add up to: a lying package, to test that readers count what they decompress.
    func addEntry(
        named name: String,
        declaringUncompressedSize declaredSize: Int64,
        chunks nextChunk: () throws -> [UInt8]?
    ) throws {
        let handle = try openHandle()
        var info = Self.fileInfo()
        try check(zipOpenNewFileInZip2_64(handle, name, &info, nil, 0, nil, 0, nil, Z_DEFLATED, 1, 1, 1), name)
        var stream = z_stream()
        guard deflateInit2_(&stream, 1, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            throw XLSXError(path: path, location: .part(name), problem: .unwritable("zlib cannot start"))
        }
        defer { deflateEnd(&stream) }
        var crc: uLong = crc32(0, nil, 0)
        var output = [UInt8](repeating: 0, count: 256 * 1024)
        func pump(_ input: UnsafeRawBufferPointer, flush: Int32) throws {
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            var status: Int32 = Z_OK
            repeat {
                let produced = try output.withUnsafeMutableBytes { out -> Int in
                    stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(out.count)
                    status = deflate(&stream, flush)
                    let produced = out.count - Int(stream.avail_out)
                    try check(zipWriteInFileInZip(handle, out.baseAddress, UInt32(produced)), name)
                    return produced
                }
                _ = produced
            } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
        }
        while let chunk = try nextChunk() {
            try chunk.withUnsafeBytes { bytes in
                crc = crc32(crc, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
                try pump(bytes, flush: Z_NO_FLUSH)
            }
        }
        try pump(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
        try check(zipCloseFileInZipRaw64(handle, UInt64(declaredSize), crc), name)
    }

    /// Writes the central directory and closes the file.
    public func close() throws {
        guard let handle else { return }
        self.handle = nil
        guard zipClose(handle, nil) == ZIP_OK else {
            throw XLSXError(path: path, problem: .unwritable("cannot finish the zip file"))
        }
    }

    private func openHandle() throws -> zipFile {
        guard let handle else {
            throw XLSXError(path: path, problem: .unwritable("the zip file is already closed"))
        }
        return handle
    }

    private func check(_ status: Int32, _ name: String) throws {
        guard status == ZIP_OK else {
            throw XLSXError(path: path, location: .part(name), problem: .unwritable("zip error \(status)"))
        }
    }

    private static func fileInfo() -> zip_fileinfo {
        var info = zip_fileinfo()
        info.tmz_date = tm_zip(tm_sec: 0, tm_min: 0, tm_hour: 12, tm_mday: 1, tm_mon: 0, tm_year: 2024)
        return info
    }
}
