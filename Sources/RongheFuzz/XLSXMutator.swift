/// Mutations of a workbook's parts, repacked into a well-formed zip (``StoredZipWriter``): the XML
/// inside gets attributes set to values past the grid or out of range, elements repeated, dropped
/// or swapped, a DTD, another encoding, or byte-level damage; parts are dropped, renamed,
/// duplicated or swapped. Now and then the zip itself is damaged too.
struct XLSXMutator {
    /// One part of a package: its entry name and bytes.
    typealias Part = (name: String, bytes: [UInt8])

    let bytes: ByteMutator

    private static let attributes = ["r", "t", "s", "Id", "Target", "TargetMode", "r:id", "name", "state", "count",
                                     "uniqueCount", "ref", "date1904", "numFmtId", "formatCode", "xfId", "Type", "sheetId"]
    private static let values = ["", "0", "-1", "A0", "XFD1048576", "XFE1", "A1048577", "ZZZZ1", "a1", "$A$1", "1:1",
                                 "s", "b", "e", "d", "n", "str", "inlineStr", "x", "999999", "65536", "2147483648", "NaN",
                                 "../../../../etc/passwd", "/xl/worksheets/sheet1.xml", "http://example.com/x", "External",
                                 "worksheets/sheet1.xml", "sharedStrings.xml", "rId1", "rId999", "hidden", "veryHidden",
                                 "1", "true", "14", "10", "0.00%", "yyyy-mm-dd", "\"", "&amp;", "&#0;", "&bogus;"]
    private static let texts = ["", "0", "-0", "1e400", "NaN", "INF", "1E-400", "99999999999999999999", "2026-02-30",
                                "2026-03-01T00:00:00", "1", "2", "true", "#N/A", "_x0000_", "_x005F_x0041_", "&lt;",
                                "=cmd|' /C calc'!A0", "不适用", "是", " ", "4294967296", "-2147483649", "1048576"]
    private static let elements = ["row", "c", "si", "sheet", "Relationship", "xf", "numFmt", "v", "is", "t", "f"]

    /// A mutated package built from `parts`; `others` (another seed's parts) may lend a part.
    func mutate(_ parts: [Part], others: [Part], random: inout FuzzRandom) -> [UInt8] {
        var parts = parts
        for _ in 0..<random.int(in: 1...3) {
            mutateOnce(&parts, others: others, random: &random)
        }
        var zip = StoredZipWriter()
        zip.entries = parts
        var packed = zip.bytes()
        if random.chance(1, in: 8) {
            bytes.mutateOnce(&packed, other: [], random: &random)
        }
        return packed
    }

    private func mutateOnce(_ parts: inout [Part], others: [Part], random: inout FuzzRandom) {
        guard !parts.isEmpty else { return }
        let index = pickPart(parts, random: &random)
        switch random.below(20) {
        case 0..<13:
            mutateXML(&parts[index].bytes, random: &random)
        case 13:
            parts.remove(at: index)
        case 14:
            let name = parts[index].name
            let renamed = [name.uppercased(), name + "/", "/" + name, "../" + name, name.replacingOccurrences(of: "/", with: "\\"),
                           String(name.dropLast())]
            parts[index].name = random.pick(renamed)
        case 15:
            parts.insert(parts[index], at: random.below(parts.count + 1))
        case 16 where !others.isEmpty:
            let lent = random.pick(others)
            parts[index].bytes = lent.bytes
        case 17:
            let other = random.below(parts.count)
            (parts[index].bytes, parts[other].bytes) = (parts[other].bytes, parts[index].bytes)
        default:
            bytes.mutateOnce(&parts[index].bytes, other: [], random: &random)
        }
    }

    /// Sheets are chosen three times as often as other parts: most of the reading happens there.
    private func pickPart(_ parts: [Part], random: inout FuzzRandom) -> Int {
        var weighted: [Int] = []
        for (index, part) in parts.enumerated() {
            let weight = part.name.contains("worksheets/") ? 3 : part.name.hasSuffix(".xml") || part.name.hasSuffix(".rels") ? 1 : 0
            weighted += Array(repeating: index, count: weight)
        }
        return weighted.isEmpty ? random.below(parts.count) : random.pick(weighted)
    }

    private func mutateXML(_ xml: inout [UInt8], random: inout FuzzRandom) {
        switch random.below(9) {
        case 0, 1:
            // An attribute's value.
            let name = random.pick(Self.attributes)
            let ranges = find(Array(" \(name)=\"".utf8), in: xml)
            guard let start = ranges.isEmpty ? nil : random.pick(ranges).upperBound,
                let end = xml[start...].firstIndex(of: UInt8(ascii: "\""))
            else { return bytes.mutateOnce(&xml, other: [], random: &random) }
            xml.replaceSubrange(start..<end, with: Array(random.pick(Self.values).utf8))
        case 2, 3:
            // A value or text.
            let tag = random.pick(["<v>", "<t>", "<t xml:space=\"preserve\">", "<f>"])
            let ranges = find(Array(tag.utf8), in: xml)
            guard let start = ranges.isEmpty ? nil : random.pick(ranges).upperBound,
                let end = xml[start...].firstIndex(of: UInt8(ascii: "<"))
            else { return bytes.mutateOnce(&xml, other: [], random: &random) }
            var text = Array(random.pick(Self.texts).utf8)
            if random.chance(1, in: 6) {
                // A long text: past a cell's 32,767 characters, or just under.
                text = Array(repeating: UInt8(ascii: "x"), count: random.pick([32_767, 32_768, 70_000]))
            }
            xml.replaceSubrange(start..<end, with: text)
        case 4:
            // An element repeated (many rows or cells), dropped, or moved after another.
            let tag = random.pick(Self.elements)
            let elements = elementRanges(tag, in: xml)
            guard !elements.isEmpty else { return bytes.mutateOnce(&xml, other: [], random: &random) }
            let chosen = random.pick(elements)
            let element = Array(xml[chosen])
            switch random.below(3) {
            case 0:
                let times = random.skewedCount(max: 4000)
                var copies: [UInt8] = []
                for _ in 0..<times where copies.count + element.count <= bytes.maximumSize / 2 {
                    copies += element
                }
                xml.insert(contentsOf: copies, at: chosen.upperBound)
            case 1:
                xml.removeSubrange(chosen)
            default:
                let target = random.pick(elements)
                guard target.lowerBound >= chosen.upperBound else { return }
                xml.insert(contentsOf: element, at: target.upperBound)
                xml.removeSubrange(chosen)
            }
        case 5:
            // A DTD, a comment, a processing instruction or CDATA somewhere.
            let insertions = ["<!DOCTYPE x [<!ENTITY e \"eeeeeeeeee\">]>", "<!-- x -->", "<?pi x?>", "<![CDATA[<c>]]>",
                              "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "&e;"]
            let text = Array(random.pick(insertions).utf8)
            let at = random.chance(1, in: 2) ? (find(Array("?>".utf8), in: xml).first?.upperBound ?? 0) : random.below(xml.count + 1)
            xml.insert(contentsOf: text, at: at)
        case 6:
            // The same XML in UTF-16, as XML allows; sometimes without its byte order mark.
            guard let text = String(validating: xml, as: UTF8.self) else { return }
            let units = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").utf16
            var utf16: [UInt8] = random.chance(3, in: 4) ? [0xFF, 0xFE] : []
            for unit in units {
                utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            xml = utf16
        case 7:
            if !xml.isEmpty {
                xml.removeSubrange(random.below(xml.count)...)
            }
        default:
            bytes.mutateOnce(&xml, other: [], random: &random)
        }
    }

    /// Where `needle` occurs in `haystack` from `start` on, at most `limit` times.
    private func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0, limit: Int = 4096) -> [Range<Int>] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Range<Int>] = []
        var index = start
        let first = needle[0]
        while index <= haystack.count - needle.count && found.count < limit {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) {
                found.append(index..<index + needle.count)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// The elements `<tag …>…</tag>` or `<tag …/>` (not nested in one of the same name).
    private func elementRanges(_ tag: String, in xml: [UInt8]) -> [Range<Int>] {
        let close = Array("</\(tag)>".utf8)
        var ranges: [Range<Int>] = []
        for open in find(Array("<\(tag)".utf8), in: xml) {
            guard open.upperBound < xml.count else { continue }
            let next = xml[open.upperBound]
            guard next == UInt8(ascii: " ") || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else { continue }
            guard let tagEnd = xml[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) else { continue }
            if xml[tagEnd - 1] == UInt8(ascii: "/") {
                ranges.append(open.lowerBound..<tagEnd + 1)
            } else if let end = find(close, in: xml, from: tagEnd, limit: 1).first {
                ranges.append(open.lowerBound..<end.upperBound)
            }
            if ranges.count >= 512 { break }
        }
        return ranges
    }
}
