/// A problem found in an indicator-tree file, with the JSON path it concerns.
public struct TreeDiagnostic: Equatable, Sendable, CustomStringConvertible {
    /// Where in the file, as a JSON path such as `tree.children[2].weight`; `$` is the document.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Why an indicator-tree file cannot be used.
public enum IndicatorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not valid JSON.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// The JSON does not describe a valid tree; every problem found is listed.
    case invalid(file: String, diagnostics: [TreeDiagnostic])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read the indicator tree: \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): error: \(message)"
        case .invalid(let file, let diagnostics):
            return diagnostics.map { "\(file): error: \($0.path): \($0.message)" }.joined(separator: "\n")
        }
    }
}
