import Foundation

@testable import RongheKit

/// Helpers for the writer's tests, in a namespace so they cannot clash with other suites' helpers.
enum WriterTestSupport {
    /// A fresh directory under the system temporary directory; call `remove()` in a `defer`.
    struct TemporaryDirectory {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory
                .appendingPathComponent("ronghe-xlsx-writer-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        func path(_ name: String) -> String {
            url.appendingPathComponent(name).path
        }

        func remove() {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// A small seeded generator (SplitMix64) for property tests; failing seeds replay.
    struct SplitMix64 {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The description of the `XLSXWriterError` that `body` throws, or a note saying what happened instead.
    static func errorText(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error thrown"
        } catch let error as XLSXWriterError {
            return error.description
        } catch {
            return "unexpected error \(error)"
        }
    }

    /// The first bytes of the file at `path`, empty if it cannot be read.
    static func leadingBytes(of path: String, count: Int = 2) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return Array(handle.readData(ofLength: count))
    }

    /// Whether the file at `path` exists and starts with the zip signature `PK`.
    static func isZipFile(_ path: String) -> Bool {
        leadingBytes(of: path, count: 4) == [0x50, 0x4B, 0x03, 0x04]
    }
}
