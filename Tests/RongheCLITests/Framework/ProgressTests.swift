import Foundation
import Testing

@testable import RongheCLI

@Suite struct ProgressTests {
    final class FakeClock {
        var time = 0.0
    }

    func context(_ buffer: TextBuffer, isTerminal: Bool) -> CommandContext {
        CommandContext(
            standardOutput: TextSink { _ in Issue.record("progress wrote to standard output") },
            standardError: buffer.sink, isTerminal: isTerminal,
            workingDirectory: URL(fileURLWithPath: "/"))
    }

    @Test func printsNothingWhenStandardErrorIsNotATerminal() {
        let buffer = TextBuffer()
        let progress = Progress("Importing", total: 3, context: context(buffer, isTerminal: false))
        for _ in 0..<3 { progress.advance() }
        progress.update(completed: 3)
        progress.finish()
        #expect(buffer.text == "")
    }

    @Test func redrawsOneLineAtMostTenTimesASecondAndAlwaysTheLast() {
        let buffer = TextBuffer()
        let clock = FakeClock()
        let progress = Progress("Importing", total: 4, context: context(buffer, isTerminal: true), now: { clock.time })
        for time in [0.0, 0.05, 0.1, 0.15] {
            clock.time = time
            progress.advance()
        }
        progress.finish()
        let expected =
            "\rImporting: 1/4 (25%)\u{1B}[K" + "\rImporting: 3/4 (75%)\u{1B}[K" + "\rImporting: 4/4 (100%)\u{1B}[K"
            + "\r\u{1B}[K"
        #expect(buffer.text == expected)
    }

    @Test func withoutATotalItCounts() {
        let buffer = TextBuffer()
        let clock = FakeClock()
        let progress = Progress("Reading", context: context(buffer, isTerminal: true), now: { clock.time })
        progress.advance(by: 5)
        clock.time = 1
        progress.advance(by: 2)
        #expect(buffer.text == "\rReading: 5\u{1B}[K\rReading: 7\u{1B}[K")
    }

    @Test func finishingBeforeAnyDrawingPrintsNothing() {
        let buffer = TextBuffer()
        Progress("Scoring", total: 10, context: context(buffer, isTerminal: true)).finish()
        #expect(buffer.text == "")
    }

    @Test func aThousandFastUpdatesDrawAboutTenTimesASecond() {
        let buffer = TextBuffer()
        let clock = FakeClock()
        let progress = Progress("Scoring", total: 1000, context: context(buffer, isTerminal: true), now: { clock.time })
        for step in 0..<1000 {
            clock.time = Double(step) / 1000
            progress.advance()
        }
        let drawings = buffer.text.components(separatedBy: "\r").filter { !$0.isEmpty }
        #expect(drawings.count == 11)
        #expect(drawings.last == "Scoring: 1000/1000 (100%)\u{1B}[K")
    }
}
