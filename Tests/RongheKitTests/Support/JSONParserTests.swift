import Foundation
import Testing

@testable import RongheKit

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#"{"a": [1, -2.5e1, true, false, null], "b": "两化\u878d\n", "c": {}}"#)
        #expect(value["a"] == .array([.number(1), .number(-25), .bool(true), .bool(false), .null]))
        #expect(value["b"] == .string("两化融\n"))
        #expect(value["c"] == .object([]))
    }

    @Test func keepsKeyOrderAndNumberLiterals() throws {
        let value = try JSONParser.parse(#"{"z": 1.50, "a": 2}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["z", "a"])
        #expect(value.canonicalText == #"{"a":2,"z":1.50}"#)
    }

    @Test func canonicalTextIgnoresLayoutAndKeyOrder() throws {
        let first = try JSONParser.parse("{\n  \"b\": [1, 2],\n  \"a\": \"x\"\n}")
        let second = try JSONParser.parse(#"{"a":"x","b":[1,2]}"#)
        #expect(first.canonicalText == second.canonicalText)
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud840\udc00""#) == .string("\u{20000}"))
    }

    @Test func skipsByteOrderMark() throws {
        #expect(try JSONParser.parse(Data([0xEF, 0xBB, 0xBF]) + Data("[1]".utf8)) == .array([.number(1)]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "1:9: expected a quoted key in the object"),
        ("{\"a\": 1, \"a\": 2}", "1:10: the key \"a\" appears twice in the same object"),
        ("[1, 2", "1:6: the document ends inside an array"),
        ("\"abc", "1:5: the document ends inside a string"),
        ("[01]", "1:2: a number cannot start with a leading zero"),
        ("{\n  \"a\": tru\n}", "2:8: invalid literal; expected 'true'"),
        ("[1] 2", "1:5: unexpected text after the end of the JSON document"),
        ("[1e999]", "1:2: the number 1e999 is too large"),
        ("\"a\tb\"", "1:3: a control character must be escaped inside a string"),
        ("", "1:1: the document ends where a value was expected"),
        ("NaN", "1:1: NaN is not a JSON value; leave the value out or write null"),
        ("[Infinity]", "1:2: Infinity is not a JSON value; leave the value out or write null"),
        ("{} {}", "1:4: a second JSON value follows the first; a file holds one value, so put several in an array [ … ]"),
    ])
    func reportsSyntaxErrorsWithPosition(text: String, expected: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func refusesDeepNesting() {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed a document nested 65 deep")
        } catch {
            #expect(error.description == "1:65: arrays and objects are nested deeper than 64 levels")
        }
    }

    @Test func refusesInvalidUTF8() {
        do {
            _ = try JSONParser.parse(Data([0x22, 0xFF, 0x22]))
            Issue.record("parsed invalid UTF-8")
        } catch {
            #expect(error.description == "1:2: the text is not valid UTF-8")
        }
    }
}
