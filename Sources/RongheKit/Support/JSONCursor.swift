/// A value inside a JSON document together with the path that leads to it.
///
/// Decoding through a cursor makes every error name its place, in the form users see in messages:
/// `tree.children[2].weight`, `answers["A1.1"]`.
public struct JSONCursor: Sendable {
    /// The value at this place.
    public let value: JSONValue
    /// The path from the document's root, empty at the root.
    public let path: String

    /// Creates a cursor at the root of a document.
    public init(root: JSONValue) {
        self.value = root
        self.path = ""
    }

    init(value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    /// The path for messages; the root is shown as `$`.
    public var displayPath: String { path.isEmpty ? "$" : path }

    func error(_ message: String) -> JSONDecodingError {
        JSONDecodingError(path: displayPath, message: message)
    }

    private func mismatch(_ expected: String) -> JSONDecodingError {
        error("expected \(expected), found \(value.kindDescription)")
    }

    /// The path of a member of this object.
    func path(forKey key: String) -> String {
        let isIdentifier = key.first.map { $0.isLetter || $0 == "_" } == true
            && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        if isIdentifier {
            return path.isEmpty ? key : "\(path).\(key)"
        }
        var quoted = ""
        JSONValue.writeEscaped(key, to: &quoted)
        return "\(path)[\(quoted)]"
    }

    public func string() throws(JSONDecodingError) -> String {
        guard case .string(let text) = value else { throw mismatch("a string") }
        return text
    }

    /// A string that is not empty once surrounding white space is removed.
    public func nonEmptyString() throws(JSONDecodingError) -> String {
        let text = try string()
        if text.allSatisfy(\.isWhitespace) { throw error("must not be empty") }
        return text
    }

    public func double() throws(JSONDecodingError) -> Double {
        guard case .number(let number, _) = value else { throw mismatch("a number") }
        return number
    }

    public func int() throws(JSONDecodingError) -> Int {
        guard case .number(let number, _) = value else { throw mismatch("a whole number") }
        guard number == number.rounded(), abs(number) < 1e15 else {
            throw error("expected a whole number, found \(number)")
        }
        return Int(number)
    }

    public func bool() throws(JSONDecodingError) -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("true or false") }
        return flag
    }

    public func array() throws(JSONDecodingError) -> [JSONCursor] {
        guard case .array(let elements) = value else { throw mismatch("an array") }
        return elements.enumerated().map { JSONCursor(value: $1, path: "\(path)[\($0)]") }
    }

    /// The members of an object, refusing any key outside `allowedKeys` so a misspelt key is an
    /// error rather than a silently ignored setting.
    public func object(allowedKeys: Set<String>) throws(JSONDecodingError) -> JSONObjectCursor {
        guard case .object(let members) = value else { throw mismatch("an object") }
        for member in members where !allowedKeys.contains(member.key) {
            let known = allowedKeys.sorted().map { "`\($0)`" }.joined(separator: ", ")
            throw JSONDecodingError(
                path: JSONCursor(value: member.value, path: path(forKey: member.key)).displayPath,
                message: "unknown key \"\(member.key)\" (expected one of \(known))")
        }
        return JSONObjectCursor(cursor: self, members: members)
    }

    /// The members of an object whose keys are data (question ids, option codes), in file order.
    public func members() throws(JSONDecodingError) -> [(key: String, value: JSONCursor)] {
        guard case .object(let members) = value else { throw mismatch("an object") }
        return members.map { ($0.key, JSONCursor(value: $0.value, path: path(forKey: $0.key))) }
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}

/// An object being decoded: members are looked up by key, with paths for errors.
public struct JSONObjectCursor: Sendable {
    let cursor: JSONCursor
    let members: [(key: String, value: JSONValue)]

    /// The member `key`, which must be present.
    public func required(_ key: String) throws(JSONDecodingError) -> JSONCursor {
        guard let value = members.first(where: { $0.key == key })?.value else {
            throw cursor.error("missing key \"\(key)\"")
        }
        return JSONCursor(value: value, path: cursor.path(forKey: key))
    }

    /// The member `key`, or nil when absent or null.
    public func optional(_ key: String) -> JSONCursor? {
        guard let value = members.first(where: { $0.key == key })?.value else { return nil }
        if case .null = value { return nil }
        return JSONCursor(value: value, path: cursor.path(forKey: key))
    }

    /// Whether the object has the member `key` (even when null).
    public func contains(_ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    /// The cursor at the object itself.
    public var location: JSONCursor { cursor }
}

/// A JSON document whose shape does not match what was expected, with the place it went wrong.
public struct JSONDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The JSON path, `$` for the root.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
