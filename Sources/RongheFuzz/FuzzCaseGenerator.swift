import Foundation
import RongheKit

/// Makes the input of any fuzz case from the seeds: the same run seed and case number give the
/// same bytes, so a crash found in a long run is reproduced from two numbers.
public struct FuzzCaseGenerator {
    /// The files mutations start from.
    public let seeds: FuzzSeeds
    /// The parts of every workbook seed that opens as a zip, for part-level mutations.
    private let packages: [String: [XLSXMutator.Part]]
    /// Inputs never grow past this.
    public static let maximumSize = 4 << 20

    /// Prepares the seeds; workbook seeds are unpacked (within ``XLSXLimits``) through `scratch`.
    public init(seeds: FuzzSeeds, scratch: URL) throws {
        self.seeds = seeds
        var packages: [String: [XLSXMutator.Part]] = [:]
        let limits = XLSXLimits(maxEntrySize: 2 << 20, maxTotalSize: 4 << 20)
        let path = scratch.appendingPathComponent("seed.xlsx").path
        for seed in seeds.files[.xlsx] ?? [] {
            try Data(seed.bytes).write(to: URL(fileURLWithPath: path))
            guard let archive = try? ZipArchive(path: path, limits: limits) else { continue }
            var parts: [XLSXMutator.Part] = []
            for entry in archive.entries {
                guard let data = try? archive.data(ofEntry: entry.name) else { parts = []; break }
                parts.append((entry.name, [UInt8](data)))
            }
            if !parts.isEmpty { packages[seed.name] = parts }
        }
        try? FileManager.default.removeItem(atPath: path)
        self.packages = packages
    }

    /// The input of case `index` of the run `seed` for `target`.
    public func input(for target: FuzzTarget, seed: UInt64, case index: UInt64) -> [UInt8] {
        let files = seeds.files[target] ?? []
        guard !files.isEmpty else { return [] }
        let tag = UInt64(FuzzTarget.allCases.firstIndex(of: target)!) << 56
        var random = FuzzRandom(seed: seed, case: index ^ tag)
        let base = random.pick(files)
        let other = random.pick(files)
        let bytes = ByteMutator(dictionary: target.dictionary, maximumSize: Self.maximumSize)
        if target == .xlsx, let parts = packages[base.name], random.chance(3, in: 4) {
            let others = packages[other.name] ?? []
            return XLSXMutator(bytes: bytes).mutate(parts, others: others, random: &random)
        }
        return bytes.mutate(base.bytes, other: other.bytes, random: &random)
    }
}
