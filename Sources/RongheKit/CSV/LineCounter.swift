/// Counts physical lines the way the CSV parser does: CRLF, LF and a lone CR each end one.
struct LineCounter {
    /// The 1-based line that the next byte is on.
    private(set) var line = 1
    private var afterCR = false

    /// Counts the line ends in `bytes`, which continue the bytes counted before.
    mutating func count(_ bytes: [UInt8]) {
        guard let last = bytes.last else { return }
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let byte = buffer[index]
                if byte > 0x0D { continue }
                if byte == 0x0D {
                    line += 1
                } else if byte == 0x0A {
                    let previousIsCR = index > 0 ? buffer[index - 1] == 0x0D : afterCR
                    if !previousIsCR { line += 1 }
                }
            }
        }
        afterCR = last == 0x0D
    }
}
