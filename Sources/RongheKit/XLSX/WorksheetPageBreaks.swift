internal import CXLSXWriter
import Foundation

// Manual page breaks, so that a printed report can start each block (such as one enterprise's
// profile) on a page of its own.
extension Worksheet {
    /// The most horizontal page breaks Excel keeps on one sheet.
    public static let maximumPageBreaks = 1023

    /// Starts a new printed page above each of `rows` (zero-based).
    ///
    /// Give all of a sheet's breaks in one call: a second call throws, because libxlsxwriter
    /// 1.1.4 would leak the first list. Rows are sorted and repeats dropped; row 0 cannot take a break (nothing is above it), and
    /// more than ``maximumPageBreaks`` breaks throw, since libxlsxwriter would silently keep only
    /// the first 1,023. Excel and LibreOffice ignore manual breaks on a sheet printed with
    /// ``PageSetup/fitToPagesWide``: use ``PageSetup/scale`` on such a sheet. Breaks are kept
    /// apart from the rows, so constant-memory mode allows them at any time.
    public func setPageBreaks(beforeRows rows: [Int]) throws {
        let sorted = Array(Set(rows)).sorted()
        if let first = sorted.first, first < 1 {
            throw error(.invalidArgument("a page break needs a row above it; row \(first) (zero-based) cannot take one"))
        }
        if let last = sorted.last, last >= XLSXWriter.maximumRows {
            throw error(.cellOutOfRange(row: last, column: 0))
        }
        if sorted.count > Self.maximumPageBreaks {
            throw error(.invalidArgument(
                "\(sorted.count) page breaks are more than Excel's \(Self.maximumPageBreaks) per sheet"))
        }
        let (book, handle) = try live()
        if state.hasPageBreaks {
            throw error(.invalidArgument("the sheet's page breaks are already set; give them all in one call"))
        }
        guard !sorted.isEmpty else { return }
        state.hasPageBreaks = true
        // A zero ends the list, as libxlsxwriter expects; it copies the list.
        var breaks = sorted.map { lxw_row_t($0) } + [0]
        try breaks.withUnsafeMutableBufferPointer { buffer in
            try book.check(
                worksheet_set_h_pagebreaks(handle, buffer.baseAddress), "worksheet_set_h_pagebreaks", sheet: name)
        }
    }
}
