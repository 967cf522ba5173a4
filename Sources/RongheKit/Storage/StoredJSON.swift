import Foundation

/// The JSON the campaign store keeps for each submission: its raw record, parsed profile and
/// answers, and issues. The encodings are stable: the same value always gives the same text
/// (object keys sorted, numbers in Swift's shortest round-tripping form), so two submissions can
/// be compared by their text, and every number reads back bit for bit.
///
/// **Answers** are an object keyed by question id, each value by its kind:
///
/// | answer                 | JSON                        |
/// |------------------------|-----------------------------|
/// | `.number(38)`          | `38` (integers without `.0`; `-0` keeps its sign) |
/// | `.yesNo(true)`         | `true`                      |
/// | `.choice("ceo")`       | `"ceo"`                     |
/// | `.choices(["a","b"])`  | `["a","b"]`                 |
/// | `.text("…")`           | `{"text":"…"}`              |
/// | `.notApplicable`       | `null`                      |
///
/// A question left blank is absent.
///
/// **Profiles**: `{"district":…,"employees":…,"industry":…,"name":…,"revenue":…,"size":"large","uscc":…,"year":2026}`,
/// `employees` and `revenue` left out when not given.
///
/// **Places** (``FileLocation/Place``): `{"line":17}`, `{"cell":"C7","sheet":"问卷"}`,
/// `{"row":7,"sheet":"问卷"}`, `{"sheet":"问卷"}`, `{"path":"answers[\"B1.1\"]"}`, or `null` for the file as a
/// whole.
///
/// **Raw records** (``RawSurvey``): `{"fields":[…],"file":…,"place":…}`; each field is
/// `[key, value]`, or `[key, value, place]` when its place differs from the record's (a form's
/// cells). Values: text as a string, numbers as numbers, booleans, lists as arrays,
/// `{"percent":0.35}` for a spreadsheet percentage and `{"date":"2026-03-01"}` for a date.
///
/// **Issues**: an array of `{"en":…,"field":…,"file":…,"place":…,"severity":"error","zh":…}`.
enum StoredJSON {
    /// Why stored JSON could not be read back: the database was changed by something other than
    /// ronghe, or is damaged.
    struct DecodingError: Error, CustomStringConvertible {
        var what: String
        var problem: String
        var description: String { "the stored \(what) is not valid: \(problem)" }
    }

    // MARK: Answers

    static func encode(answers: [String: Answer]) -> String {
        var writer = JSONTextWriter()
        writer.object(answers.sorted { utf8Precedes($0.key, $1.key) }) { writer, answer in
            switch answer {
            case .number(let value): writer.number(value)
            case .yesNo(let flag): writer.raw(flag ? "true" : "false")
            case .choice(let code): writer.string(code)
            case .choices(let codes): writer.array(codes) { $0.string($1) }
            case .text(let text): writer.object([("text", text)]) { $0.string($1) }
            case .notApplicable: writer.raw("null")
            }
        }
        return writer.text
    }

    static func decodeAnswers(_ text: String) throws -> [String: Answer] {
        try StoredJSONScanner.answers(text)
    }

    // MARK: Profiles

    static func encode(profile: EnterpriseProfile) -> String {
        var writer = JSONTextWriter()
        writer.raw("{")
        writer.key("district", first: true)
        writer.string(profile.district)
        if let employees = profile.employees {
            writer.key("employees")
            writer.raw(String(employees))
        }
        writer.key("industry")
        writer.string(profile.industry)
        writer.key("name")
        writer.string(profile.name)
        if let revenue = profile.revenue {
            writer.key("revenue")
            writer.number(revenue)
        }
        writer.key("size")
        writer.string(profile.size.rawValue)
        writer.key("uscc")
        writer.string(profile.uscc)
        writer.key("year")
        writer.raw(String(profile.year))
        writer.raw("}")
        return writer.text
    }

    static func decodeProfile(_ text: String) throws -> EnterpriseProfile {
        try StoredJSONScanner.profile(text)
    }

    // MARK: Places and locations

    static func write(_ place: FileLocation.Place?, to writer: inout JSONTextWriter) {
        switch place {
        case nil:
            writer.raw("null")
        case .line(let line):
            writer.raw("{\"line\":\(line)}")
        case .cell(let sheet, let reference):
            writer.raw("{\"cell\":")
            writer.string(reference)
            writer.raw(",\"sheet\":")
            writer.string(sheet)
            writer.raw("}")
        case .row(let sheet, let row):
            writer.raw("{\"row\":\(row),\"sheet\":")
            writer.string(sheet)
            writer.raw("}")
        case .sheet(let sheet):
            writer.raw("{\"sheet\":")
            writer.string(sheet)
            writer.raw("}")
        case .jsonPath(let path):
            writer.raw("{\"path\":")
            writer.string(path)
            writer.raw("}")
        }
    }

    static func place(_ value: JSONValue?, what: String) throws -> FileLocation.Place? {
        switch value {
        case nil, .null?:
            return nil
        case .object?:
            if case .number(let line, _)? = value?["line"], let line = Int(exactly: line) { return .line(line) }
            if case .string(let path)? = value?["path"] { return .jsonPath(path) }
            if case .string(let sheet)? = value?["sheet"] {
                if case .string(let reference)? = value?["cell"] { return .cell(sheet: sheet, reference: reference) }
                if case .number(let row, _)? = value?["row"], let row = Int(exactly: row) { return .row(sheet: sheet, row: row) }
                if value?["cell"] == nil && value?["row"] == nil { return .sheet(sheet) }
            }
            fallthrough
        default:
            throw DecodingError(what: what, problem: "a place is not one of line, cell, row, sheet or path")
        }
    }

    // MARK: Raw records

    static func encode(raw: RawSurvey) -> String {
        var writer = JSONTextWriter()
        writer.raw("{\"fields\":[")
        for (index, field) in raw.fields.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("[")
            writer.string(field.key)
            writer.raw(",")
            write(field.value, to: &writer)
            if field.location != raw.location {
                writer.raw(",")
                if field.location.file == raw.location.file {
                    write(field.location.place, to: &writer)
                } else {
                    // Never seen from our readers, but kept rather than lost.
                    writer.raw("{\"file\":")
                    writer.string(field.location.file)
                    writer.raw(",\"place\":")
                    write(field.location.place, to: &writer)
                    writer.raw("}")
                }
            }
            writer.raw("]")
        }
        writer.raw("],\"file\":")
        writer.string(raw.location.file)
        writer.raw(",\"place\":")
        write(raw.location.place, to: &writer)
        writer.raw("}")
        return writer.text
    }

    private static func write(_ value: RawValue, to writer: inout JSONTextWriter) {
        switch value {
        case .text(let text): writer.string(text)
        case .number(let number): writer.number(number)
        case .percentNumber(let fraction):
            writer.raw("{\"percent\":")
            writer.number(fraction)
            writer.raw("}")
        case .bool(let flag): writer.raw(flag ? "true" : "false")
        case .list(let values):
            writer.raw("[")
            for (index, element) in values.enumerated() {
                if index > 0 { writer.raw(",") }
                write(element, to: &writer)
            }
            writer.raw("]")
        case .date(let year, let month, let day):
            writer.raw("{\"date\":[\(year),\(month),\(day)]}")
        }
    }

    static func decodeRaw(_ text: String) throws -> RawSurvey {
        let value = try parse(text, what: "raw record")
        guard case .string(let file)? = value["file"], case .array(let fields)? = value["fields"] else {
            throw DecodingError(what: "raw record", problem: "expected fields and file")
        }
        let location = FileLocation(file: file, place: try place(value["place"], what: "raw record"))
        return RawSurvey(location: location, fields: try fields.map { field in
            guard case .array(let parts) = field, parts.count == 2 || parts.count == 3, case .string(let key) = parts[0] else {
                throw DecodingError(what: "raw record", problem: "a field is not [key, value] or [key, value, place]")
            }
            var fieldLocation = location
            if parts.count == 3 {
                if case .string(let otherFile)? = parts[2]["file"] {
                    fieldLocation = FileLocation(file: otherFile, place: try place(parts[2]["place"], what: "raw record"))
                } else {
                    fieldLocation.place = try place(parts[2], what: "raw record")
                }
            }
            return RawField(key: key, value: try rawValue(parts[1]), location: fieldLocation)
        })
    }

    private static func rawValue(_ value: JSONValue) throws -> RawValue {
        switch value {
        case .string(let text): return .text(text)
        case .number(let number, _): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .array(let elements): return .list(try elements.map(rawValue))
        case .object:
            if case .number(let fraction, _)? = value["percent"] { return .percentNumber(fraction) }
            if case .array(let parts)? = value["date"], parts.count == 3 {
                let numbers = parts.compactMap { part -> Int? in
                    if case .number(let number, _) = part { return Int(exactly: number) }
                    return nil
                }
                if numbers.count == 3 { return .date(year: numbers[0], month: numbers[1], day: numbers[2]) }
            }
            fallthrough
        case .null:
            throw DecodingError(what: "raw record", problem: "a value is not text, number, boolean, list, percent or date")
        }
    }

    // MARK: Issues

    static func encode(issues: [SurveyIssue]) -> String {
        var writer = JSONTextWriter()
        writer.raw("[")
        for (index, issue) in issues.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"en\":")
            if let en = issue.message.en { writer.string(en) } else { writer.raw("null") }
            writer.raw(",\"field\":")
            if let field = issue.field { writer.string(field) } else { writer.raw("null") }
            writer.raw(",\"file\":")
            writer.string(issue.location.file)
            writer.raw(",\"place\":")
            write(issue.location.place, to: &writer)
            writer.raw(",\"severity\":")
            writer.string(issue.severity.rawValue)
            writer.raw(",\"zh\":")
            writer.string(issue.message.zh)
            writer.raw("}")
        }
        writer.raw("]")
        return writer.text
    }

    static func decodeIssues(_ text: String) throws -> [SurveyIssue] {
        guard case .array(let elements) = try parse(text, what: "issues") else {
            throw DecodingError(what: "issues", problem: "expected an array")
        }
        return try elements.map { element in
            guard case .string(let file)? = element["file"], case .string(let zh)? = element["zh"],
                case .string(let severityName)? = element["severity"], let severity = SurveyIssue.Severity(rawValue: severityName)
            else {
                throw DecodingError(what: "issues", problem: "an issue lacks file, severity or message")
            }
            var en: String?
            if case .string(let text)? = element["en"] { en = text }
            var field: String?
            if case .string(let text)? = element["field"] { field = text }
            let location = FileLocation(file: file, place: try place(element["place"], what: "issues"))
            return SurveyIssue(severity, at: location, field: field, LocalizedText(zh: zh, en: en))
        }
    }

    // MARK: Lists of names

    static func encode(strings: [String]) -> String {
        var writer = JSONTextWriter()
        writer.array(strings) { $0.string($1) }
        return writer.text
    }

    static func decodeStrings(_ text: String, what: String) throws -> [String] {
        try StoredJSONScanner.strings(text, what: what)
    }

    // MARK: Helpers

    static func parse(_ text: String, what: String) throws -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw DecodingError(what: what, problem: error.description)
        }
    }

    /// Orders keys by their UTF-8 bytes, as ``JSONValue/canonicalText`` does.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// Builds JSON text by appending, for the store's fixed encodings. The text is built as UTF-8
/// bytes: appending to a `String` fragment by fragment cost a fifth of an import's time.
struct JSONTextWriter {
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(256)
    }

    /// The JSON text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ fragment: String) {
        bytes.append(contentsOf: fragment.utf8)
    }

    /// A string literal, escaped as ``JSONValue`` escapes: only what JSON requires.
    mutating func string(_ value: String) {
        // Most strings need no escape: append them whole.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
        } else {
            var escaped = ""
            JSONValue.writeEscaped(value, to: &escaped)
            bytes.append(contentsOf: escaped.utf8)
        }
    }

    /// A finite number in Swift's shortest round-tripping form; whole numbers without `.0`.
    /// Non-finite values never reach the store (readers and the engine refuse them); should one
    /// come, it is written as `null` rather than as invalid JSON.
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            raw("null")
            return
        }
        if value == value.rounded(.towardZero), abs(value) < 9e15 {
            // -0.0 prints as "-0", which reads back as -0.0.
            raw(value.sign == .minus && value == 0 ? "-0" : String(Int64(value)))
        } else {
            raw(value.description)
        }
    }

    mutating func key(_ key: String, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONTextWriter, S.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for value in elements {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            element(&self, value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func object<V>(_ members: [(key: String, value: V)], _ value: (inout JSONTextWriter, V) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            key(member.key, first: index == 0)
            value(&self, member.value)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
