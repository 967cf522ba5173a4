import Foundation
import RongheKit

@testable import RongheFuzz

/// The repository, its seeds and the default tree, shared by the fuzz tests.
enum FuzzFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tree = try! IndicatorTree.load(contentsOf: repository.appendingPathComponent("indicators/lianghua-default.json"))
    static let seeds = FuzzSeeds(repository: repository)

    /// A new empty directory; remove it with `removeItem` in a `defer`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-fuzz-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
