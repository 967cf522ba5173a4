import Foundation

/// The files mutations start from, per target: the repository's sample surveys, the malformed
/// corpus and the test fixtures, each read once.
public struct FuzzSeeds: Sendable {
    /// Seed files by target, in a fixed order (sorted by path), so runs are reproducible.
    public let files: [FuzzTarget: [(name: String, bytes: [UInt8])]]

    /// Seeds larger than this are left out: mutating them is slow and adds little.
    static let maximumSize = 1 << 20

    /// Reads every file under `directories` (recursively) whose extension a target takes.
    public init(directories: [URL]) {
        var found: [FuzzTarget: [(String, [UInt8])]] = [:]
        var paths: [String] = []
        for directory in directories {
            guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { continue }
            for case let relative as String in enumerator {
                paths.append(directory.appendingPathComponent(relative).path)
            }
        }
        for path in paths.sorted() {
            let ext = (path as NSString).pathExtension.lowercased()
            guard let target = FuzzTarget.allCases.first(where: { $0.accepts(fileExtension: ext) }),
                let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                (attributes[.type] as? FileAttributeType) == .typeRegular,
                let size = attributes[.size] as? Int, size <= Self.maximumSize,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            found[target, default: []].append(((path as NSString).lastPathComponent, [UInt8](data)))
        }
        files = found.mapValues { $0.map { (name: $0.0, bytes: $0.1) } }
    }

    /// The seeds of the repository at `root`: `surveys/` (samples and the malformed corpus) and
    /// `Tests/RongheKitTests/Fixtures` (forms, workbooks and CSV files made by real programs).
    public init(repository root: URL) {
        self.init(directories: [
            root.appendingPathComponent("surveys"),
            root.appendingPathComponent("Tests/RongheKitTests/Fixtures"),
        ])
    }

    /// How many seeds a target has.
    public func count(for target: FuzzTarget) -> Int {
        files[target]?.count ?? 0
    }
}
