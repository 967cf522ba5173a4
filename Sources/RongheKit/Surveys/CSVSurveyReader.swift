import Foundation

/// Reads batch CSV files: a header row of profile fields and question ids or labels, then one
/// enterprise per line. UTF-8 (with or without a byte-order mark) and GB18030 are detected.
public struct CSVSurveyReader {
    let mapper: FieldMapper

    public init(tree: IndicatorTree) {
        mapper = FieldMapper(tree: tree)
    }

    /// Calls `body` with each record, streaming; returns file-level warnings (ignored columns).
    @discardableResult
    public func forEachRecord(in url: URL, file: String, _ body: (RawSurvey) throws -> Void) throws -> [SurveyIssue] {
        try NonTextFile.check(url, file: file, expecting: .csv)
        let reader: CSVReader
        do {
            reader = try CSVReader(url: url, options: CSVReader.Options(separator: nil))
        } catch {
            throw SurveyFileError(error, file: file)
        }
        var table: BatchTable?
        var headerLine = 0
        var warnings: [SurveyIssue] = []
        var sawRecord = false
        var sawRow = false
        do {
            while let record = try reader.next() {
                sawRecord = true
                guard let header = table else {
                    if record.line > BatchTable.headerSearchDepth { break }
                    table = BatchTable(header: record.fields, mapper: mapper)
                    headerLine = record.line
                    if let table, let warning = table.unknownColumnsWarning(at: FileLocation(file: file, place: .line(record.line))) {
                        warnings.append(warning)
                    }
                    continue
                }
                var fields: [RawField] = []
                let location = FileLocation(file: file, place: .line(record.line))
                for (index, text) in record.fields.enumerated() where index < header.columns.count {
                    guard let key = header.columns[index], !text.isEmpty else { continue }
                    fields.append(RawField(key: key, value: .text(text), location: location))
                }
                if record.fields.count > header.columns.count,
                    record.fields[header.columns.count...].contains(where: { !$0.isEmpty })
                {
                    fields.append(RawField(key: "", value: .text(""), location: location))
                }
                sawRow = true
                var readIssues: [SurveyIssue] = []
                if reader.lastRecordHasNoLineBreak, record.fields.count < header.columns.count {
                    readIssues.append(SurveyIssue(.warning, at: location, LocalizedText(
                        zh: "文件在这一行中间结束（只有表头\(header.columns.count)列中的\(record.fields.count)列，且没有换行），可能传输不完整",
                        en: "the file ends in the middle of this line (\(record.fields.count) of the header's \(header.columns.count) "
                            + "columns, and no line break): it may have been cut off")))
                }
                try body(RawSurvey(location: location, fields: fields, readIssues: readIssues))
            }
        } catch let error as CSVError {
            throw SurveyFileError(error, file: file)
        }
        if !sawRecord {
            throw SurveyFileError(FileLocation(file: file), LocalizedText(
                zh: "文件是空的（没有任何内容），请重新保存后发送",
                en: "the file is empty (it has no rows at all); ask the sender to save the table and send it again"))
        }
        if table == nil { throw BatchTable.noHeader(at: FileLocation(file: file)) }
        if !sawRow { throw BatchTable.noRecords(at: FileLocation(file: file, place: .line(headerLine))) }
        return warnings
    }
}
