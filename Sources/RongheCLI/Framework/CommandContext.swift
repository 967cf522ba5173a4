import Foundation

/// What a running command may touch besides its own arguments: its outputs, whether standard error
/// is a terminal, the working directory, the environment and the global options.
///
/// Commands write only through the context, so tests capture everything with ``TextBuffer``s.
public struct CommandContext: Sendable {
    /// Where results go: tables, JSON, summaries.
    public var standardOutput: TextSink
    /// Where errors, warnings and progress go.
    public var standardError: TextSink
    /// Whether standard error is a terminal; only then does ``Progress`` draw anything.
    public var isTerminal: Bool
    /// The directory relative paths are resolved against.
    public var workingDirectory: URL
    /// The environment variables.
    public var environment: [String: String]
    /// The values of the global options (such as `--db`), given before or after the command's name.
    ///
    /// Set by the runner; read them with the usual accessors, e.g. `try globalOptions.value("db")`.
    public internal(set) var globalOptions: ParsedArguments

    /// Creates a context; tests pass buffers' sinks and a temporary working directory.
    public init(
        standardOutput: TextSink,
        standardError: TextSink,
        isTerminal: Bool = false,
        workingDirectory: URL,
        environment: [String: String] = [:]
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.isTerminal = isTerminal
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.globalOptions = ParsedArguments(owner: "global options", definitions: [])
    }

    /// The context of this process: its standard streams, terminal, directory and environment.
    public static func current() -> CommandContext {
        CommandContext(
            standardOutput: .standardOutput,
            standardError: .standardError,
            isTerminal: isatty(STDERR_FILENO) != 0,
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            environment: ProcessInfo.processInfo.environment)
    }

    /// Writes a line to standard output.
    public func print(_ line: String = "") {
        standardOutput.write(line + "\n")
    }

    /// Writes a line to standard error, e.g. `warning: …`.
    public func printError(_ line: String) {
        standardError.write(line + "\n")
    }

    /// Writes `value` to standard output as JSON for scripts: pretty-printed, keys sorted, slashes
    /// unescaped, dates in ISO 8601, followed by a newline. The same value always gives the same bytes.
    public func writeJSON(_ value: some Encodable) throws {
        standardOutput.write(try Self.json(value) + "\n")
    }

    /// The JSON text ``writeJSON(_:)`` writes, without the final newline.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A path from the command line as a file URL: absolute paths as they are, relative ones
    /// against ``workingDirectory``.
    public func url(forPath path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        // Appending, not `relativeTo:`: a base URL without a trailing slash would resolve
        // against its parent directory.
        return workingDirectory.appendingPathComponent(path).standardizedFileURL
    }
}
