/// Packs one enterprise's node results (``NodeResult``) into the compact BLOB the store keeps per
/// result row, and unpacks them bit for bit.
///
/// A batch of 100,000 enterprises over a 57-node tree has 5.7 million node results; one row each
/// would cost several hundred bytes of row and index overhead apiece and take minutes to insert.
/// Instead the node ids, nominal weights and each node's usual weights are stored once per batch
/// (`batch_node`), and each enterprise gets one BLOB holding, per node in tree order:
///
/// - a tag byte: two bits each for score, value, weight and global weight (bits 0–1, 2–3, 4–5, 6–7),
///   saying how the number is stored: 0 = absent (score, value: nil; weights: equal to the
///   batch's usual value for the node), 1 = 8 bytes of IEEE 754 bits (little-endian), 2 = a
///   whole number as a zigzag LEB128 varint (used only when it converts back exactly, so never
///   for -0.0);
/// - the flags (``ScoreFlags/rawValue``) as an LEB128 varint;
/// - then the numbers present, in the order score, value, weight, global weight.
///
/// A typical leaf (answered, score and value, usual weights) takes 4–19 bytes instead of 44. The
/// BLOB starts with a format byte (1) and the node count, so a reader can refuse what it does not
/// know.
enum NodeResultPacking {
    static let format: UInt8 = 1

    /// A batch's per-node facts, shared by every enterprise's BLOB.
    struct Layout: Equatable, Sendable {
        var ids: [String]
        var nominalWeights: [Double]
        /// The weight most enterprises carry: the nominal weight.
        var usualWeights: [Double]
        /// The global weight an enterprise carries when nothing was re-spread above the node.
        var usualGlobalWeights: [Double]
    }

    struct FormatError: Error, CustomStringConvertible {
        var problem: String
        var description: String { "the stored node results are not valid: \(problem)" }
    }

    private enum Kind: UInt8 {
        case absent = 0, bits = 1, integer = 2
    }

    static func pack(_ nodes: [NodeResult], layout: Layout, into bytes: inout [UInt8]) {
        precondition(nodes.count == layout.ids.count, "node results do not match the batch's nodes")
        start(count: nodes.count, into: &bytes)
        for (index, node) in nodes.enumerated() {
            append(
                score: node.score, value: node.value, weight: node.weight, globalWeight: node.globalWeight, flags: node.flags,
                usualWeight: layout.usualWeights[index], usualGlobalWeight: layout.usualGlobalWeights[index], to: &bytes)
        }
    }

    /// Packs the nodes of the enterprise at `row` straight from the engine's columns, as
    /// ``ScoringResult``'s subscript would present them, without building its ``ScoreCard``.
    static func pack(_ result: ScoringResult, row: Int, layout: Layout, into bytes: inout [UInt8]) {
        let plan = result.plan
        let columns = result.nodes
        let width = plan.nodes.count
        precondition(width == layout.ids.count, "node results do not match the batch's nodes")
        start(count: width, into: &bytes)
        for (index, node) in plan.nodes.enumerated() {
            let slot = row * width + index
            let score = columns.scores[slot]
            append(
                score: score.isNaN ? nil : score, value: node.leaf.flatMap { result.leaves.value(row: row, leaf: $0) },
                weight: columns.weights[slot], globalWeight: columns.globalWeights[slot], flags: columns.flags[slot],
                usualWeight: layout.usualWeights[index], usualGlobalWeight: layout.usualGlobalWeights[index], to: &bytes)
        }
    }

    private static func start(count: Int, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(format)
        appendVarint(UInt64(count), to: &bytes)
    }

    private static func append(
        score: Double?, value: Double?, weight: Double, globalWeight: Double, flags: ScoreFlags, usualWeight: Double,
        usualGlobalWeight: Double, to bytes: inout [UInt8]
    ) {
        let scoreKind = kind(of: score)
        let valueKind = kind(of: value)
        let weightKind = weight.bitPattern == usualWeight.bitPattern ? Kind.absent : kind(of: weight)
        let globalKind = globalWeight.bitPattern == usualGlobalWeight.bitPattern ? Kind.absent : kind(of: globalWeight)
        bytes.append(scoreKind.rawValue | valueKind.rawValue << 2 | weightKind.rawValue << 4 | globalKind.rawValue << 6)
        appendVarint(UInt64(flags.rawValue), to: &bytes)
        append(score, as: scoreKind, to: &bytes)
        append(value, as: valueKind, to: &bytes)
        append(weight, as: weightKind, to: &bytes)
        append(globalWeight, as: globalKind, to: &bytes)
    }

    static func unpack(_ bytes: [UInt8], layout: Layout) throws -> [NodeResult] {
        var reader = Reader(bytes: bytes)
        guard try reader.byte() == format else { throw FormatError(problem: "unknown format \(bytes.first ?? 0)") }
        let count = try reader.varint()
        guard count == UInt64(layout.ids.count) else {
            throw FormatError(problem: "\(count) nodes stored, the batch has \(layout.ids.count)")
        }
        var nodes: [NodeResult] = []
        nodes.reserveCapacity(layout.ids.count)
        for index in layout.ids.indices {
            let tag = try reader.byte()
            guard let flags = UInt32(exactly: try reader.varint()) else { throw FormatError(problem: "flags out of range") }
            let score = try reader.number(tag & 3)
            let value = try reader.number(tag >> 2 & 3)
            let weight = try reader.number(tag >> 4 & 3) ?? layout.usualWeights[index]
            let global = try reader.number(tag >> 6 & 3) ?? layout.usualGlobalWeights[index]
            nodes.append(NodeResult(
                id: layout.ids[index], score: score, weight: weight, nominalWeight: layout.nominalWeights[index],
                globalWeight: global, value: value, flags: ScoreFlags(rawValue: flags)))
        }
        guard reader.isAtEnd else { throw FormatError(problem: "\(bytes.count - reader.offset) bytes left over") }
        return nodes
    }

    private static func kind(of number: Double?) -> Kind {
        guard let number else { return .absent }
        if number == number.rounded(.towardZero), abs(number) < 0x1p52, !(number == 0 && number.sign == .minus) {
            return .integer
        }
        return .bits
    }

    private static func append(_ number: Double?, as kind: Kind, to bytes: inout [UInt8]) {
        guard let number else { return }
        switch kind {
        case .absent:
            break
        case .bits:
            var bits = number.bitPattern
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        case .integer:
            let integer = Int64(number)
            appendVarint(UInt64(bitPattern: (integer << 1) ^ (integer >> 63)), to: &bytes)
        }
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw FormatError(problem: "cut short") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 64 else { throw FormatError(problem: "a number is too long") }
                value |= UInt64(next & 0x7f) << shift
                if next < 0x80 { return value }
                shift += 7
            }
        }

        mutating func number(_ kind: UInt8) throws -> Double? {
            switch kind {
            case Kind.absent.rawValue:
                return nil
            case Kind.bits.rawValue:
                var bits: UInt64 = 0
                for shift in stride(from: 0, to: 64, by: 8) {
                    bits |= UInt64(try byte()) << UInt64(shift)
                }
                return Double(bitPattern: bits)
            case Kind.integer.rawValue:
                let zigzag = try varint()
                let integer = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
                return Double(integer)
            default:
                throw FormatError(problem: "unknown number kind \(kind)")
            }
        }
    }
}
