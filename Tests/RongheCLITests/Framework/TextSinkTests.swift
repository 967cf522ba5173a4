import Testing

@testable import RongheCLI

@Suite struct TextSinkTests {
    @Test func aBufferKeepsEverythingInOrder() {
        let buffer = TextBuffer()
        let sink = buffer.sink
        sink.write("一")
        sink.write("two\n")
        #expect(buffer.text == "一two\n")
    }

    @Test func aBufferTakesWritesFromManyTasks() async {
        let buffer = TextBuffer()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for _ in 0..<100 { buffer.sink.write("\(task)") }
                }
            }
        }
        #expect(buffer.text.count == 800)
        for task in 0..<8 {
            #expect(buffer.text.filter { $0 == Character("\(task)") }.count == 100)
        }
    }

    @Test func aSinkCallsItsClosure() {
        let buffer = TextBuffer()
        let upper = TextSink { buffer.sink.write($0.uppercased()) }
        upper.write("db")
        #expect(buffer.text == "DB")
    }
}
