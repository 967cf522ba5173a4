import Foundation
import RongheKit

/// `ronghe-bench store`: imports N synthetic enterprises from one CSV file into a fresh campaign
/// database, scores them, reads the batch back, and prints wall times and sizes.
///
///     swift build -c release --product ronghe-bench
///     .build/release/ronghe-bench store --count 100000 --seed 1
enum StoreBenchmark {
    static let usage = """
        ronghe-bench store [--count N] [--seed S] [--tree FILE] [--resubmit M] [--keep DIR]

        store       write N synthetic enterprises (default 100000) to one CSV file, import it into
                    a fresh database, import it again (already imported), import M resubmissions
                    (default 1000), score, read the batch back and check it against the engine
                    bit for bit; print wall times and the database's size. --keep DIR keeps the
                    database and CSV there instead of a temporary directory.
        """

    static func run(_ arguments: ArraySlice<String>) throws {
        let options = try options(arguments)
        let allowed: Set<String> = ["count", "seed", "tree", "resubmit", "keep"]
        if let unknown = options.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw BenchError(description: "unknown option --\(unknown)")
        }
        let count: Int = try number(options, "count", 100_000)
        let seed: UInt64 = try number(options, "seed", 1)
        let resubmit: Int = min(try number(options, "resubmit", 1_000), count)
        let treeURL = URL(fileURLWithPath: options["tree"] ?? "indicators/lianghua-default.json")
        let tree = try IndicatorTree.load(contentsOf: treeURL)
        let directory = options["keep"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-bench-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if options["keep"] == nil { try? FileManager.default.removeItem(at: directory) } }
        let database = directory.appendingPathComponent("bench.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }

        let clock = ContinuousClock()
        var start = clock.now
        let csv = directory.appendingPathComponent("synthetic.csv")
        try write(SurveyGenerator(tree: tree, seed: seed).prefix(count), to: csv, tree: tree)
        let generating = seconds(clock.now - start)
        let csvSize = try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int ?? 0

        // What any import pays before the store: reading and validating every record.
        start = clock.now
        var validated = 0
        _ = try SurveyIntake(tree: tree).process(csv, file: "synthetic.csv") { _, validation in
            if validation.response != nil { validated += 1 }
        }
        let validating = seconds(clock.now - start)

        let store = try CampaignStore.open(path: database, createIfMissing: true)
        let campaign = try store.createCampaign(name: "bench", treeJSON: Data(contentsOf: treeURL), source: treeURL.path)
        start = clock.now
        let report = try store.importFile(at: csv, name: "synthetic.csv", into: campaign)
        let importing = seconds(clock.now - start)
        start = clock.now
        let again = try store.importFile(at: csv, name: "synthetic.csv", into: campaign)
        let reimporting = seconds(clock.now - start)
        precondition(again.isAlreadyImported)

        // Resubmissions: the first M enterprises again, one answer each changed.
        let changed = SurveyGenerator(tree: tree, seed: seed).prefix(resubmit).enumerated().map { index, survey in
            var survey = survey
            survey.answers["B1.2"] = .number(Double(index % 50))
            return survey
        }
        let resubmissions = directory.appendingPathComponent("resubmissions.csv")
        try write(changed, to: resubmissions, tree: tree)
        start = clock.now
        let second = try store.importFile(at: resubmissions, name: "resubmissions.csv", into: campaign)
        let resubmitting = seconds(clock.now - start)

        start = clock.now
        let scored = try store.scoreCampaign(campaign)
        let scoring = seconds(clock.now - start)
        start = clock.now
        let unchanged = try store.scoreCampaign(campaign)
        let rescoring = seconds(clock.now - start)
        precondition(!unchanged.isNew)

        start = clock.now
        let results = try store.results(batch: scored.batch.id)
        let ranking = seconds(clock.now - start)
        start = clock.now
        let explanation = try store.explanation(uscc: results[results.count / 2].uscc, in: campaign)
        let explaining = seconds(clock.now - start)
        start = clock.now
        let cards = try store.scoreCards(batch: scored.batch.id)
        let inputs = try store.batchInputs(batch: scored.batch.id)
        let loading = seconds(clock.now - start)
        start = clock.now
        let engine = try ScoringEngine(tree: inputs.tree).score(inputs.responses)
        let engineScoring = seconds(clock.now - start)
        let identical = cards.count == engine.count && zip(cards, engine).allSatisfy { stored, computed in
            stored.total.bitPattern == computed.total.bitPattern && stored.ranks == computed.ranks
                && zip(stored.nodes, computed.nodes).allSatisfy { a, b in
                    a.score?.bitPattern == b.score?.bitPattern && a.weight.bitPattern == b.weight.bitPattern
                        && a.globalWeight.bitPattern == b.globalWeight.bitPattern && a.value?.bitPattern == b.value?.bitPattern
                        && a.flags == b.flags
                }
        }

        try store.checkpoint()
        let size = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
        let tables = (try? store.spaceUsed()) ?? []

        func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        print("ronghe-bench store: engine \(engineVersion), tree \(tree.id) \(tree.version), \(count) enterprises, seed \(seed)")
        print(String(format: "generate   %8.3f s  (CSV %@)", generating, mb(csvSize)))
        print(String(format: "validate   %8.3f s  (read and validate only, no store: %d accepted)", validating, validated))
        print(String(format: "import     %8.3f s  %.0f records/s  (%d accepted, %d rejected; store's share %.3f s)", importing,
                     Double(report.imported.records) / importing, report.imported.accepted, report.imported.rejected,
                     importing - validating))
        print(String(format: "re-import  %8.3f s  (already imported: read and hash only)", reimporting))
        print(String(format: "resubmit   %8.3f s  (%d records: %d superseding, %d unchanged, %d new)", resubmitting,
                     second.imported.records, second.imported.resubmissions, second.imported.unchanged, second.imported.newSubmissions))
        print(String(format: "score      %8.3f s  (batch %lld: %d enterprises, %d ranked; read, score, select, write)", scoring,
                     scored.batch.id, scored.batch.enterprises, scored.batch.ranked))
        print(String(format: "re-score   %8.3f s  (nothing changed: read and compare only)", rescoring))
        print(String(format: "rank       %8.3f s  (load %d results in ranking order)", ranking, results.count))
        print(String(format: "show       %8.3f s  (one explanation, %d nodes)", explaining, explanation.card.nodes.count))
        print(String(format: "load       %8.3f s  (every score card and the batch's inputs)", loading))
        print(String(format: "engine     %8.3f s  (scoring the loaded inputs in memory)", engineScoring))
        print("stored results identical to the engine's, bit for bit: \(identical ? "yes" : "NO")")
        print("database \(mb(size)) after checkpoint")
        for (name, bytes) in tables.prefix(8) { print("  \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(mb(bytes))") }
        if !identical { throw BenchError(description: "stored results differ from the engine's") }
    }

    static func write(_ surveys: some Sequence<SurveyResponse>, to url: URL, tree: IndicatorTree) throws {
        let writer = try SurveyCSVWriter(url: url, tree: tree)
        for survey in surveys { try writer.write(survey) }
        try writer.close()
    }
}
