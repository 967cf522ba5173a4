import Foundation
import Testing

@testable import RongheKit

/// Helpers shared by the survey form's writer and reader tests.
enum SurveyFormTestSupport {
    /// The default tree shipped in `indicators/`.
    static func defaultTree() throws -> IndicatorTree {
        try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
    }

    /// The default tree with another version, as a campaign of another year would use.
    static func defaultTree(version: String) throws -> IndicatorTree {
        let text = try String(contentsOf: Fixtures.defaultTreeURL, encoding: .utf8)
            .replacingOccurrences(of: "\"version\": \"2026.1\"", with: "\"version\": \"\(version)\"")
        let tree = try IndicatorTree.parse(Data(text.utf8), source: "other.json")
        precondition(tree.version == version, "the default tree's version is no longer 2026.1")
        return tree
    }

    /// Writes the default tree's form in `language` into `directory`; returns its path and marker.
    static func writeForm(
        in directory: TemporaryDirectory, language: Language = .zh, prefill: [String: RawValue] = [:],
        name: String = "form.xlsx"
    ) throws -> (path: String, marker: SurveyFormMarker) {
        let path = directory.path(name)
        let marker = try SurveyFormWriter(tree: defaultTree(), language: language, prefill: prefill).write(to: path)
        return (path, marker)
    }

    /// The text of one part of a package, such as `xl/workbook.xml`.
    static func part(_ name: String, of path: String) throws -> String {
        String(decoding: try ZipArchive(path: path).data(ofEntry: name), as: UTF8.self)
    }

    /// The XML part of the sheet named `sheet`.
    static func sheetXML(_ sheet: String, of path: String) throws -> String {
        let reader = try XLSXReader(path: path)
        return try part(reader.sheet(named: sheet)!.part, of: path)
    }

    /// The `<dataValidation>` elements of a sheet: their `sqref`, `type`, `operator` and formulas,
    /// and the error message.
    struct Validation: Equatable {
        var sqref: String
        var type: String
        var operatorName: String?
        var formulas: [String]
        var error: String?
    }

    static func validations(inSheetXML xml: String) -> [Validation] {
        xml.matches(of: /<dataValidation ([^>]*)>(.*?)<\/dataValidation>/).map { match in
            let attributes = String(match.output.1)
            func attribute(_ name: String) -> String? {
                attributes.firstMatch(of: try! Regex("\\b\(name)=\"([^\"]*)\""))
                    .map { unescape(String($0.output[1].substring!)) }
            }
            let formulas = String(match.output.2).matches(of: /<formula\d>(.*?)<\/formula\d>/).map { unescape(String($0.output.1)) }
            return Validation(
                sqref: attribute("sqref") ?? "", type: attribute("type") ?? "", operatorName: attribute("operator"),
                formulas: formulas, error: attribute("error"))
        }
    }

    /// The `s` (style index) of cell `reference` in a sheet's XML, 0 when it has none.
    static func styleIndex(of reference: String, inSheetXML xml: String) -> Int? {
        guard let match = xml.firstMatch(of: try! Regex("<c r=\"\(reference)\"( [^>]*)?/?>")) else { return nil }
        let attributes = String(match.output[1].substring ?? "")
        return attributes.firstMatch(of: /s="(\d+)"/).map { Int($0.output.1)! } ?? 0
    }

    /// The `<xf>` elements of `cellXfs` in `styles.xml`, in index order.
    static func cellFormats(inStylesXML xml: String) -> [String] {
        guard let block = xml.firstMatch(of: /<cellXfs[^>]*>(.*?)<\/cellXfs>/) else { return [] }
        return String(block.output.1).matches(of: /<xf [^>]*?(\/>|>.*?<\/xf>)/).map { String($0.output.0) }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Sheet rows of inline-string cells for ``TestWorkbook``: `rows[0]` is row 1, column A first;
    /// empty strings leave the cell out.
    static func inlineRows(_ rows: [[String]]) -> String {
        rows.enumerated().map { index, cells in
            let body = cells.enumerated().compactMap { column, text -> String? in
                guard !text.isEmpty else { return nil }
                let reference = CellReference(column: column + 1, row: index + 1)!
                return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(TestWorkbook.escape(text))</t></is></c>"
            }.joined()
            return "<row r=\"\(index + 1)\">\(body)</row>"
        }.joined()
    }
}
