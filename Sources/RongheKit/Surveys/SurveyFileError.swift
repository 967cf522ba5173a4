/// A submitted file that cannot be read at all, with what the sender should do, in Chinese and
/// English.
public struct SurveyFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var issue: SurveyIssue

    public init(_ location: FileLocation, _ message: LocalizedText) {
        issue = SurveyIssue(.error, at: location, message)
    }

    public var description: String { issue.formatted(.en) }

    /// Wraps a workbook reader's error, in Chinese too where the sender can act on it.
    ///
    /// The place is what a sender can find: the cell, or the sheet and row being read when the
    /// sheet's XML or zip entry is damaged. Damage elsewhere (the shared strings, the styles, the
    /// package's structure) names the part in the message, for whoever looks into the file.
    init(_ error: XLSXError, file: String) {
        var english = error.problem.message
        var chinese: String
        switch error.problem {
        case .empty: chinese = "文件为空（0字节），请重新保存后发送"
        case .emptyPackage: chinese = "文件是空的压缩包（不含任何内容），请重新保存工作簿后发送"
        case .textFile: chinese = "这是文本文件（如CSV），只是扩展名像表格；请用Excel或WPS打开并另存为.xlsx"
        case .pdfFile: chinese = "这是PDF文件，不是Excel工作簿；请发送.xlsx格式的表格本身"
        case .htmlFile: chinese = "这是网页文件，不是Excel工作簿；请用Excel或WPS打开并另存为.xlsx"
        case .unknownFormat, .notAWorkbook, .notASpreadsheet: chinese = "这不是Excel工作簿（.xlsx）；请用Excel或WPS打开并另存为.xlsx"
        case .passwordProtected, .encryptedPart: chinese = "工作簿设置了密码；请取消密码后重新另存为.xlsx"
        case .legacyExcel: chinese = "这是Excel 97-2003格式（.xls）；请用Excel或WPS打开并另存为.xlsx"
        case .wpsSpreadsheet: chinese = "这是WPS表格格式（.et）；请在WPS中另存为Excel工作簿（.xlsx）"
        case .openDocumentSpreadsheet: chinese = "这是OpenDocument表格（.ods）；请另存为.xlsx"
        case .damagedPackage, .damagedPart, .unsupportedCompression: chinese = "文件已损坏或不完整；请重新保存后发送"
        case .unsafeEntryName(let name):
            chinese = "压缩包中有指向包外的文件名“\(name)”，电子表格软件不会这样保存，出于安全原因拒绝读取；请用Excel或WPS重新另存为.xlsx"
        case .partTooLarge, .packageTooLarge, .suspiciousCompression, .tooManyEntries:
            chinese = "文件解压后过大，疑似异常文件，拒绝读取"
        case .doctype: chinese = "文件含有工作簿不应有的DOCTYPE声明，出于安全原因拒绝读取"
        case .stringTooLong(let limit): chinese = "有单元格的文字超过\(limit)字（Excel单元格的上限），请精简后重新保存"
        case .invalidNumber(let text): chinese = "数字单元格中的内容“\(text)”不是数字，请改正后重新保存"
        default: chinese = "文件无法读取：\(english)"
        }
        var place: FileLocation.Place?
        var part = ""
        switch error.location {
        case .cell(let sheet, let reference):
            place = .cell(sheet: sheet, reference: reference.description)
        case .sheet(let sheet):
            place = .sheet(sheet)
        case .part(let name), .position(let name, _, _):
            if let context = error.sheetContext {
                place = context.row.map { .row(sheet: context.sheet, row: $0) } ?? .sheet(context.sheet)
            } else if case .position(_, let line, let column) = error.location {
                part = "in \(name), line \(line), column \(column)"
            } else {
                part = "in \(name)"
            }
        case .file:
            place = nil
        }
        if case .damagedPart(let detail) = error.problem {
            english = "the workbook is damaged (\(detail)\(part.isEmpty ? "" : ", " + part)); "
                + "ask the sender to save it again in Excel or WPS and send it again"
        } else if Self.isDamage(error.problem) {
            english = "the workbook is damaged (\(english)\(part.isEmpty ? "" : ", " + part)); "
                + "ask the sender to save it again in Excel or WPS and send it again"
            chinese = "工作簿已损坏；请用Excel或WPS重新保存后发送"
        } else if !part.isEmpty {
            english += " (\(part))"
        }
        self.init(FileLocation(file: file, place: place), LocalizedText(zh: chinese, en: english))
    }

    /// Problems that only a damaged (or hand-made) package has; the sender can do nothing but
    /// save the workbook again, so the message says that in front of the detail.
    private static func isDamage(_ problem: XLSXError.Problem) -> Bool {
        switch problem {
        case .malformedXML, .invalidContent, .missingPart, .duplicatePart, .targetOutsidePackage, .externalTarget,
            .unknownCellType, .sharedStringOutOfRange, .noSharedStrings, .invalidSharedStringIndex, .invalidDate:
            return true
        default:
            return false
        }
    }

    /// Wraps a CSV reader's error, in Chinese too.
    init(_ error: CSVError, file: String) {
        let location = FileLocation(file: file, place: error.line.map { .line($0) })
        let english = error.message
        let chinese: String
        switch error {
        case .undecodable: chinese = "文件编码无法识别（既不是UTF-8也不是GB18030）；请另存为“CSV UTF-8”格式"
        case .cutOffCharacter: chinese = "文件在一个字符的中间结束，可能传输不完整；请重新保存后发送"
        case .unterminatedQuote: chinese = "从这一行开始的引号没有结束；请检查该行的引号"
        case let .fieldTooLong(_, _, field, limit): chinese = "第\(field)个字段超过\(limit)字节的上限，请精简后重新保存"
        case let .recordTooLong(_, _, limit): chinese = "这一行的内容超过\(limit)字节的上限，请精简后重新保存"
        case let .tooManyFields(_, _, limit): chinese = "这一行超过\(limit)个字段的上限，请检查分隔符后重新保存"
        case let .tooManyRecords(_, _, limit): chinese = "文件超过\(limit)条记录的上限，请分成几个文件报送"
        case .cannotOpen, .cannotRead: chinese = "无法读取文件：\(english)"
        default: chinese = "文件格式有误：\(english)"
        }
        self.init(location, LocalizedText(zh: chinese, en: english))
    }
}
