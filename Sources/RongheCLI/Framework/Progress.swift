import Foundation

/// A single line on standard error that counts work done, redrawn in place with `\r`.
///
/// Draws only when standard error is a terminal, and at most ten times a second, so a fast loop
/// can call ``advance(by:)`` every item; the last count (`total` reached) is always drawn. When
/// standard error is not a terminal (CI, a redirect) it prints nothing at all. Call ``finish()``
/// before printing anything else, to clear the line. Use it on one task only.
public final class Progress {
    /// The least time between two drawings, in seconds.
    public static let interval = 0.1

    private let label: String
    private let total: Int?
    private let output: TextSink?
    private let now: () -> Double
    private var completed = 0
    private var lastDrawing: Double?

    /// Creates a progress line; nothing is drawn before the first update.
    ///
    /// - Parameters:
    ///   - label: What is being done, e.g. "Importing surveys".
    ///   - total: How many items there are, when known; then the line shows a percentage.
    ///   - context: The command's context; the line goes to its standard error if that is a terminal.
    ///   - now: A monotonic clock in seconds, for tests.
    public init(
        _ label: String, total: Int? = nil, context: CommandContext,
        now: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.label = label
        self.total = total
        self.output = context.isTerminal ? context.standardError : nil
        self.now = now
    }

    /// Counts `count` more items done.
    public func advance(by count: Int = 1) {
        update(completed: completed + count)
    }

    /// Sets how many items are done.
    public func update(completed: Int) {
        self.completed = completed
        guard let output else { return }
        let time = now()
        let isLast = total.map { completed >= $0 } ?? false
        if let lastDrawing, time - lastDrawing < Self.interval, !isLast { return }
        lastDrawing = time
        output.write("\r" + line + "\u{1B}[K")
    }

    /// Clears the line, if anything was drawn.
    public func finish() {
        guard let output, lastDrawing != nil else { return }
        output.write("\r\u{1B}[K")
        lastDrawing = nil
    }

    /// The text drawn: `Importing surveys: 120/800 (15%)`, or `Importing surveys: 120` without a total.
    var line: String {
        guard let total, total > 0 else { return "\(label): \(completed)" }
        return "\(label): \(completed)/\(total) (\(completed * 100 / total)%)"
    }
}
