internal import CXLSXWriter
import Foundation

/// Writes one xlsx workbook through libxlsxwriter 1.1.4; the owner of its `lxw_workbook`.
///
/// Create it at a path, add worksheets, write to them, then call ``close()``, which is when
/// the file is actually written and when most I/O errors surface. A writer that is dropped
/// without being closed frees its memory and writes nothing. After ``close()`` — successful or
/// not — every further call throws ``XLSXWriterError/Reason/workbookClosed``.
///
/// ```swift
/// let book = try XLSXWriter(path: "reports/排名.xlsx")
/// let sheet = try book.addWorksheet(named: "排名")
/// let header = CellStyle(isBold: true, fillColor: .lightGray, borders: .all(.thin))
/// try sheet.write("企业名称", row: 0, column: 0, style: header)
/// try sheet.write("91350200MA2XYZ1234", row: 1, column: 0)   // stays text
/// try sheet.write(87.5, row: 1, column: 1, style: CellStyle(numberFormat: "0.0"))
/// try book.close()
/// ```
///
/// Not `Sendable`: use a writer from one task only.
public final class XLSXWriter {
    /// The path the workbook is written to on ``close()``.
    public let path: String
    /// The options the workbook was created with.
    public let options: Options
    /// The worksheets in tab order.
    public var worksheets: [Worksheet] { sheets.map { Worksheet(workbook: self, state: $0) } }

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    // libxlsxwriter keeps the options' tmpdir pointer, so the string lives as long as the workbook.
    private var temporaryDirectoryCString: UnsafeMutablePointer<CChar>?
    private var cellFormats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var differentialFormats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var definedNames: [String] = []
    private var sheets: [Worksheet.SheetState] = []
    var activeSheetIndex = 0

    /// Starts a workbook that will be written to `path` on ``close()``.
    ///
    /// The file is not created yet, so a missing directory is reported by ``close()``. Throws if
    /// the options' temporary directory does not exist or libxlsxwriter cannot allocate.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        self.options = options
        try Self.checkCString(path, path: path, what: "the workbook path")
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        cOptions.use_zip64 = options.useZip64 ? 1 : 0
        if let directory = options.temporaryDirectory {
            try Self.checkCString(directory, path: path, what: "the temporary directory")
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw XLSXWriterError(
                    path: path, reason: .invalidArgument("temporary directory \(directory) does not exist"))
            }
            temporaryDirectoryCString = strdup(directory)
            cOptions.tmpdir = temporaryDirectoryCString
        }
        guard let handle = workbook_new_opt(path, &cOptions) else {
            free(temporaryDirectoryCString)
            throw XLSXWriterError(path: path, reason: .libraryReturnedNull(function: "workbook_new_opt"))
        }
        self.handle = handle
    }

    deinit {
        if let handle {
            // lxw_worksheet_free in 1.1.4 leaves constant-memory row files open; close them here.
            for sheet in sheets { sheet.closeTemporaryFile() }
            lxw_workbook_free(handle)
        }
        free(temporaryDirectoryCString)
    }

    /// Whether ``close()`` has been called.
    public var isClosed: Bool { handle == nil }

    /// Sets the document properties; see ``DocumentProperties``.
    public func setProperties(_ properties: DocumentProperties) throws {
        let handle = try openHandle()
        try withCStrings(
            [
                properties.title, properties.subject, properties.author, properties.manager,
                properties.company, properties.category, properties.keywords, properties.comments,
            ], what: "a document property"
        ) { strings in
            var cProperties = lxw_doc_properties()
            cProperties.title = strings[0]
            cProperties.subject = strings[1]
            cProperties.author = strings[2]
            cProperties.manager = strings[3]
            cProperties.company = strings[4]
            cProperties.category = strings[5]
            cProperties.keywords = strings[6]
            cProperties.comments = strings[7]
            if let created = properties.created {
                cProperties.created = time_t(created.timeIntervalSince1970.rounded(.down))
            }
            try check(workbook_set_properties(handle, &cProperties), "workbook_set_properties")
        }
    }

    /// Defines a workbook-level name, such as `行业` for `='_lists'!$A$1:$A$20`.
    ///
    /// `name` must start with a letter (any script) or an underscore, contain only letters,
    /// digits, underscores and dots, not look like a cell reference (`A1`, `R1C1`), and be new.
    /// `formula` may start with `=`.
    public func defineName(_ name: String, refersTo formula: String) throws {
        let handle = try openHandle()
        if let problem = Self.definedNameProblem(name, existing: definedNames) {
            throw XLSXWriterError(path: path, reason: .invalidArgument(problem))
        }
        let body = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
        guard !body.isEmpty else {
            throw XLSXWriterError(path: path, reason: .invalidArgument("defined name \"\(name)\" refers to an empty formula"))
        }
        try Self.checkCString(formula, path: path, what: "the formula of a defined name")
        try check(workbook_define_name(handle, name, formula), "workbook_define_name")
        definedNames.append(name)
    }

    /// Adds a worksheet at the end of the tab order.
    ///
    /// Throws ``XLSXWriterError/Reason/invalidSheetName(name:problem:)`` when Excel would reject
    /// the name; see ``sheetNameProblem(_:existingNames:)``.
    public func addWorksheet(named name: String) throws -> Worksheet {
        let handle = try openHandle()
        if let problem = Self.sheetNameProblem(name, existingNames: sheets.map(\.name)) {
            throw XLSXWriterError(path: path, reason: .invalidSheetName(name: name, problem: problem))
        }
        try Self.checkCString(name, path: path, what: "the sheet name")
        try check(workbook_validate_sheet_name(handle, name), "workbook_validate_sheet_name")
        guard let sheetHandle = workbook_add_worksheet(handle, name) else {
            throw XLSXWriterError(path: path, reason: .libraryReturnedNull(function: "workbook_add_worksheet"))
        }
        let state = Worksheet.SheetState(
            name: name, index: sheets.count, handle: sheetHandle, constantMemory: options.constantMemory)
        sheets.append(state)
        return Worksheet(workbook: self, state: state)
    }

    /// The worksheet named `name`, compared ignoring case as Excel does; `nil` if there is none.
    public func worksheet(named name: String) -> Worksheet? {
        let folded = name.lowercased()
        return sheets.first { $0.name.lowercased() == folded }.map { Worksheet(workbook: self, state: $0) }
    }

    /// Writes the workbook to ``path`` and frees it.
    ///
    /// Column widths (explicit and auto-fitted) are applied first. If a check fails before
    /// writing starts (such as the active sheet being hidden) the workbook stays open so the
    /// caller may fix it and close again; once libxlsxwriter has been asked to write, the
    /// workbook is closed whatever the outcome, and a failure is thrown as
    /// ``XLSXWriterError/Reason/library(function:code:message:)`` carrying `lxw_strerror`'s text.
    /// Closing twice throws ``XLSXWriterError/Reason/workbookClosed``.
    public func close() throws {
        let handle = try openHandle()
        if sheets.indices.contains(activeSheetIndex), sheets[activeSheetIndex].isHidden {
            let name = sheets[activeSheetIndex].name
            throw XLSXWriterError(
                path: path, sheet: name,
                reason: .invalidArgument(
                    "the active sheet is hidden; activate a visible sheet (the first sheet is active unless another is activated)"
                ))
        }
        for sheet in worksheets {
            try sheet.applyColumnSettings()
        }
        self.handle = nil
        cellFormats.removeAll()
        differentialFormats.removeAll()
        let result = workbook_close(handle)
        do {
            try check(result, "workbook_close")
        } catch var error as XLSXWriterError {
            // lxw_strerror blames permissions; a missing directory is the more common cause.
            let directory = (path as NSString).deletingLastPathComponent
            if result == LXW_ERROR_CREATING_XLSX_FILE, !directory.isEmpty,
                !FileManager.default.fileExists(atPath: directory),
                case let .library(function, code, message) = error.reason
            {
                error.reason = .library(
                    function: function, code: code, message: message + " The directory \(directory) does not exist.")
            }
            throw error
        }
    }

    // MARK: - Internal plumbing shared with Worksheet and the chart builder

    /// The live workbook handle, or the closed error.
    func openHandle() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXWriterError(path: path, reason: .workbookClosed) }
        return handle
    }

    /// The one place a libxlsxwriter result code becomes a thrown error.
    func check(
        _ result: lxw_error, _ function: String, sheet: String? = nil, cell: @autoclosure () -> String? = nil
    ) throws {
        guard result != LXW_NO_ERROR else { return }
        let cell = cell()
        let message = lxw_strerror(result).map { String(cString: $0) } ?? "unknown error"
        throw XLSXWriterError(
            path: path, sheet: sheet, cell: cell,
            reason: .library(function: function, code: Int(result.rawValue), message: message))
    }

    /// The format for cells with `style`, made on first use and shared afterwards; `nil` for the default style.
    func cellFormat(
        for style: CellStyle?, sheet: String?, cell: @autoclosure () -> String?
    ) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let style, style != .default else { return nil }
        if let format = cellFormats[style] { return format }
        let format = try makeFormat(style, sheet: sheet, cell: cell())
        cellFormats[style] = format
        return format
    }

    /// The format for a conditional format's style; kept apart from cell formats because
    /// libxlsxwriter numbers differential formats separately.
    func differentialFormat(for style: CellStyle, sheet: String?, cell: String?) throws -> UnsafeMutablePointer<lxw_format> {
        if let format = differentialFormats[style] { return format }
        let format = try makeFormat(style, sheet: sheet, cell: cell)
        differentialFormats[style] = format
        return format
    }

    /// How many distinct cell formats have been made, for tests of interning.
    var cellFormatCount: Int { cellFormats.count }

    private func makeFormat(_ style: CellStyle, sheet: String?, cell: String?) throws -> UnsafeMutablePointer<lxw_format> {
        let handle = try openHandle()
        if let problem = style.problem() {
            throw XLSXWriterError(path: path, sheet: sheet, cell: cell, reason: .invalidArgument(problem))
        }
        for text in [style.fontName, style.numberFormat].compactMap({ $0 }) {
            try Self.checkCString(text, path: path, what: "a style")
        }
        guard let format = workbook_add_format(handle) else {
            throw XLSXWriterError(path: path, sheet: sheet, cell: cell, reason: .libraryReturnedNull(function: "workbook_add_format"))
        }
        Self.apply(style, to: format)
        return format
    }

    private static func apply(_ style: CellStyle, to format: UnsafeMutablePointer<lxw_format>) {
        if style.isBold { format_set_bold(format) }
        if style.isItalic { format_set_italic(format) }
        switch style.underline {
        case .none: break
        case .single: format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
        case .double: format_set_underline(format, UInt8(LXW_UNDERLINE_DOUBLE.rawValue))
        }
        if let name = style.fontName { format_set_font_name(format, name) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if let color = style.fontColor { format_set_font_color(format, lxwColor(color)) }
        if let fill = style.fillColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxwColor(fill))
        }
        let borders = style.borders
        format_set_top(format, lxwBorder(borders.top))
        format_set_bottom(format, lxwBorder(borders.bottom))
        format_set_left(format, lxwBorder(borders.left))
        format_set_right(format, lxwBorder(borders.right))
        if let color = borders.color {
            format_set_border_color(format, lxwColor(color))
        }
        let horizontal: lxw_format_alignments? =
            switch style.horizontalAlignment {
            case .general: nil
            case .left: LXW_ALIGN_LEFT
            case .center: LXW_ALIGN_CENTER
            case .right: LXW_ALIGN_RIGHT
            case .fill: LXW_ALIGN_FILL
            case .justify: LXW_ALIGN_JUSTIFY
            case .centerAcrossSelection: LXW_ALIGN_CENTER_ACROSS
            case .distributed: LXW_ALIGN_DISTRIBUTED
            }
        if let horizontal { format_set_align(format, UInt8(horizontal.rawValue)) }
        let vertical: lxw_format_alignments? =
            switch style.verticalAlignment {
            case nil: nil
            case .top: LXW_ALIGN_VERTICAL_TOP
            case .center: LXW_ALIGN_VERTICAL_CENTER
            case .bottom: LXW_ALIGN_VERTICAL_BOTTOM
            case .justify: LXW_ALIGN_VERTICAL_JUSTIFY
            case .distributed: LXW_ALIGN_VERTICAL_DISTRIBUTED
            }
        if let vertical { format_set_align(format, UInt8(vertical.rawValue)) }
        if style.wrapsText { format_set_text_wrap(format) }
        if style.shrinksToFit { format_set_shrink(format) }
        if style.indent > 0 { format_set_indent(format, UInt8(style.indent)) }
        if style.textRotation != 0 { format_set_rotation(format, Int16(style.textRotation)) }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if !style.isLocked { format_set_unlocked(format) }
        if style.hidesFormula { format_set_hidden(format) }
    }

    private static func lxwBorder(_ style: CellStyle.BorderStyle) -> UInt8 {
        let border: lxw_format_borders =
            switch style {
            case .none: LXW_BORDER_NONE
            case .thin: LXW_BORDER_THIN
            case .medium: LXW_BORDER_MEDIUM
            case .thick: LXW_BORDER_THICK
            case .dashed: LXW_BORDER_DASHED
            case .dotted: LXW_BORDER_DOTTED
            case .double: LXW_BORDER_DOUBLE
            case .hair: LXW_BORDER_HAIR
            }
        return UInt8(border.rawValue)
    }

    /// libxlsxwriter reads 0 as "no colour", so true black is passed as its special black value.
    static func lxwColor(_ color: XLSXColor) -> lxw_color_t {
        color.rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(color.rgb)
    }

    /// Throws if `text` cannot travel as a C string (it contains U+0000).
    static func checkCString(_ text: String, path: String, sheet: String? = nil, cell: String? = nil, what: String) throws {
        if text.utf8.contains(0) {
            throw XLSXWriterError(
                path: path, sheet: sheet, cell: cell,
                reason: .invalidArgument("\(what) contains the NUL character U+0000, which cannot be written"))
        }
    }

    /// Calls `body` with C copies of `strings` (`nil` stays `NULL`), freed afterwards.
    ///
    /// libxlsxwriter copies every string it keeps, so the copies need to live only for the call.
    func withCStrings<Result>(
        _ strings: [String?], sheet: String? = nil, cell: String? = nil, what: String,
        _ body: ([UnsafeMutablePointer<CChar>?]) throws -> Result
    ) throws -> Result {
        for case let text? in strings {
            try Self.checkCString(text, path: path, sheet: sheet, cell: cell, what: what)
        }
        let copies = strings.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        return try body(copies)
    }

    /// Explains why `name` cannot be a defined name, or returns `nil`.
    static func definedNameProblem(_ name: String, existing: [String]) -> String? {
        guard let first = name.first else { return "a defined name must not be empty" }
        if name.utf16.count > 255 { return "defined name \"\(name)\" is longer than Excel's 255 characters" }
        guard first.isLetter || first == "_" || first == "\\" else {
            return "defined name \"\(name)\" must start with a letter, an underscore or a backslash"
        }
        if let bad = name.first(where: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "\\") }) {
            return "defined name \"\(name)\" contains \"\(bad)\"; only letters, digits, underscores and dots are allowed"
        }
        if looksLikeCellReference(name) {
            return "defined name \"\(name)\" looks like a cell reference"
        }
        if existing.contains(where: { $0.lowercased() == name.lowercased() }) {
            return "defined name \"\(name)\" is already defined"
        }
        return nil
    }

    private static func looksLikeCellReference(_ name: String) -> Bool {
        let upper = name.uppercased()
        let letters = upper.prefix(while: { ("A"..."Z").contains($0) })
        let rest = upper.dropFirst(letters.count)
        if (1...3).contains(letters.count), !rest.isEmpty, rest.allSatisfy(\.isASCII), rest.allSatisfy(\.isNumber) {
            return true
        }
        // R1C1 style: R, R1, C, C2, R1C1 and so on.
        let pattern = /^(R[0-9]*)?(C[0-9]*)?$/
        return upper.wholeMatch(of: pattern) != nil
    }
}
