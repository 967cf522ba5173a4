import Synchronization

/// Resolves the keys of submitted records — column headers, JSON keys, form fields — to profile
/// fields or questions of a tree.
///
/// A key matches by question id (`B1.1`), by an id followed by its label (`B1.1 本年度信息化投入`),
/// by the Chinese or English label, or, for profile fields, by their canonical name (`uscc`) or
/// the names Chinese forms use (统一社会信用代码, 企业名称, 所属区县…). Case, white space,
/// full-width forms and parenthesised notes such as units are ignored.
public struct FieldMapper: Sendable {
    /// What a key refers to.
    public enum Target: Equatable, Sendable {
        case profile(ProfileField)
        case question(String)
    }

    static let profileAliases: [ProfileField: [String]] = [
        .uscc: ["uscc", "统一社会信用代码", "社会信用代码", "信用代码", "creditcode", "unifiedsocialcreditcode"],
        .name: ["name", "企业名称", "单位名称", "企业全称", "enterprisename", "company", "companyname"],
        .district: ["district", "所属区县", "区县", "行政区划代码", "区划代码", "所在区县", "districtcode"],
        .industry: ["industry", "所属行业", "行业", "行业代码", "国民经济行业分类", "国民经济行业分类代码", "industrycode"],
        .size: ["size", "企业规模", "规模", "sizeclass"],
        .employees: ["employees", "从业人员", "从业人员数", "职工人数", "员工人数", "从业人数"],
        .revenue: ["revenue", "营业收入", "主营业务收入", "营收"],
        .year: ["year", "填报年度", "年度", "调查年度", "surveyyear"],
    ]

    private let keys: [String: Target]
    private let questionIDs: [String: String]
    /// Keys already resolved: a batch repeats its header's keys on every record, and resolving
    /// one normalises it.
    private let resolved = ResolvedKeys()

    public init(tree: IndicatorTree) {
        var keys: [String: Target] = [:]
        var ids: [String: String] = [:]
        for question in tree.questions {
            ids[TextNormalization.matchKey(question.id)] = question.id
        }
        // Labels first, ids and profile names last, so that an exact id or profile name wins over
        // a label that happens to spell it.
        for question in tree.questions {
            keys[TextNormalization.matchKey(question.label.zh)] = .question(question.id)
            if let en = question.label.en { keys[TextNormalization.matchKey(en)] = .question(question.id) }
        }
        for field in ProfileField.surveyFields {
            keys[TextNormalization.matchKey(field.label.zh)] = .profile(field)
            if let en = field.label.en { keys[TextNormalization.matchKey(en)] = .profile(field) }
            for alias in Self.profileAliases[field] ?? [] { keys[alias] = .profile(field) }
        }
        for (key, id) in ids { keys[key] = .question(id) }
        self.keys = keys
        self.questionIDs = ids
    }

    /// The field or question `key` refers to, or nil when it is not part of the survey.
    public func target(forKey key: String) -> Target? {
        if let known = resolved.target(forKey: key) { return known }
        let target = resolve(key)
        resolved.remember(target, forKey: key)
        return target
    }

    private func resolve(_ key: String) -> Target? {
        let normalized = TextNormalization.matchKey(key)
        if let target = keys[normalized] { return target }
        // `B1.1 本年度信息化投入（万元）`: a leading id token followed by a label.
        let folded = TextNormalization.fold(key)
        let token = folded.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
        if !token.isEmpty, token.count < folded.count, let id = questionIDs[token.lowercased()] {
            return .question(id)
        }
        return nil
    }
}

/// The keys a ``FieldMapper`` has resolved, shared by its copies and safe across tasks. Bounded,
/// because keys come from untrusted files: past the bound, keys are resolved every time.
private final class ResolvedKeys: Sendable {
    static let capacity = 4096
    private let storage = Mutex<[String: FieldMapper.Target?]>([:])

    /// The remembered resolution: `.some(nil)` for a key known to name nothing.
    func target(forKey key: String) -> FieldMapper.Target?? {
        storage.withLock { $0[key] }
    }

    func remember(_ target: FieldMapper.Target?, forKey key: String) {
        storage.withLock { storage in
            if storage.count < Self.capacity { storage[key] = .some(target) }
        }
    }
}
