import Foundation

/// The leaders' workbook (领导决策参阅工作簿): one xlsx file with seven sheets, in this order —
/// 总览 Summary, 排名 Ranking, 推荐名单 Recommended, 分组 Groups, 企业画像 Profiles,
/// 指标体系 Method and 数据质量 Data quality — in Chinese, or English with ``Language/en``.
///
/// ```swift
/// let input = ReportInput(campaign: "德州市2026年两化融合评估", batch: .init(scoredAt: now),
///                         result: result, selection: selection, robustness: robustness,
///                         intake: collector.summary)
/// let outcome = try ReportWorkbook(input).write(to: "reports/2026.xlsx")
/// ```
///
/// What always holds:
/// - Text an enterprise supplied (names, codes, file names) is written as text: a name starting
///   with `=` stays text, codes never become numbers.
/// - The same input gives the same workbook: every list has a fixed order and the file's creation
///   date is the batch's scoring time, so the bytes are identical too.
/// - Memory stays bounded for large batches: above ``Options/constantMemoryThreshold``
///   enterprises each sheet is streamed to disk row by row (libxlsxwriter's constant-memory mode).
///   Every sheet is written strictly top to bottom, so both modes give the same content; in the
///   streamed mode strings are stored inline and charts carry no cached values (spreadsheet
///   programs compute them from the cells on opening).
/// - The file appears whole or not at all: it is written beside the destination under a
///   temporary name and renamed over it once complete, so a failed export leaves an earlier
///   report in place.
public struct ReportWorkbook: Sendable {
    /// Whether the workbook is kept in memory until it is written or streamed to disk.
    public enum MemoryMode: Equatable, Sendable {
        /// Streams above ``Options/constantMemoryThreshold`` enterprises, keeps it in memory below.
        case automatic
        /// Keeps the whole workbook in memory (charts get cached values).
        case inMemory
        /// Streams every sheet to disk row by row.
        case constantMemory
    }

    /// How the workbook is produced.
    public struct Options: Equatable, Sendable {
        /// Whether sheets are kept in memory or streamed; see ``MemoryMode``.
        public var memoryMode: MemoryMode
        /// The number of enterprises above which ``MemoryMode/automatic`` streams.
        public var constantMemoryThreshold: Int
        /// The most profile blocks written; enterprises named in ``ReportInput/profiles`` are
        /// kept first, then recommended ones in list order. At most 1,024 (Excel keeps 1,023 page
        /// breaks per sheet).
        public var maximumProfiles: Int
        /// Where libxlsxwriter keeps its temporary files; nil for the system's.
        public var temporaryDirectory: String?

        public init(
            memoryMode: MemoryMode = .automatic, constantMemoryThreshold: Int = 20_000, maximumProfiles: Int = 500,
            temporaryDirectory: String? = nil
        ) {
            self.memoryMode = memoryMode
            self.constantMemoryThreshold = constantMemoryThreshold
            self.maximumProfiles = maximumProfiles
            self.temporaryDirectory = temporaryDirectory
        }
    }

    /// What was written.
    public struct Outcome: Equatable, Sendable {
        /// The workbook's path.
        public var path: String
        /// The sheet names in tab order.
        public var sheetNames: [String]
        /// Rows on the Ranking sheet: every scored enterprise.
        public var enterprises: Int
        /// Enterprises on the recommended list.
        public var recommended: Int
        /// Profile blocks written.
        public var profiles: Int
        /// Recommended enterprises left out of the Profiles sheet by ``Options/maximumProfiles``.
        public var omittedProfiles: Int
        /// Rejected records listed on the Data quality sheet.
        public var rejections: Int
        /// Whether the sheets were streamed in constant-memory mode.
        public var usedConstantMemory: Bool
    }

    /// What the workbook shows.
    public let input: ReportInput
    /// The positions (in the scoring result) of the enterprises named for profiles.
    private let namedPositions: [Int]

    /// Checks that the input hangs together: the selection and robustness results belong to the
    /// scoring result, and every enterprise named for a profile is in it.
    public init(_ input: ReportInput) throws(ReportError) {
        let result = input.result
        if let selection = input.selection {
            guard selection.decisions.count == result.count,
                zip(selection.decisions, result.profiles).allSatisfy({ $0.uscc == $1.uscc })
            else { throw .mismatchedResult(part: "selection") }
        }
        if let robustness = input.robustness {
            guard robustness.enterprises.count == result.count,
                zip(robustness.enterprises, result.profiles).allSatisfy({ $0.uscc == $1.uscc })
            else { throw .mismatchedResult(part: "robustness analysis") }
        }
        var positions: [Int] = []
        for uscc in input.profiles {
            guard let position = Self.position(of: uscc, in: result) else { throw .unknownEnterprise(uscc: uscc) }
            if !positions.contains(position) { positions.append(position) }
        }
        self.input = input
        namedPositions = positions
    }

    /// The sheet names in tab order, in `language`.
    public static func sheetNames(in language: Language) -> [String] {
        ReportText(language: language).sheetNames
    }

    /// Writes the workbook to `path`, replacing any file there; the directory must exist.
    ///
    /// Throws ``XLSXWriterError`` when the file cannot be written (the temporary file is then
    /// removed and any earlier report at `path` is left as it was).
    public func write(to path: String, options: Options = Options()) throws -> Outcome {
        let facts = ReportFacts(input)
        let text = facts.text
        let streamed: Bool
        switch options.memoryMode {
        case .automatic: streamed = input.result.count > options.constantMemoryThreshold
        case .inMemory: streamed = false
        case .constantMemory: streamed = true
        }
        let (profiles, omitted) = profilePositions(limit: max(0, min(options.maximumProfiles, Worksheet.maximumPageBreaks + 1)))

        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let book = try XLSXWriter(
            path: temporary, options: .init(constantMemory: streamed, temporaryDirectory: options.temporaryDirectory))
        let tree = input.tree
        try book.setProperties(.init(
            title: text("\(input.campaign) 两化融合评估报告", "\(input.campaign): assessment report"),
            subject: tree.name.text(input.language),
            author: "Ronghe \(input.batch.engineVersion)",
            category: text("两化融合评估", "Integration assessment"),
            keywords: text("两化融合,评估,示范企业", "informatization,assessment,demonstration enterprises"),
            comments: "tree \(tree.id) \(tree.version) sha256:\(tree.hash); batch \(input.batch.id ?? "-"); engine \(input.batch.engineVersion)",
            created: input.batch.scoredAt))

        let names = text.sheetNames
        let sheets = try names.map { ReportSheet(try book.addWorksheet(named: $0), text: text) }
        try sheets[0].sheet.setTabColor(ReportStyles.navy)
        try sheets[2].sheet.setTabColor(XLSXColor(rgb: 0x37_5623))
        try ReportSummarySheet(facts: facts).write(sheets[0])
        try ReportRankingSheet(facts: facts).write(sheets[1])
        try ReportRecommendedSheet(facts: facts).write(sheets[2])
        try ReportGroupsSheet(facts: facts).write(sheets[3])
        try ReportProfilesSheet(facts: facts, positions: profiles, omitted: omitted).write(sheets[4])
        try ReportMethodSheet(facts: facts).write(sheets[5])
        try ReportDataQualitySheet(facts: facts).write(sheets[6])
        try book.close()

        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw XLSXWriterError(path: path, reason: .invalidArgument("cannot move the finished workbook into place: \(reason)"))
        }
        return Outcome(
            path: path, sheetNames: names, enterprises: input.result.count, recommended: facts.recommendedCount,
            profiles: profiles.count, omittedProfiles: omitted, rejections: input.intake.rejections.count,
            usedConstantMemory: streamed)
    }

    /// The enterprises to profile: the recommended in list order, then the named ones not
    /// already among them; at most `limit`, keeping the named first. Also how many are left out.
    func profilePositions(limit: Int) -> (positions: [Int], omitted: Int) {
        let recommended = input.selection?.recommended ?? []
        let named = Set(namedPositions)
        let keptNamed = Set(namedPositions.prefix(limit))
        let others = recommended.filter { !named.contains($0) }
        let kept = keptNamed.union(others.prefix(max(0, limit - keptNamed.count)))
        let recommendedSet = Set(recommended)
        let order = recommended.filter { kept.contains($0) } + namedPositions.filter { kept.contains($0) && !recommendedSet.contains($0) }
        return (order, recommendedSet.union(named).count - order.count)
    }

    /// The position of `uscc` in a result, whose enterprises are in USCC order.
    static func position(of uscc: String, in result: ScoringResult) -> Int? {
        var low = 0
        var high = result.count
        while low < high {
            let middle = (low + high) / 2
            if result.profiles[middle].uscc < uscc { low = middle + 1 } else { high = middle }
        }
        return low < result.count && result.profiles[low].uscc == uscc ? low : nil
    }
}
