import Foundation

extension XLSXWriter {
    /// How the workbook is produced.
    public struct Options: Hashable, Sendable {
        /// Streams each worksheet row to a temporary file instead of keeping the sheet in memory.
        ///
        /// Memory then stays flat however many rows are written, at the price of these rules:
        /// - rows must be written in ascending order: once a cell in row *n* is written, rows
        ///   before *n* are on disk and any write, row setting or merge touching them throws
        ///   ``XLSXWriterError/Reason/rowAlreadyFlushed(row:currentRow:)`` (libxlsxwriter itself
        ///   would only return a generic "index out of range"); cells within the current row may
        ///   come in any order;
        /// - a merged range must be written in one ``Worksheet/merge(_:text:style:)`` call, since
        ///   it writes blanks down to its last row: it cannot be merged first and filled later;
        /// - an autofilter must be set before the rows after its last row are written;
        /// - strings are stored inline in each cell rather than in the shared-string table, so the
        ///   file is larger and readers must understand `t="inlineStr"` cells;
        /// - charts get no cached values (spreadsheet programs recompute them on opening).
        /// Column widths, validation, conditional formats and protection work as usual.
        public var constantMemory: Bool
        /// The directory for libxlsxwriter's temporary files; `nil` is the system default.
        public var temporaryDirectory: String?
        /// Uses ZIP64 extensions, needed only for files over 4 GB.
        public var useZip64: Bool

        /// Creates options; by default the whole workbook is kept in memory.
        public init(constantMemory: Bool = false, temporaryDirectory: String? = nil, useZip64: Bool = false) {
            self.constantMemory = constantMemory
            self.temporaryDirectory = temporaryDirectory
            self.useZip64 = useZip64
        }
    }

    /// The document properties shown in a spreadsheet program's file information.
    ///
    /// Set ``created`` to a fixed date to get byte-identical files for identical content;
    /// otherwise libxlsxwriter stamps the time of writing. Dates always use Excel's 1900 date
    /// system; libxlsxwriter 1.1.4 cannot write 1904-based workbooks.
    public struct DocumentProperties: Hashable, Sendable {
        /// The document title.
        public var title: String?
        /// The subject.
        public var subject: String?
        /// The author.
        public var author: String?
        /// The manager.
        public var manager: String?
        /// The company, such as the bureau issuing the report.
        public var company: String?
        /// The category.
        public var category: String?
        /// Keywords.
        public var keywords: String?
        /// A free comment.
        public var comments: String?
        /// The creation time; `nil` is the time the file is written.
        public var created: Date?

        /// Creates properties; every field is optional.
        public init(
            title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
            company: String? = nil, category: String? = nil, keywords: String? = nil, comments: String? = nil,
            created: Date? = nil
        ) {
            self.title = title
            self.subject = subject
            self.author = author
            self.manager = manager
            self.company = company
            self.category = category
            self.keywords = keywords
            self.comments = comments
            self.created = created
        }
    }
}
