import Testing

@testable import RongheKit

@Suite struct XLSXLimitsTests {
    // The documented defaults; changing one is a decision to record here.
    @Test func defaults() {
        let limits = XLSXLimits.default
        #expect(limits.maxEntryCount == 10_000)
        #expect(limits.maxEntrySize == 512 * 1024 * 1024)
        #expect(limits.maxTotalSize == 1024 * 1024 * 1024)
        #expect(limits.maxCompressionRatio == 200)
        #expect(limits.compressionRatioThreshold == 4 * 1024 * 1024)
        #expect(limits.maxCellCount == 20_000_000)
        #expect(limits.maxStringLength == 32_767)
        #expect(limits.maxSharedStringCount == 2_000_000)
        #expect(limits.maxGridCellCount == 2_000_000)
    }
}
