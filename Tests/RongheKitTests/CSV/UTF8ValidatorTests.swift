import Testing

@testable import RongheKit

extension CSVDecodingTests {
    @Suite struct UTF8ValidatorTests {
        private func check(_ bytes: [UInt8]) -> UTF8Validator.Result {
            bytes.withUnsafeBufferPointer(UTF8Validator.check)
        }

        @Test(arguments: [
            ([], UTF8Validator.Result.valid),
            (Array("plain ascii, more than eight bytes".utf8), .valid),
            (Array("德州𠀀😀ä".utf8), .valid),
            ([0x61, 0x80], .invalid(index: 1)),
            ([0x61, 0xE5, 0xBE], .incomplete(index: 1)),
            ([0x61, 0xE5, 0xBE, 0x2C], .invalid(index: 1)),
            ([0xF0, 0x9F, 0x98], .incomplete(index: 0)),
            ([0xE0, 0x9F, 0x80], .invalid(index: 0)),
            ([0xED, 0x9F, 0xBF], .valid),
            ([0xED, 0xA0, 0x80], .invalid(index: 0)),
            ([0xF4, 0x8F, 0xBF, 0xBF], .valid),
            ([0xF4, 0x90, 0x80, 0x80], .invalid(index: 0)),
            ([0xC1, 0xBF], .invalid(index: 0)),
            ([0xF5, 0x80, 0x80, 0x80], .invalid(index: 0)),
            (Array("0123456789abcdef".utf8) + [0xFF], .invalid(index: 16)),
        ] as [([UInt8], UTF8Validator.Result)])
        func knownCases(bytes: [UInt8], expected: UTF8Validator.Result) {
            #expect(check(bytes) == expected)
        }

        /// Swift's own decoder is the reference: a buffer is valid exactly when it decodes without
        /// repairs, and when it is not, the validator stops where the decoder first fails.
        @Test(arguments: 0..<50)
        func agreesWithSwiftsDecoderOnRandomBytes(seed: Int) {
            var random = SplitMix64(seed: UInt64(seed))
            for _ in 0..<200 {
                // Mostly pieces of real UTF-8, with some raw bytes thrown in.
                var bytes: [UInt8] = []
                for _ in 0..<Int.random(in: 0...12, using: &random) {
                    if Int.random(in: 0..<4, using: &random) == 0 {
                        bytes.append(UInt8.random(in: 0...255, using: &random))
                    } else {
                        let scalar = Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &random)) ?? "德"
                        bytes += Array(String(scalar).utf8)
                    }
                }
                let swiftValid = String(validating: bytes, as: UTF8.self) != nil
                let result = check(bytes)
                #expect((result == .valid) == swiftValid, "seed \(seed): \(bytes)")
                if case let .invalid(index) = result {
                    // Everything before the reported index is well-formed, and the bytes from it on are not.
                    #expect(String(validating: bytes[..<index], as: UTF8.self) != nil, "seed \(seed): \(bytes)")
                    var decoder = UTF8()
                    var iterator = bytes[index...].makeIterator()
                    if case .scalarValue = decoder.decode(&iterator) {
                        Issue.record("seed \(seed): \(bytes) decodes at \(index)")
                    }
                }
            }
        }

        @Test(arguments: 0..<20)
        func aCutStringIsIncompleteExactlyAtTheCutCharacter(seed: Int) {
            var random = SplitMix64(seed: UInt64(seed))
            let text = "a德𠀀😀ä,\n€"
            let bytes = Array(text.utf8)
            for _ in 0..<20 {
                let cut = Int.random(in: 0...bytes.count, using: &random)
                // Scalar starts: the offsets where a non-continuation byte sits.
                let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
                let lastStart = starts.last { $0 <= cut }!
                let expected: UTF8Validator.Result = lastStart == cut ? .valid : .incomplete(index: lastStart)
                #expect(check(Array(bytes[..<cut])) == expected, "cut at \(cut)")
            }
        }
    }
}
