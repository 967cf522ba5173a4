import Foundation

/// The process's memory as Linux reports it in `/proc/self/status`, for benchmark figures.
enum ProcessMemory {
    /// A `/proc/self/status` figure in kB, such as `VmHWM` (peak resident set) or `VmRSS`.
    static func kilobytes(_ key: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.dropFirst(key.count + 1).filter(\.isNumber))
        }
        return nil
    }

    /// Resets the peak resident set (VmHWM) to the current one, so the next phase's peak is its
    /// own; false where the kernel does not allow it (then peaks include earlier phases).
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// `123.4 MB`.
    static func megabytes(_ kilobytes: Int?) -> String {
        guard let kilobytes else { return "n/a" }
        return String(format: "%.1f MB", Double(kilobytes) / 1024)
    }
}
