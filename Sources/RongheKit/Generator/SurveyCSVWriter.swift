import Foundation

/// Writes survey responses as a batch CSV file, one enterprise per line, the way a bureau's
/// summary sheet saved from Excel or WPS looks: an optional title row, a header row of Chinese
/// field names and `id label` question headers, values as people type them (see
/// ``SurveyValueFormatter``), CRLF line ends.
///
/// UTF-8 files begin with a byte order mark by default (Excel needs it to read UTF-8); GB18030
/// files, as Chinese spreadsheet programs save CSV, do not. Streaming: one line at a time.
public final class SurveyCSVWriter: SurveyRecordWriter {
    /// How the file is encoded and laid out.
    public struct Options: Sendable, Equatable {
        public var encoding: CSVEncoding
        public var byteOrderMark: Bool
        /// A title row above the header, e.g. 德州市2026年两化融合评估申报汇总表.
        public var title: String?
        /// How figures are typed.
        public var typing: SurveyTyping

        /// - Parameter byteOrderMark: nil for the usual choice: a mark for UTF-8, none otherwise.
        public init(encoding: CSVEncoding = .utf8, byteOrderMark: Bool? = nil, title: String? = nil, typing: SurveyTyping = .varied) {
            self.encoding = encoding
            self.byteOrderMark = byteOrderMark ?? (encoding == .utf8)
            self.title = title
            self.typing = typing
        }
    }

    public private(set) var count = 0
    private let writer: CSVWriter
    private let layout: SurveyBatchLayout
    private let formatter: SurveyValueFormatter
    private let typing: SurveyTyping

    /// Creates (or truncates) the file at `url` and writes the title and header rows.
    public init(url: URL, tree: IndicatorTree, options: Options = Options()) throws(CSVError) {
        layout = SurveyBatchLayout(tree: tree)
        formatter = SurveyValueFormatter(tree: tree)
        typing = options.typing
        writer = try CSVWriter(url: url, options: CSVWriter.Options(encoding: options.encoding, byteOrderMark: options.byteOrderMark))
        if let title = options.title {
            try writer.write([title] + Array(repeating: "", count: layout.headers.count - 1))
        }
        try writer.write(layout.headers)
    }

    public func write(_ response: SurveyResponse) throws {
        try writer.write(layout.fields(response, formatter: formatter, style: typing.style(forRow: count)))
        count += 1
    }

    public func close() throws {
        try writer.close()
    }
}
