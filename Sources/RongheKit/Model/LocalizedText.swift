/// The languages reports and survey forms are written in.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Simplified Chinese, the default for everything a bureau or enterprise reads.
    case zh
    case en
}

/// A text given in Chinese and, optionally, English.
public struct LocalizedText: Equatable, Hashable, Sendable, Codable {
    public var zh: String
    /// The English text; when absent, English output falls back to the Chinese.
    public var en: String?

    public init(zh: String, en: String? = nil) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`, falling back to Chinese when there is no English.
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en ?? zh
        }
    }

    /// Both texts for listings read by bilingual staff: `起步建设 Start-up`.
    public var bilingual: String {
        guard let en, en != zh else { return zh }
        return "\(zh) \(en)"
    }
}

extension LocalizedText {
    /// Decodes `{"zh": "…", "en": "…"}`; a plain string is taken as the Chinese text.
    init(json: JSONCursor) throws(JSONDecodingError) {
        if case .string = json.value {
            self.init(zh: try json.nonEmptyString())
            return
        }
        let object = try json.object(allowedKeys: ["zh", "en"])
        self.init(zh: try object.required("zh").nonEmptyString(), en: try object.optional("en")?.nonEmptyString())
    }
}
