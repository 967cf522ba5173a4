import Foundation

/// Reads survey files in Ronghe's JSON format: one enterprise per file, or an array of them.
///
/// ```json
/// {"enterprise": {"uscc": "91371402MA3C5LXK2X", "name": "…", "district": "371402",
///                 "industry": "C26", "size": "medium", "employees": 420, "revenue": 18600, "year": 2026},
///  "answers": {"A1.1": "director", "A1.3": ["association"], "B1.1": 320, "F1.2": "不适用"}}
/// ```
/// Keys inside `enterprise` and `answers` may also be the Chinese names and labels a form uses;
/// values follow the same conventions as any other format (是/否, labels or codes, 35%).
public struct JSONSurveyReader {
    /// The largest JSON file accepted.
    public static let maximumFileSize = 256 << 20

    public init() {}

    /// Calls `body` with each record of `data`; `file` names the file in locations.
    public func forEachRecord(in data: Data, file: String, _ body: (RawSurvey) throws -> Void) throws {
        guard data.count <= Self.maximumFileSize else {
            throw SurveyFileError(FileLocation(file: file), LocalizedText(
                zh: "JSON文件过大（超过\(Self.maximumFileSize >> 20) MB）",
                en: "the JSON file is larger than \(Self.maximumFileSize >> 20) MB"))
        }
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) {
            throw SurveyFileError(FileLocation(file: file), LocalizedText(
                zh: "文件是空的（没有任何内容），请重新保存后发送",
                en: "the file is empty (it has no content at all); ask the sender to save the survey and send it again"))
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            // The parser ran out of text inside a value: the upload or copy broke off.
            let cutOff = error.message.hasPrefix("the document ends") && !data.isEmpty
            throw SurveyFileError(FileLocation(file: file, place: .line(error.line)), LocalizedText(
                zh: "JSON格式有误（第\(error.line)行第\(error.column)列）：\(error.message)" + (cutOff ? "；文件可能不完整，请重新保存后发送" : ""),
                en: "invalid JSON at column \(error.column): \(error.message)"
                    + (cutOff ? "; the file may be cut off: ask the sender to save it and send it again" : "")))
        }
        let root = JSONCursor(root: document)
        if case .array = document {
            let elements = try decoding(file) { () throws(JSONDecodingError) in try root.array() }
            if elements.isEmpty {
                throw SurveyFileError(FileLocation(file: file), LocalizedText(
                    zh: "JSON数组是空的，没有任何企业的填报内容",
                    en: "the JSON array is empty: it holds no enterprise's survey"))
            }
            for element in elements {
                try body(try record(element, file: file))
            }
        } else {
            try body(try record(root, file: file))
        }
    }

    private func decoding<T>(_ file: String, _ work: () throws(JSONDecodingError) -> T) throws(SurveyFileError) -> T {
        do {
            return try work()
        } catch {
            throw SurveyFileError(FileLocation(file: file, place: .jsonPath(error.path)), LocalizedText(
                zh: "JSON结构有误：\(error.message)", en: error.message))
        }
    }

    private func record(_ cursor: JSONCursor, file: String) throws(SurveyFileError) -> RawSurvey {
        guard case .object = cursor.value else {
            let kinds = ["null": "空值", "a boolean": "真假值", "a number": "数字", "a string": "文字", "an array": "数组"]
            let kind = cursor.value.kindDescription
            throw SurveyFileError(FileLocation(file: file, place: .jsonPath(cursor.displayPath)), LocalizedText(
                zh: "此处应为一家企业的填报内容（含enterprise和answers的对象），实际为\(kinds[kind] ?? kind)",
                en: "expected one enterprise's survey, an object with \"enterprise\" and \"answers\", found \(kind)"))
        }
        return try decoding(file) { () throws(JSONDecodingError) in
            let object = try cursor.object(allowedKeys: ["format", "enterprise", "answers", "comment"])
            if let format = object.optional("format") {
                let name = try format.string()
                guard name == "ronghe-survey/1" else {
                    throw format.error("unknown survey format \"\(name)\" (expected \"ronghe-survey/1\")")
                }
            }
            var fields: [RawField] = []
            for section in ["enterprise", "answers"] {
                for member in try object.required(section).members() {
                    let location = FileLocation(file: file, place: .jsonPath(member.value.path))
                    if let value = try rawValue(member.value) {
                        fields.append(RawField(key: member.key, value: value, location: location))
                    }
                }
            }
            return RawSurvey(location: FileLocation(file: file, place: .jsonPath(cursor.displayPath)), fields: fields)
        }
    }

    /// A JSON value as a raw answer; null is an unanswered question.
    private func rawValue(_ cursor: JSONCursor) throws(JSONDecodingError) -> RawValue? {
        switch cursor.value {
        case .null: return nil
        case .bool(let flag): return .bool(flag)
        case .number(let number, _): return .number(number)
        case .string(let text): return .text(text)
        case .array:
            var values: [RawValue] = []
            for element in try cursor.array() {
                guard let value = try rawValue(element), case .text = value else {
                    throw element.error("expected option codes or labels as strings, found \(element.value.kindDescription)")
                }
                values.append(value)
            }
            return .list(values)
        case .object:
            throw cursor.error("expected an answer, found an object")
        }
    }
}
