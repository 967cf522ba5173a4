import Foundation

/// Tells, from its first bytes, a file that is not text at all but was named (or taken) as a CSV
/// or JSON survey: a workbook, an `.xls`, a PDF, UTF-16 JSON or binary data. Read as text, such a
/// file gives a misleading message about its encoding or syntax; this says what it is instead.
enum NonTextFile {
    /// Throws ``SurveyFileError`` with advice when the file at `url` is not a text file of the
    /// expected format; returns quietly otherwise, or when the file cannot be opened (the
    /// reader then says why).
    static func check(_ url: URL, file: String, expecting format: SurveyFormat) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: FileSignature.headLength)) ?? Data())
        if let message = problem(head: head, expecting: format) {
            throw SurveyFileError(FileLocation(file: file), message)
        }
    }

    /// What is wrong with a file starting with `head`, or nil if it may be text of `format`.
    static func problem(head: [UInt8], expecting format: SurveyFormat) -> LocalizedText? {
        let kind = format == .json ? "JSON" : "CSV"
        switch FileSignature(head: head) {
        case .zip, .emptyZip:
            return LocalizedText(
                zh: "这是Excel工作簿（.xlsx）或其他压缩文件，不是\(kind)文本文件；如果是工作簿，请把扩展名改为.xlsx",
                en: "this is an Excel workbook (.xlsx) or another zip file, not a \(kind) text file; if it is a workbook, "
                    + "name it .xlsx")
        case .compoundFile:
            return LocalizedText(
                zh: "这是Excel 97-2003工作簿（.xls）或其他Office文件，不是\(kind)文本文件；请用Excel或WPS打开并另存为.xlsx",
                en: "this is an Excel 97-2003 workbook (.xls) or another Office file, not a \(kind) text file; open it in "
                    + "Excel or WPS and save it as .xlsx")
        case .pdf:
            return LocalizedText(
                zh: "这是PDF文件，不是\(kind)文件；请发送填报文件本身",
                en: "this is a PDF file, not a \(kind) file; send the survey file itself")
        case .text where format == .json && (head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])):
            return LocalizedText(
                zh: "JSON文件是UTF-16编码（如记事本的“Unicode”）；请另存为UTF-8编码后发送",
                en: "the JSON file is in UTF-16 (Notepad's \"Unicode\"); JSON must be UTF-8: save it as UTF-8 and send it again")
        case .unknown where TextEncodingDetector.byteOrderMark(at: head) == nil
            && TextEncodingDetector.utf16WithoutByteOrderMark(at: head) == nil:
            // A stray NUL is reported where it is, by validation; binary data has control bytes throughout.
            let controls = head.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.count
            guard controls >= 4 && controls * 20 >= head.count else { return nil }
            return LocalizedText(
                zh: "这不是文本文件（\(kind)），而是二进制数据；请发送\(kind)或.xlsx格式的填报文件",
                en: "this is not a text (\(kind)) file: it holds binary data; send the survey as \(kind) or .xlsx")
        default:
            return nil
        }
    }
}
