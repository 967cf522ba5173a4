import Foundation

/// Where a reader's bytes come from: an open file, read a chunk at a time, or bytes in memory.
///
/// Not Sendable: a file source owns its handle and belongs to one reader.
final class ByteSource {
    private enum Storage {
        case file(FileHandle)
        case memory(Data, position: Int)
        case closed
    }

    /// The path for messages.
    let path: String
    /// How many bytes one ``read()`` returns at most.
    let chunkSize: Int
    private var storage: Storage

    /// Opens the file at `url` for reading.
    init(url: URL, chunkSize: Int) throws(CSVError) {
        precondition(chunkSize > 0, "the chunk size must be positive")
        let path = url.relativePath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .cannotOpen(path: path, reason: "there is no such file")
        }
        guard !isDirectory.boolValue else {
            throw .cannotOpen(path: path, reason: "it is a directory")
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw .cannotOpen(path: path, reason: "permission to read it is denied")
        }
        do {
            storage = .file(try FileHandle(forReadingFrom: url))
        } catch {
            throw .cannotOpen(path: path, reason: error.localizedDescription)
        }
        self.path = path
        self.chunkSize = chunkSize
    }

    /// Reads from `data`, naming it `name` in messages.
    init(data: Data, name: String, chunkSize: Int) {
        precondition(chunkSize > 0, "the chunk size must be positive")
        self.path = name
        self.chunkSize = chunkSize
        self.storage = .memory(data, position: data.startIndex)
    }

    deinit {
        if case let .file(handle) = storage {
            try? handle.close()
        }
    }

    /// The next chunk of at most ``chunkSize`` bytes, or nil at the end (after which the file is closed).
    func read() throws(CSVError) -> [UInt8]? {
        switch storage {
        case .closed:
            return nil
        case let .memory(data, position):
            guard position < data.endIndex else {
                storage = .closed
                return nil
            }
            let end = min(position + chunkSize, data.endIndex)
            storage = .memory(data, position: end)
            return [UInt8](data[position..<end])
        case let .file(handle):
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: chunkSize)
            } catch {
                throw .cannotRead(path: path, reason: error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else {
                try? handle.close()
                storage = .closed
                return nil
            }
            return [UInt8](chunk)
        }
    }
}
