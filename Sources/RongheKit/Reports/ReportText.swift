/// Picks the Chinese or English wording of the report's fixed texts, written side by side at the
/// point of use so each label's two versions are read together.
struct ReportText: Sendable {
    let language: Language

    /// `zh` in a Chinese report, `en` in an English one.
    func callAsFunction(_ zh: String, _ en: String) -> String {
        language == .zh ? zh : en
    }

    /// The sheet names, in tab order.
    var sheetNames: [String] {
        [
            self("总览", "Summary"), self("排名", "Ranking"), self("推荐名单", "Recommended"), self("分组", "Groups"),
            self("企业画像", "Profiles"), self("指标体系", "Method"), self("数据质量", "Data quality"),
        ]
    }

    /// "是" / "Yes" or "否" / "No".
    func yesNo(_ flag: Bool) -> String {
        flag ? self("是", "Yes") : self("否", "No")
    }

    /// A count with its noun: `6 家` / `6 enterprises`.
    func enterprises(_ count: Int) -> String {
        self("\(count) 家", count == 1 ? "1 enterprise" : "\(count) enterprises")
    }

    /// The list separator: `；` / `; `.
    var separator: String { self("；", "; ") }
}
