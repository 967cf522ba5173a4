import Foundation

/// The directory of an OLE2 compound file (Microsoft's "Compound File Binary" format), the
/// container of `.xls`, `.et`, `.doc` and of password-protected `.xlsx` workbooks.
///
/// Only stream and storage names are read: enough to tell those files apart and give the sender a
/// precise instruction. Every size and chain in the file is bounded, as the file is untrusted; a
/// damaged directory yields the names read before the damage.
struct CompoundFile {
    /// The eight bytes every compound file starts with.
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Names of the directory's streams and storages, in directory order.
    let entryNames: [String]

    private static let maxRegularSector: UInt32 = 0xFFFF_FFF9
    private static let maxDirectorySectors = 4096
    private static let maxDifatSectors = 4096

    /// Reads the directory of the compound file at `path`.
    ///
    /// - Throws: only when the file cannot be read at all; a malformed structure gives fewer names.
    init(path: String) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let header = try handle.read(upToCount: 512) ?? Data()
        guard header.count == 512, Array(header.prefix(8)) == Self.signature else {
            entryNames = []
            return
        }
        let header16 = { (offset: Int) in UInt16(header[offset]) | UInt16(header[offset + 1]) << 8 }
        let header32 = { (offset: Int) in
            UInt32(header[offset]) | UInt32(header[offset + 1]) << 8
                | UInt32(header[offset + 2]) << 16 | UInt32(header[offset + 3]) << 24
        }
        let sectorShift = header16(0x1E)
        guard sectorShift == 9 || sectorShift == 12 else {
            entryNames = []
            return
        }
        let sectorSize = 1 << Int(sectorShift)
        let idsPerSector = sectorSize / 4

        func readSector(_ sector: UInt32) throws -> [UInt8]? {
            guard sector <= Self.maxRegularSector else { return nil }
            try handle.seek(toOffset: (UInt64(sector) + 1) << UInt64(sectorShift))
            guard let data = try handle.read(upToCount: sectorSize), data.count == sectorSize else { return nil }
            return Array(data)
        }
        func id(in sector: [UInt8], at index: Int) -> UInt32 {
            let offset = index * 4
            return UInt32(sector[offset]) | UInt32(sector[offset + 1]) << 8
                | UInt32(sector[offset + 2]) << 16 | UInt32(sector[offset + 3]) << 24
        }

        // The FAT's own sectors are listed in the header (first 109) and then in a DIFAT chain.
        var fatSectors = (0..<109).map { header32(0x4C + $0 * 4) }.filter { $0 <= Self.maxRegularSector }
        var difatSector = header32(0x44)
        var difatSeen = 0
        while difatSector <= Self.maxRegularSector, difatSeen < Self.maxDifatSectors,
            let sector = try readSector(difatSector)
        {
            fatSectors += (0..<(idsPerSector - 1)).map { id(in: sector, at: $0) }.filter {
                $0 <= Self.maxRegularSector
            }
            difatSector = id(in: sector, at: idsPerSector - 1)
            difatSeen += 1
        }

        var fatCache: [Int: [UInt8]] = [:]
        func next(after sector: UInt32) throws -> UInt32? {
            let fatIndex = Int(sector) / idsPerSector
            guard fatIndex < fatSectors.count else { return nil }
            if fatCache[fatIndex] == nil {
                guard let fat = try readSector(fatSectors[fatIndex]) else { return nil }
                fatCache[fatIndex] = fat
            }
            return id(in: fatCache[fatIndex]!, at: Int(sector) % idsPerSector)
        }

        var names: [String] = []
        var visited: Set<UInt32> = []
        var sector: UInt32? = header32(0x30)
        while let current = sector, current <= Self.maxRegularSector, visited.count < Self.maxDirectorySectors,
            visited.insert(current).inserted, let bytes = try readSector(current)
        {
            for start in stride(from: 0, to: sectorSize, by: 128) {
                let nameBytes = Int(UInt16(bytes[start + 64]) | UInt16(bytes[start + 65]) << 8)
                let type = bytes[start + 66]
                // 1 storage, 2 stream, 5 root; 0 is an unused slot.
                guard [1, 2, 5].contains(type), nameBytes >= 2, nameBytes <= 64 else { continue }
                let units = (0..<(nameBytes / 2 - 1)).map {
                    UInt16(bytes[start + $0 * 2]) | UInt16(bytes[start + $0 * 2 + 1]) << 8
                }
                names.append(String(decoding: units, as: UTF16.self))
            }
            sector = try next(after: current)
        }
        entryNames = names
    }
}
