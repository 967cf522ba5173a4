import Foundation
import RongheKit
import Testing

@testable import RongheFuzz

@Suite struct FuzzCaseGeneratorTests {
    @Test func everyTargetHasSeeds() {
        for target in FuzzTarget.allCases {
            #expect(FuzzFixtures.seeds.count(for: target) >= 20, "\(target.rawValue)")
        }
    }

    /// A seed and a case number are all it takes to get a finding's input back.
    @Test(arguments: FuzzTarget.allCases)
    func theSameSeedAndCaseGiveTheSameInput(target: FuzzTarget) throws {
        let directory = try FuzzFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let one = try FuzzCaseGenerator(seeds: FuzzFixtures.seeds, scratch: directory)
        let two = try FuzzCaseGenerator(seeds: FuzzSeeds(repository: FuzzFixtures.repository), scratch: directory)
        var distinct = Set<[UInt8]>()
        for index: UInt64 in 0..<50 {
            let input = one.input(for: target, seed: 7, case: index)
            #expect(input == two.input(for: target, seed: 7, case: index))
            distinct.insert(input)
        }
        #expect(distinct.count > 40)
        #expect(one.input(for: target, seed: 7, case: 3) != one.input(for: target, seed: 8, case: 3))
    }

    @Test func workbookMutationsAreRepackedAsReadableZips() throws {
        let directory = try FuzzFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generator = try FuzzCaseGenerator(seeds: FuzzFixtures.seeds, scratch: directory)
        var opened = 0
        for index: UInt64 in 0..<200 {
            let path = directory.appendingPathComponent("case.xlsx").path
            try Data(generator.input(for: .xlsx, seed: 1, case: index)).write(to: URL(fileURLWithPath: path))
            if (try? ZipArchive(path: path)) != nil { opened += 1 }
        }
        // Most cases mutate the XML inside and keep the zip whole, so the XML is what is tested.
        #expect(opened > 100)
    }
}
