/// Invents realistic survey responses for an indicator tree, one at a time: for demonstrations,
/// tests and benchmarks.
///
/// ```swift
/// var generator = SurveyGenerator(tree: tree, seed: 7)
/// for response in generator.prefix(1000) { try writer.write(response) }
/// ```
///
/// Each enterprise has a valid unified social credit code (authority 9, type 1 or 2, the
/// registering division, an organisation code old or new style, the check character), a name
/// that reads like a real registration, a district of the chosen city and an industry weighted
/// towards the city's and the district's manufacturing; its size class agrees with its employees
/// and revenue (about 3% declare a neighbouring class, which the validator warns about). Answers
/// are drawn around a latent digital maturity that rises with size and with industries such as
/// electronics and automotive (see ``SyntheticEnterprise`` and ``LianghuaAnswerPlan`` for the
/// model). About 3% of firms leave most questions blank; a few report an accident, an
/// environmental incident, dishonesty or two loss years. Every response passes
/// ``SurveyValidator`` for the tree it was made for, and reads back unchanged from the files
/// ``SurveyCSVWriter``, ``SurveyXLSXWriter`` and ``SurveyJSONWriter`` write. (The one exception
/// is a tree with a required question no answer can satisfy, such as a whole-number question
/// whose bounds hold no whole number; the tree validator does not refuse those.)
///
/// The sequence is endless; take what you need with `prefix(_:)`. Enterprise *n* depends only
/// on the tree, the seed, the options and *n* (``response(at:)``), and the same inputs give the
/// same enterprises, bit for bit, on every machine: only SplitMix64 and basic arithmetic are used.
public struct SurveyGenerator: Sequence, IteratorProtocol, Sendable {
    /// Where and when the invented enterprises are.
    public struct Options: Sendable, Equatable {
        /// The city the enterprises are in; Dezhou by default.
        public var region: GeneratorRegion
        /// The survey year every response reports.
        public var year: Int

        public init(region: GeneratorRegion = .dezhou, year: Int = 2026) {
            self.region = region
            self.year = year
        }
    }

    public let tree: IndicatorTree
    public let seed: UInt64
    public let options: Options
    /// How many responses ``next()`` has returned.
    public private(set) var count = 0
    private let sampler: AnswerSampler

    public init(tree: IndicatorTree, seed: UInt64, options: Options = Options()) {
        self.tree = tree
        self.seed = seed
        self.options = options
        sampler = AnswerSampler(tree: tree)
    }

    /// The next enterprise's response; never nil.
    public mutating func next() -> SurveyResponse? {
        defer { count += 1 }
        return response(at: count)
    }

    /// Enterprise number `index` (0-based) of this generator's sequence.
    public func response(at index: Int) -> SurveyResponse {
        precondition(index >= 0, "enterprise numbers start at 0")
        var random = GeneratorRandom(seed: seed, stream: UInt64(index))
        let enterprise = SyntheticEnterprise.make(
            index: index, seed: seed, region: options.region, year: options.year, random: &random)
        let answers = sampler.answers(for: enterprise, random: &random)
        return SurveyResponse(profile: enterprise.profile, answers: answers)
    }
}
