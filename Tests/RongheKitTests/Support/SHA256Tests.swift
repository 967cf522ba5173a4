import Foundation
import Testing

@testable import RongheKit

@Suite struct SHA256Tests {
    // FIPS 180-4 and NIST vectors; the Chinese one was computed with coreutils sha256sum.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        ("两化融合", "1c115f30cf89ec596bdf0c2708132a06a5afb6deb61a3717a32b64fb9d94c9a6"),
    ])
    func knownDigests(message: String, expected: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == expected)
    }

    @Test func millionAs() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(of: message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func feedingInPiecesEqualsFeedingAtOnce() {
        let message = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for split in [0, 1, 55, 56, 63, 64, 65, 999, 1000] {
            var hasher = SHA256()
            hasher.update(message[..<split])
            hasher.update(message[split...])
            let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            #expect(hex == SHA256.hexDigest(of: message), "split at \(split)")
        }
    }

    /// Contiguous input takes the block-by-block path; any sequence the byte-by-byte one. Both,
    /// in any pieces, give the same digest.
    @Test(arguments: 0..<30 as Range<UInt64>)
    func contiguousAndOtherSequencesInRandomPiecesAgree(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let message = (0..<random.next(in: 0...700)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var contiguous = SHA256()
        var sequential = SHA256()
        var start = 0
        while start < message.count {
            let end = min(message.count, start + random.next(in: 0...150))
            contiguous.update(Data(message[start..<end]))
            sequential.update(message[start..<end].lazy.map { $0 })
            start = end
        }
        let expected = SHA256.hexDigest(of: message.lazy.map { $0 })
        #expect(contiguous.finalize().map { String(format: "%02x", $0) }.joined() == expected, "seed \(seed)")
        #expect(sequential.finalize().map { String(format: "%02x", $0) }.joined() == expected, "seed \(seed)")
    }
}
