import Testing

@testable import RongheKit

@Suite struct PartInputStreamTests {
    /// Scans `text` split into two pieces at every position; returns whether any split found a DOCTYPE.
    private func findsDoctype(_ bytes: [UInt8]) -> [Bool] {
        (0...bytes.count).map { split in
            var scanner = XMLPrologScanner()
            do {
                try bytes[..<split].withUnsafeBufferPointer { try scanner.scan($0) }
                try bytes[split...].withUnsafeBufferPointer { try scanner.scan($0) }
                return false
            } catch is XMLPrologScanner.DoctypeFound {
                return true
            } catch {
                Issue.record("unexpected \(error)")
                return false
            }
        }
    }

    @Test(arguments: [
        "<!DOCTYPE a><a/>",
        "<?xml version=\"1.0\"?>\n<!-- c -- > --> <?pi x?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
        "\u{FEFF}<!doctype a><a/>",
    ])
    func findsDoctypeInTheProlog(text: String) {
        #expect(findsDoctype(Array(text.utf8)).allSatisfy { $0 })
    }

    @Test(arguments: [
        "<a/>",
        "<?xml version=\"1.0\"?><!-- <!DOCTYPE a> in a comment --><a/>",
        "<?xml version=\"1.0\"?><a><!DOCTYPE b></a>",  // after the root: the XML parser rejects it
        "<?pi <!DOCTYPE a> ?><a/>",
        "",
    ])
    func leavesOtherDocumentsAlone(text: String) {
        #expect(findsDoctype(Array(text.utf8)).allSatisfy { !$0 })
    }

    @Test func refusesEndlessProlog() throws {
        var scanner = XMLPrologScanner()
        let comment = Array(("<!--" + String(repeating: "x", count: XMLPrologScanner.maxPrologLength)).utf8)
        #expect(throws: XMLPrologScanner.PrologTooLong.self) {
            try comment.withUnsafeBufferPointer { try scanner.scan($0) }
        }
    }

    @Test func reportsEndlessPrologInAPart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook()
        package.set("xl/workbook.xml", "<!--" + String(repeating: "-x", count: XMLPrologScanner.maxPrologLength))
        let path = directory.path("prolog.xlsx")
        try package.write(to: path)
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path):xl/workbook.xml: error: malformed XML: the part has more than 1 MB of text before its first element")
    }
}
