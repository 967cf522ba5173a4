/// Bounds that keep an untrusted workbook from exhausting memory, disk or time.
///
/// Enterprises and district offices send the files Ronghe reads, so every size in a package is
/// treated as hostile: sizes are counted as bytes are actually decompressed and as cells are
/// actually parsed, never taken from headers. The defaults fit a 100,000-row batch sheet with room
/// to spare; tests and special jobs may tighten or loosen them.
public struct XLSXLimits: Sendable, Equatable {
    /// The most entries (parts) a zip package may list.
    public var maxEntryCount: Int
    /// The most bytes one entry may decompress to.
    public var maxEntrySize: Int64
    /// The most bytes all entries read from one package may decompress to, each entry counted once.
    public var maxTotalSize: Int64
    /// The most an entry may expand relative to the compressed bytes consumed so far, or `nil` for
    /// no ratio check. Checked only once the entry is past ``compressionRatioThreshold``.
    public var maxCompressionRatio: Int?
    /// How many decompressed bytes an entry may produce before its compression ratio is checked;
    /// small parts such as `styles.xml` are often highly compressible and are harmless.
    public var compressionRatioThreshold: Int64
    /// The most `<c>` elements one sheet may contain, counted while streaming.
    public var maxCellCount: Int
    /// The most UTF-16 code units one string may have (Excel's own limit is 32,767).
    public var maxStringLength: Int
    /// The most entries the shared-string table may have.
    public var maxSharedStringCount: Int
    /// The most cells, blanks included, that ``XLSXReader/grid(ofSheet:)`` loads at once.
    public var maxGridCellCount: Int

    /// Creates limits; every argument defaults to the value in ``default``.
    public init(
        maxEntryCount: Int = 10_000,
        maxEntrySize: Int64 = 512 * 1024 * 1024,
        maxTotalSize: Int64 = 1024 * 1024 * 1024,
        maxCompressionRatio: Int? = 200,
        compressionRatioThreshold: Int64 = 4 * 1024 * 1024,
        maxCellCount: Int = 20_000_000,
        maxStringLength: Int = 32_767,
        maxSharedStringCount: Int = 2_000_000,
        maxGridCellCount: Int = 2_000_000
    ) {
        self.maxEntryCount = maxEntryCount
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.compressionRatioThreshold = compressionRatioThreshold
        self.maxCellCount = maxCellCount
        self.maxStringLength = maxStringLength
        self.maxSharedStringCount = maxSharedStringCount
        self.maxGridCellCount = maxGridCellCount
    }

    /// 10,000 entries; 512 MB per entry; 1 GB in total; 200:1 past 4 MB; 20 million cells per
    /// sheet; 32,767 characters per string; 2 million shared strings; 2 million grid cells.
    public static let `default` = XLSXLimits()
}
