import Foundation

/// Writes survey responses in Ronghe's JSON survey format (`ronghe-survey/1`), with option codes,
/// `true`/`false` for yes/no questions, arrays for multi-choice answers and 不适用 for
/// not-applicable answers.
///
/// ``Layout/array`` streams any number of enterprises as a JSON array, one per line, without
/// holding them; ``Layout/single`` writes one enterprise as an indented object, as the sample
/// files in `surveys/json/` are.
public final class SurveyJSONWriter: SurveyRecordWriter {
    /// How the file is laid out.
    public enum Layout: Sendable, Equatable {
        /// `[` one object per line `]`, for any number of enterprises.
        case array
        /// One indented object; exactly one enterprise must be written.
        case single
    }

    public private(set) var count = 0
    public let path: String
    private let tree: IndicatorTree
    private let layout: Layout
    private var handle: FileHandle?
    private var buffer = ""

    /// Creates (or truncates) the file at `url`.
    public init(url: URL, tree: IndicatorTree, layout: Layout = .array) throws {
        self.tree = tree
        self.layout = layout
        path = url.relativePath
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CSVError.cannotOpen(path: path, reason: "it cannot be created")
        }
        handle = try FileHandle(forWritingTo: url)
        if layout == .array { buffer = "[" }
    }

    deinit {
        try? handle?.close()
    }

    public func write(_ response: SurveyResponse) throws {
        precondition(handle != nil, "SurveyJSONWriter.write called after close()")
        switch layout {
        case .array:
            buffer += count == 0 ? "\n  " : ",\n  "
            appendObject(response, indent: nil)
        case .single:
            precondition(count == 0, "a single-enterprise JSON file holds one enterprise")
            appendObject(response, indent: "")
            buffer += "\n"
        }
        count += 1
        if buffer.utf8.count >= 64 << 10 { try flush() }
    }

    public func close() throws {
        guard let handle else { return }
        if layout == .array { buffer += count == 0 ? "]\n" : "\n]\n" }
        try flush()
        self.handle = nil
        try handle.close()
    }

    private func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends one enterprise's object: on one line when `indent` is nil, else one key per line.
    private func appendObject(_ response: SurveyResponse, indent: String?) {
        let profile = response.profile
        var enterprise: [(String, String)] = [
            ("uscc", Self.string(profile.uscc)), ("name", Self.string(profile.name)),
            ("district", Self.string(profile.district)), ("industry", Self.string(profile.industry)),
            ("size", Self.string(profile.size.rawValue)),
        ]
        if let employees = profile.employees { enterprise.append(("employees", String(employees))) }
        if let revenue = profile.revenue { enterprise.append(("revenue", Self.number(revenue))) }
        enterprise.append(("year", String(profile.year)))
        var answers: [(String, String)] = []
        for question in tree.questions {
            guard let answer = response.answers[question.id] else { continue }
            answers.append((question.id, Self.value(answer, for: question)))
        }
        let sections = [("format", Self.string("ronghe-survey/1")), ("enterprise", Self.object(enterprise, indent: indent.map { $0 + "  " })),
                        ("answers", Self.object(answers, indent: indent.map { $0 + "  " }))]
        buffer += Self.object(sections, indent: indent)
    }

    private static func object(_ members: [(String, String)], indent: String?) -> String {
        guard let indent else {
            return "{" + members.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
        }
        guard !members.isEmpty else { return "{}" }
        let inner = indent + "  "
        return "{\n" + members.map { inner + string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n" + indent + "}"
    }

    /// An answer in JSON: codes, booleans, numbers, arrays of codes.
    static func value(_ answer: Answer, for question: Question) -> String {
        switch answer {
        case .number(let value):
            // Under the fraction convention a bare number is a fraction; the sign keeps points.
            return question.type == .percent && question.percentScale == .fraction ? string(formatNumber(value) + "%") : number(value)
        case .yesNo(let flag): return flag ? "true" : "false"
        case .choice(let code): return string(code)
        case .choices(let codes): return "[" + codes.map(string).joined(separator: ", ") + "]"
        case .text(let text): return string(text)
        case .notApplicable: return string("不适用")
        }
    }

    static func number(_ value: Double) -> String {
        formatNumber(value)
    }

    static func string(_ text: String) -> String {
        var output = ""
        JSONValue.writeEscaped(text, to: &output)
        return output
    }
}
