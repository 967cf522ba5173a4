/// Packs named parts into a zip file in memory, every entry stored (not compressed), in plain
/// Swift: how the fuzzer repacks a workbook whose XML it has mutated, so that the result is a
/// well-formed zip and the XML, not the zip structure, is what the reader is tested on.
///
/// Names are written as given, in UTF-8 (flag bit 11), however odd; sizes past 4 GB are not
/// supported (zip64 is never needed for fuzz inputs).
struct StoredZipWriter {
    /// The entries in the order they are written.
    var entries: [(name: String, bytes: [UInt8])] = []

    /// The zip file: local headers and data, the central directory, its end record.
    func bytes() -> [UInt8] {
        var local: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = CRC32.checksum(entry.bytes)
            let size = UInt32(truncatingIfNeeded: entry.bytes.count)
            let offset = UInt32(truncatingIfNeeded: local.count)
            // Local file header.
            append32(0x0403_4B50, to: &local)
            append16(20, to: &local)             // version needed
            append16(0x0800, to: &local)         // UTF-8 names
            append16(0, to: &local)              // stored
            append16(0, to: &local)              // time
            append16(0x5C61, to: &local)         // date: 2026-03-01
            append32(crc, to: &local)
            append32(size, to: &local)
            append32(size, to: &local)
            append16(UInt16(truncatingIfNeeded: name.count), to: &local)
            append16(0, to: &local)
            local += name
            local += entry.bytes
            // Central directory header.
            append32(0x0201_4B50, to: &central)
            append16(20, to: &central)           // made by
            append16(20, to: &central)           // needed
            append16(0x0800, to: &central)
            append16(0, to: &central)
            append16(0, to: &central)
            append16(0x5C61, to: &central)
            append32(crc, to: &central)
            append32(size, to: &central)
            append32(size, to: &central)
            append16(UInt16(truncatingIfNeeded: name.count), to: &central)
            append16(0, to: &central)            // extra
            append16(0, to: &central)            // comment
            append16(0, to: &central)            // disk
            append16(0, to: &central)            // internal attributes
            append32(name.last == UInt8(ascii: "/") ? 0x10 : 0, to: &central)
            append32(offset, to: &central)
            central += name
        }
        var end: [UInt8] = []
        append32(0x0605_4B50, to: &end)
        append16(0, to: &end)
        append16(0, to: &end)
        append16(UInt16(truncatingIfNeeded: entries.count), to: &end)
        append16(UInt16(truncatingIfNeeded: entries.count), to: &end)
        append32(UInt32(truncatingIfNeeded: central.count), to: &end)
        append32(UInt32(truncatingIfNeeded: local.count), to: &end)
        append16(0, to: &end)
        return local + central + end
    }

    private func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    private func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8((value >> UInt32(shift)) & 0xFF))
        }
    }
}
