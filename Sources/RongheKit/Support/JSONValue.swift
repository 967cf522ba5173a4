import Foundation

/// A parsed JSON document, keeping object keys in the order they were written.
///
/// Ronghe reads indicator trees and survey files through this type rather than `JSONDecoder` so
/// that every error can name its JSON path (`tree.children[2].weight`), unknown keys can be
/// refused instead of silently ignored, and a tree can be hashed in a canonical form.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number, with the literal as written so that canonical output never reformats it.
    case number(Double, literal: String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a, _), .number(let b, _)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Creates a number value whose literal is Swift's shortest round-tripping form.
    public static func number(_ value: Double) -> JSONValue {
        if value == value.rounded(), abs(value) < 1e15 {
            return .number(value, literal: String(Int64(value)))
        }
        return .number(value, literal: "\(value)")
    }

    /// A short description of the value's kind for error messages ("a string", "an object").
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value of `key` when this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The canonical serialization: no whitespace, object keys sorted by their UTF-8 bytes, numbers
    /// as written. Two files that differ only in layout or key order serialize identically.
    public var canonicalText: String {
        var output = ""
        writeCanonical(to: &output)
        return output
    }

    private func writeCanonical(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(_, let literal): output += literal
        case .string(let value): JSONValue.writeEscaped(value, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.writeCanonical(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let sorted = members.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeEscaped(member.key, to: &output)
                output += ":"
                member.value.writeCanonical(to: &output)
            }
            output += "}"
        }
    }

    /// Writes `text` as a JSON string literal, escaping only what JSON requires.
    static func writeEscaped(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                output += String(format: "\\u%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
