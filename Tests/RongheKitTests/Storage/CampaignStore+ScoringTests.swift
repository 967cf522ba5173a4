import Foundation
import RongheTestSupport
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct CampaignStoreScoringTests {
        /// Reads files straight through the intake, as `ronghe score --indicators` does: the
        /// expected surveys, independent of the store.
        static func surveysRead(from urls: [URL], names: [String], tree: IndicatorTree) throws -> [SurveyResponse] {
            let intake = SurveyIntake(tree: tree, currentYear: 2026)
            var responses: [SurveyResponse] = []
            for (url, name) in zip(urls, names) {
                _ = try intake.process(url, file: name) { _, validation in
                    if let response = validation.response { responses.append(response) }
                }
            }
            return responses
        }

        @Test func storedResultsEqualTheEnginesBitForBit() throws {
            let test = try TestStore()
            let names = TestStore.sampleSurveys.map { "surveys/json/\($0.lastPathComponent)" }
            for (url, name) in zip(TestStore.sampleSurveys, names) { try test.importFile(url, name: name) }
            var maker = SurveyCSVMaker(tree: test.tree, seed: 2026)
            let csv = try test.write(maker.csv(0..<300), as: "batch.csv")
            try test.importFile(csv)

            let report = try test.store.scoreCampaign(test.campaign)
            #expect(report.isNew && report.exclusions.isEmpty)
            #expect(report.batch.enterprises == 306)
            #expect(report.batch.tree.revision == 1 && report.batch.engineVersion == engineVersion)

            let expectedSurveys = try Self.surveysRead(
                from: TestStore.sampleSurveys + [csv], names: names + ["batch.csv"], tree: test.tree)
            let engine = try ScoringEngine(tree: test.tree).score(expectedSurveys)
            let stored = try test.store.scoreCards(batch: report.batch.id)
            #expect(stored.count == engine.count)
            for (card, expected) in zip(stored, engine) { expectIdentical(card, expected) }
            // The flags variety the generated batch brings: blanks scored zero, clamped values.
            let flags = engine.flatMap { $0.nodes.map(\.flags) }.reduce(ScoreFlags()) { $0.union($1) }
            #expect(flags.contains(.zeroForMissing) && flags.contains(.notApplicable) && flags.contains(.partial))

            let inputs = try test.store.batchInputs(batch: report.batch.id)
            #expect(inputs.tree == test.tree)
            #expect(inputs.responses == expectedSurveys.sorted { $0.profile.uscc < $1.profile.uscc })

            let results = try test.store.results(batch: report.batch.id)
            #expect(results.map(\.uscc) == engine.rankingOrder.map { engine[$0].profile.uscc })
            let selection = try Selection.select(engine)
            for result in results {
                let decision = selection.decisions[result.position]
                #expect(result.isEligible == decision.isEligible && result.isRecommended == decision.isRecommended)
                #expect(result.selectionPlace == decision.place && result.track == engine.track(at: result.position)?.id)
            }
            #expect(report.batch.eligible == selection.decisions.filter(\.isEligible).count)
        }

        @Test func scoringAgainWithoutChangesAddsNoBatch() throws {
            let test = try TestStore()
            for url in TestStore.sampleSurveys { try test.importFile(url) }
            let first = try test.store.scoreCampaign(test.campaign)
            let again = try test.store.scoreCampaign(test.campaign)
            #expect(!again.isNew && again.batch == first.batch)
            let forced = try test.store.scoreCampaign(test.campaign, options: ScoreOptions(force: true))
            #expect(forced.isNew && forced.batch.id == first.batch.id + 1)
            #expect(try test.store.batches().map(\.id) == [first.batch.id, forced.batch.id])
        }

        @Test func aResubmissionIsScoredInsteadOfTheEarlierOne() throws {
            let test = try TestStore()
            for url in TestStore.sampleSurveys { try test.importFile(url) }
            let first = try test.store.scoreCampaign(test.campaign)
            let newer = try CampaignStoreImportTests.machinery(replacing: "\"C2.2\": 71", with: "\"C2.2\": 20")
            try test.importFile(test.write(newer, as: "newer.json"))
            let second = try test.store.scoreCampaign(test.campaign)
            #expect(second.isNew)
            let before = try test.store.explanation(uscc: "91371400163000111R", in: test.campaign, batch: first.batch.id)
            let after = try test.store.explanation(uscc: "91371400163000111R", in: test.campaign)
            #expect(after.batch.id == second.batch.id && after.source.file == "newer.json")
            #expect(after.response.answers["C2.2"] == .number(20) && before.response.answers["C2.2"] == .number(71))
            #expect(after.card.node("C2.2")?.score == 0 && after.result.total < before.result.total)
        }

        @Test func aStaffFlagVetoesTheEnterpriseOnceScored() throws {
            let test = try TestStore()
            for url in TestStore.sampleSurveys { try test.importFile(url) }
            let uscc = "91371400163000111R"
            let flag = try test.store.setFlag("falsified", uscc: uscc, in: test.campaign, note: "核查发现数据不实", by: "王科长")
            #expect(flag.isInForce && flag.setBy == "王科长" && flag.note == "核查发现数据不实")
            #expect(throws: StoreError.flagAlreadySet(flag: "falsified", uscc: uscc)) {
                try test.store.setFlag("falsified", uscc: uscc, in: test.campaign, by: "王科长")
            }
            #expect(throws: StoreError.unknownFlag(flag: "falsifed", known: ["falsified"])) {
                try test.store.setFlag("falsifed", uscc: uscc, in: test.campaign, by: "王科长")
            }
            #expect(throws: StoreError.noSubmission(uscc: SurveyCSVMaker.uscc(1), campaign: test.campaign.name)) {
                try test.store.setFlag("falsified", uscc: SurveyCSVMaker.uscc(1), in: test.campaign, by: "王科长")
            }

            let flagged = try test.store.scoreCampaign(test.campaign)
            let result = try #require(try test.store.results(batch: flagged.batch.id).first { $0.uscc == uscc })
            #expect(result.vetoes == ["falsified"] && result.staffFlags == ["falsified"])
            #expect(result.isEligible == false && result.isRecommended == false)

            let removed = try test.store.removeFlag("falsified", uscc: uscc, in: test.campaign, note: "复核无误", by: "李处长")
            #expect(!removed.isInForce && removed.removedBy == "李处长" && removed.removalNote == "复核无误")
            #expect(throws: StoreError.flagNotSet(flag: "falsified", uscc: uscc)) {
                try test.store.removeFlag("falsified", uscc: uscc, in: test.campaign, by: "李处长")
            }
            let cleared = try test.store.scoreCampaign(test.campaign)
            #expect(cleared.isNew)
            let again = try #require(try test.store.results(batch: cleared.batch.id).first { $0.uscc == uscc })
            #expect(again.vetoes.isEmpty && again.staffFlags.isEmpty && again.isRecommended == true)
            #expect(try test.store.staffFlags(uscc: uscc, in: test.campaign).count == 1)
        }

        @Test func aFailureHalfWayLeavesNoBatch() throws {
            let test = try TestStore()
            var maker = SurveyCSVMaker(tree: test.tree, seed: 5)
            try test.importFile(test.write(maker.csv(0..<50), as: "batch.csv"))
            let before = try test.rowCounts()
            var options = ScoreOptions()
            options.failureAfterResults = 25
            #expect(throws: InjectedFailure.self) { try test.store.scoreCampaign(test.campaign, options: options) }
            #expect(try test.rowCounts() == before)
            #expect(try test.store.integrityCheck().isEmpty)
            let report = try test.store.scoreCampaign(test.campaign)
            #expect(report.isNew && report.batch.enterprises == 50)
        }

        @Test func aRevisedTreeIsUsedAndTheBatchNamesItsRevision() throws {
            let test = try TestStore()
            for url in TestStore.sampleSurveys { try test.importFile(url) }
            let first = try test.store.scoreCampaign(test.campaign)
            // Revised weights only: the questions, so the parsed answers, stay valid.
            let text = try String(contentsOf: Fixtures.defaultTreeURL, encoding: .utf8)
                .replacingOccurrences(of: "\"version\": \"2026.1\"", with: "\"version\": \"2026.2\"")
            let change = try test.store.setTree(campaign: test.campaign, treeJSON: Data(text.utf8), source: "v2.json")
            let second = try test.store.scoreCampaign(change.campaign)
            #expect(second.isNew && second.revalidated == 0)
            #expect(first.batch.tree.revision == 1 && second.batch.tree.revision == 2)
            #expect(try test.store.batch(id: first.batch.id).tree.revision == 1)
            #expect(try test.store.batchInputs(batch: first.batch.id).tree.version == "2026.1")
        }

        @Test func changedQuestionsRevalidateAndExcludeWhatNoLongerPasses() throws {
            let test = try TestStore()
            for url in TestStore.sampleSurveys { try test.importFile(url) }
            // D1.1 may now count at most 4 links: the machinery group's 5 no longer passes.
            let text = try String(contentsOf: Fixtures.defaultTreeURL, encoding: .utf8)
            let revised = text.replacingOccurrences(of: "\"max\": 15", with: "\"max\": 4")
            try #require(revised != text)
            let change = try test.store.setTree(campaign: test.campaign, treeJSON: Data(revised.utf8), source: "v2.json")
            let report = try test.store.scoreCampaign(change.campaign)
            #expect(report.revalidated == 6)
            #expect(report.exclusions.map(\.uscc) == ["91371400163000111R"])
            #expect(report.exclusions.first?.issues.first { $0.severity == .error }?.formatted(.en)
                == "91371400163000111R.json:answers[\"D1.1\"]: error: D1.1 Integrated links among ERP, MES, PLM, CRM, SCM and EMS: 5 is above the maximum of 4")
            #expect(report.batch.enterprises == 5 && report.batch.excluded == 1)
            #expect(try test.store.exclusions(batchID: report.batch.id) == report.exclusions)
            #expect(try test.count("SELECT count(*) FROM revalidation") == 6)
            // Stored, the revalidation is not repeated; the batch inputs come from it.
            let again = try test.store.scoreCampaign(change.campaign, options: ScoreOptions(force: true))
            #expect(again.revalidated == 0 && again.exclusions == report.exclusions)
            let inputs = try test.store.batchInputs(batch: again.batch.id)
            let engine = try ScoringEngine(tree: inputs.tree).score(inputs.responses)
            for (card, expected) in zip(try test.store.scoreCards(batch: again.batch.id), engine) { expectIdentical(card, expected) }
        }

        @Test func anExplanationComesFromStoredData() throws {
            let test = try TestStore()
            for url in TestStore.sampleSurveys { try test.importFile(url, name: "surveys/json/\(url.lastPathComponent)") }
            let report = try test.store.scoreCampaign(test.campaign)
            let explanation = try test.store.explanation(uscc: "91371425MA3D2K8L0Y", in: test.campaign)
            #expect(explanation.batch == report.batch)
            #expect(explanation.result.vetoes == ["environment"])
            #expect(explanation.source.file == "surveys/json/91371425MA3D2K8L0Y.json")
            #expect(explanation.history.map(\.outcome) == [.new])
            #expect(explanation.card.nodes.first?.id == explanation.tree.root.id)
            #expect(throws: StoreError.notInBatch(uscc: "91371402MA0000001R", batch: report.batch.id)) {
                try test.store.explanation(uscc: "91371402MA0000001R", in: test.campaign)
            }
        }

        @Test func aCampaignNeverScoredHasNoRanking() throws {
            let test = try TestStore()
            #expect(throws: StoreError.nothingToScore(campaign: test.campaign.name)) { try test.store.scoreCampaign(test.campaign) }
            #expect(throws: StoreError.noBatches(campaign: test.campaign.name)) { try test.store.ranking(of: test.campaign) }
        }
    }
}
