/// What a Ronghe survey form says about itself on its hidden `_ronghe` sheet: the indicator tree
/// it was made for, its language and layout, and the cell of every answer.
///
/// The marker is the contract between ``SurveyFormWriter`` and ``SurveyFormReader``: the reader
/// finds answers through ``fields``, never through coordinates of its own, so a later layout can
/// move cells without breaking the forms already sent out.
///
/// On the sheet it is two blocks of text cells (column A a key, the others values):
///
/// ```
/// format       ronghe-survey-form
/// layout       1
/// tree         lianghua-default
/// treeVersion  2026.1
/// treeHash     4f1c…(64 hex digits)
/// language     zh
/// sheet        问卷
///
/// key          kind      option       cell
/// uscc         profile                E5
/// A1.1         question               E15
/// A1.3         option    association  E18
/// Q9           notApplicable          E25
/// ```
///
/// Every value is written as text, so no spreadsheet program turns `2026.1` into a number.
public struct SurveyFormMarker: Equatable, Sendable {
    /// The name of the hidden sheet holding the marker.
    public static let sheetName = "_ronghe"
    /// The value of the `format` entry, which tells a Ronghe form from a sheet that happens to be
    /// called `_ronghe`.
    public static let formatName = "ronghe-survey-form"
    /// The layout this build writes and the newest it reads.
    public static let currentLayout = 1

    /// The layout version of the form: what the cells and the marker's entries mean.
    public var layout: Int
    /// The id of the indicator tree the form was made for.
    public var treeID: String
    /// The version of that tree, e.g. `2026.1`.
    public var treeVersion: String
    /// The SHA-256 of that tree's canonical JSON, as ``IndicatorTree/hash``.
    public var treeHash: String
    /// The language of the form's labels and option lists.
    public var language: Language
    /// The name of the sheet holding the answer cells, e.g. `问卷`.
    public var surveySheet: String
    /// Every answer cell, profile fields first, in form order.
    public var fields: [SurveyFormField]

    /// Creates a marker.
    public init(
        layout: Int = SurveyFormMarker.currentLayout, treeID: String, treeVersion: String, treeHash: String,
        language: Language, surveySheet: String, fields: [SurveyFormField]
    ) {
        self.layout = layout
        self.treeID = treeID
        self.treeVersion = treeVersion
        self.treeHash = treeHash
        self.language = language
        self.surveySheet = surveySheet
        self.fields = fields
    }

    /// The names of the header entries, in the order they are written.
    static let headerKeys = ["format", "layout", "tree", "treeVersion", "treeHash", "language", "sheet"]
    /// The column titles of the field table, whose first title also marks where the table starts.
    static let fieldTableTitles = ["key", "kind", "option", "cell"]

    /// The marker as rows of text, as written on the sheet starting at `A1`.
    var rows: [[String]] {
        var rows: [[String]] = [
            ["format", Self.formatName],
            ["layout", String(layout)],
            ["tree", treeID],
            ["treeVersion", treeVersion],
            ["treeHash", treeHash],
            ["language", language.rawValue],
            ["sheet", surveySheet],
            [],
            Self.fieldTableTitles,
        ]
        for field in fields {
            rows.append([field.key, field.kind.name, field.kind.optionCode ?? "", field.cell.description])
        }
        return rows
    }
}

/// One answer cell of a survey form, as the marker lists it.
public struct SurveyFormField: Equatable, Hashable, Sendable {
    /// What the cell answers.
    public enum Kind: Equatable, Hashable, Sendable {
        /// A profile field; the key is the ``ProfileField`` raw value, e.g. `uscc`.
        case profile
        /// A question answered in one cell; the key is the question id.
        case question
        /// One option of a multi-choice question, answered 是 or 否; the key is the question id,
        /// the value the option's code.
        case option(String)
        /// The 不适用 (not applicable) line of a multi-choice question that allows it, answered
        /// 是 or 否; the key is the question id.
        case notApplicable

        /// The word in the marker's `kind` column.
        public var name: String {
            switch self {
            case .profile: return "profile"
            case .question: return "question"
            case .option: return "option"
            case .notApplicable: return "notApplicable"
            }
        }

        /// The option code of an ``option(_:)`` cell.
        public var optionCode: String? {
            if case .option(let code) = self { return code }
            return nil
        }
    }

    /// The profile field's raw value or the question id the cell belongs to.
    public var key: String
    /// What the cell answers.
    public var kind: Kind
    /// The cell on the survey sheet.
    public var cell: CellReference

    /// Creates a field.
    public init(key: String, kind: Kind, cell: CellReference) {
        self.key = key
        self.kind = kind
        self.cell = cell
    }
}
