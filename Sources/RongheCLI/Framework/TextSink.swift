import Foundation

/// Where a command's text goes: standard output, standard error, or a buffer in tests.
public struct TextSink: Sendable {
    private let writeText: @Sendable (String) -> Void

    /// Creates a sink that hands every piece of text to `write`, in order.
    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.writeText = write
    }

    /// Writes the text as it is; add `"\n"` yourself, or use ``CommandContext/print(_:)``.
    public func write(_ text: String) {
        writeText(text)
    }

    /// The process's standard output, unbuffered.
    public static let standardOutput = TextSink { write($0, toFileDescriptor: STDOUT_FILENO) }

    /// The process's standard error, unbuffered.
    public static let standardError = TextSink { write($0, toFileDescriptor: STDERR_FILENO) }

    /// Writes all of the text's UTF-8 bytes, retrying after interruptions and partial writes.
    ///
    /// A reader that went away (`ronghe rank | head`) ends the writes silently, as for any Unix tool.
    private static func write(_ text: String, toFileDescriptor descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                    Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                    Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Collects what is written to its sink, so tests can compare a command's output.
public final class TextBuffer: @unchecked Sendable {
    // @unchecked: `storage` is only touched while holding `lock`.
    private let lock = NSLock()
    private var storage = ""

    /// Creates an empty buffer.
    public init() {}

    /// Everything written so far.
    public var text: String {
        lock.withLock { storage }
    }

    /// A sink appending to this buffer.
    public var sink: TextSink {
        TextSink { [self] text in lock.withLock { storage += text } }
    }
}
