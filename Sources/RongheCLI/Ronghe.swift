import RongheKit

/// The `ronghe` command line: parses arguments and runs a command.
public enum Ronghe {
    /// Runs the command line with the process's arguments and returns the exit code.
    public static func main(_ arguments: [String]) -> Int32 {
        0
    }
}
