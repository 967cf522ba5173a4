import Foundation
import RongheKit

@testable import RongheCLI

/// Where the repository's files are, and a way to run `ronghe` in-process with captured output.
enum CLITest {
    /// The repository's top level, where `indicators/` and `surveys/` live.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `ronghe` with `arguments` in `directory` (the repository by default).
    static func run(_ arguments: [String], in directory: URL = repository) -> Invocation {
        let output = TextBuffer()
        let error = TextBuffer()
        let context = CommandContext(standardOutput: output.sink, standardError: error.sink, workingDirectory: directory)
        let status = Ronghe.run(arguments, context: context)
        return Invocation(status: status, output: output.text, error: error.text)
    }
}
