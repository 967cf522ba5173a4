/// A usage error: the arguments do not make sense. Ends the run with exit code 64, the message,
/// the command's usage line and a pointer to its `--help`.
///
/// Messages name what we declare in backquotes and quote what the user typed in single quotes:
/// "`--top` expects an integer, got 'ten'".
public struct ValidationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The message printed after `error: `.
    public var message: String

    /// Creates a usage error with the message printed after `error: `.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// An exit status a command throws to end the run quietly, printing nothing more.
public struct ExitCode: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The status the process exits with.
    public var rawValue: Int32

    /// Creates an exit status.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Creates an exit status.
    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// 0: the command did what was asked.
    public static let success = ExitCode(0)
    /// 1: the command failed, e.g. on bad input files.
    public static let failure = ExitCode(1)
    /// 64 (`EX_USAGE`): the command line was wrong.
    public static let validationFailure = ExitCode(64)

    /// "exit code 3".
    public var description: String { "exit code \(rawValue)" }
}
