import Testing

@testable import RongheKit

extension CSVDecodingTests {
    @Suite struct LineCounterTests {
        @Test(arguments: [
            ("", 1),
            ("abc", 1),
            ("a\nb", 2),
            ("a\r\nb\r\n", 3),
            ("a\rb\r", 3),
            ("\r\r\n\n", 4),
            ("\n\r", 3),
        ])
        func countsLikeTheParser(text: String, line: Int) {
            var counter = LineCounter()
            counter.count(Array(text.utf8))
            #expect(counter.line == line)
        }

        /// A CRLF cut between two pieces is still one line end, wherever the cut is.
        @Test func piecesCountLikeTheWhole() {
            let bytes = Array("a\r\n\r\rb\n\r\nc\r".utf8)
            var whole = LineCounter()
            whole.count(bytes)
            #expect(whole.line == 7)
            for first in 0...bytes.count {
                for second in first...bytes.count {
                    var counter = LineCounter()
                    counter.count(Array(bytes[..<first]))
                    counter.count(Array(bytes[first..<second]))
                    counter.count(Array(bytes[second...]))
                    #expect(counter.line == 7, "cut at \(first) and \(second)")
                }
            }
        }
    }
}
