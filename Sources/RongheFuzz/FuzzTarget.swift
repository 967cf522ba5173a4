/// The readers the fuzzer feeds, each by the file name extension that routes a file to it.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Ronghe's JSON surveys, read by ``RongheKit/JSONSurveyReader``.
    case json
    /// Batch CSV files, read by ``RongheKit/CSVSurveyReader``.
    case csv
    /// Workbooks: batch sheets and filled-in forms, read through ``RongheKit/XLSXReader``.
    case xlsx

    /// The extension a case is written with, so that intake picks this target's reader.
    var fileExtension: String { rawValue }

    /// Whether a seed file belongs to this target, by its extension.
    func accepts(fileExtension ext: String) -> Bool {
        switch self {
        case .json: return ext == "json"
        case .csv: return ext == "csv" || ext == "txt" || ext == "tsv"
        case .xlsx: return ext == "xlsx" || ext == "xls"
        }
    }

    /// Byte strings worth inserting: the syntax of the format and values readers trip on.
    var dictionary: [[UInt8]] {
        let common = [
            "\u{0}", "\u{FEFF}", "\r\n", "\r", "\n", "\"", "'", "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "NaN",
            "Infinity", "-inf", "1e400", "-1e400", "99999999999999999999", "0x7FFFFFFF", "-0", "1,234.5", "35%", "-5%",
            "不适用", "是", "否", "１２３", "91371402MA3F2K7L17", "371402", "C34", "2026", "_x0000_", "\\u0000",
        ].map { Array($0.utf8) } + [[0xFF], [0xFE, 0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                      [0xB5, 0xC2], [0x95, 0x32, 0x82, 0x36], [0xEF, 0xBB, 0xBF]]
        let own: [String]
        switch self {
        case .json:
            own = ["{", "}", "[", "]", ":", ",", "null", "true", "false", "\"enterprise\":", "\"answers\":",
                   "\"format\": \"ronghe-survey/1\"", "\\ud800", "\\udc00", "\\\"", "[[[[[[[[[[", "{\"a\":{\"a\":{\"a\":",
                   "\"B1.1\": 1", "\"C1.1\": [\"finance\"]", "1E-400", "0.0000000000000000000001"]
        case .csv:
            own = [",", ";", "\t", "\"\"", "\",\"", "\r\n\r\n", ",,,,,,,,,,,,,,,,", "统一社会信用代码", "企业名称", "B1.1",
                   "A1.1 首席信息官（CIO）的职级", "9.13714E+17", "\"\r\n\"", "\u{FFFD}"]
        case .xlsx:
            own = ["<", ">", "/>", "</", "&", "&amp;", "&#0;", "&lt;", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<![CDATA[",
                   "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", "<row>", "</row>", "<c r=\"A1\" t=\"s\"><v>9999</v></c>",
                   "<c r=\"XFE1\">", " r=\"0\"", " t=\"x\"", " s=\"65535\"", "<v></v>", "<is><t>x</t></is>", "PK\u{3}\u{4}",
                   "PK\u{1}\u{2}", "PK\u{5}\u{6}"]
        }
        return common + own.map { Array($0.utf8) }
    }
}
