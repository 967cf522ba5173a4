internal import CXLSXWriter
import Foundation

// Print setup, protection, data validation and conditional formats: the worksheet features that
// take a value description and translate it to libxlsxwriter's option structs.
extension Worksheet {
    /// Applies `setup` to the sheet's printing; a later call overrides an earlier one field by field.
    public func setPageSetup(_ setup: PageSetup) throws {
        if let problem = setup.problem() { throw error(.invalidArgument(problem)) }
        if let area = setup.printArea { _ = try checkedRange(area) }
        let (book, handle) = try live()
        switch setup.orientation {
        case .portrait: worksheet_set_portrait(handle)
        case .landscape: worksheet_set_landscape(handle)
        }
        worksheet_set_paper(handle, UInt8(setup.paper.rawValue))
        if let wide = setup.fitToPagesWide {
            worksheet_fit_to_pages(handle, UInt16(wide), UInt16(setup.fitToPagesTall))
        } else {
            worksheet_set_print_scale(handle, UInt16(setup.scale))
        }
        if let rows = setup.repeatRows {
            try book.check(
                worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)),
                "worksheet_repeat_rows", sheet: name)
        }
        if let columns = setup.repeatColumns {
            try book.check(
                worksheet_repeat_columns(handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound)),
                "worksheet_repeat_columns", sheet: name)
        }
        if let area = setup.printArea {
            try book.check(
                worksheet_print_area(
                    handle, lxw_row_t(area.firstRow), lxw_col_t(area.firstColumn), lxw_row_t(area.lastRow),
                    lxw_col_t(area.lastColumn)),
                "worksheet_print_area", sheet: name, cell: area.a1())
        }
        let margins = setup.margins
        worksheet_set_margins(handle, margins.left, margins.right, margins.top, margins.bottom)
        if let header = setup.header {
            try XLSXWriter.checkCString(header, path: book.path, sheet: name, what: "the page header")
            try book.check(worksheet_set_header(handle, header), "worksheet_set_header", sheet: name)
        }
        if let footer = setup.footer {
            try XLSXWriter.checkCString(footer, path: book.path, sheet: name, what: "the page footer")
            try book.check(worksheet_set_footer(handle, footer), "worksheet_set_footer", sheet: name)
        }
        if setup.centersHorizontally { worksheet_center_horizontally(handle) }
        if setup.centersVertically { worksheet_center_vertically(handle) }
    }

    /// Protects the sheet; cells whose style has ``CellStyle/isLocked`` `false` stay editable.
    public func protect(_ protection: WorksheetProtection = WorksheetProtection()) throws {
        if let password = protection.password, password.utf16.count > 255 {
            throw error(.invalidArgument("protection password is longer than Excel's 255 characters"))
        }
        let (book, handle) = try live()
        var options = lxw_protection()
        options.no_select_locked_cells = protection.allowsSelectingLockedCells ? 0 : 1
        options.no_select_unlocked_cells = protection.allowsSelectingUnlockedCells ? 0 : 1
        options.format_cells = protection.allowsFormattingCells ? 1 : 0
        options.format_columns = protection.allowsFormattingColumns ? 1 : 0
        options.format_rows = protection.allowsFormattingRows ? 1 : 0
        options.insert_columns = protection.allowsInsertingColumns ? 1 : 0
        options.insert_rows = protection.allowsInsertingRows ? 1 : 0
        options.insert_hyperlinks = protection.allowsInsertingHyperlinks ? 1 : 0
        options.delete_columns = protection.allowsDeletingColumns ? 1 : 0
        options.delete_rows = protection.allowsDeletingRows ? 1 : 0
        options.sort = protection.allowsSorting ? 1 : 0
        options.autofilter = protection.allowsFiltering ? 1 : 0
        options.pivot_tables = protection.allowsPivotTables ? 1 : 0
        // In libxlsxwriter these two mean "leave unprotected", unlike the XML attributes.
        options.objects = protection.allowsEditingObjects ? 1 : 0
        options.scenarios = protection.allowsEditingScenarios ? 1 : 0
        let password = protection.password.flatMap { $0.isEmpty ? nil : $0 }
        try book.withCStrings([password], sheet: name, what: "the protection password") { strings in
            worksheet_protect(handle, strings[0], &options)
        }
    }

    /// Restricts what may be typed into `range`.
    ///
    /// An inline list over 255 bytes of UTF-8 throws
    /// ``XLSXWriterError/Reason/inlineListTooLong(items:bytes:)`` without calling libxlsxwriter,
    /// which would abort the process; so do titles over 32 and messages over 255 characters.
    public func addDataValidation(_ validation: DataValidation, to range: WorksheetRange) throws {
        let cell = try checkedRange(range)
        if let reason = validation.problem() { throw error(reason, cell: cell) }
        let (book, handle) = try live()
        var options = lxw_data_validation()
        options.ignore_blank = lxwSwitch(validation.ignoresBlank)
        options.dropdown = lxwSwitch(validation.showsDropDown)
        let errorType: lxw_validation_error_types =
            switch validation.errorStyle {
            case .stop: LXW_VALIDATION_ERROR_TYPE_STOP
            case .warning: LXW_VALIDATION_ERROR_TYPE_WARNING
            case .information: LXW_VALIDATION_ERROR_TYPE_INFORMATION
            }
        options.error_type = UInt8(errorType.rawValue)
        var listItems: [String] = []
        var formula: String?
        switch validation.rule {
        case let .list(source):
            guard XLSXWriter.sheetNameProblem(source.sheet, existingNames: []) == nil else {
                throw error(.invalidArgument("validation list sheet name \"\(source.sheet)\" is invalid"), cell: cell)
            }
            _ = try checkedRange(source.range)
            options.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
            formula = "=" + source.formula
        case let .inlineList(items):
            options.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            listItems = items
        case let .wholeNumber(criterion):
            options.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            Self.setCriterion(criterion, on: &options)
        case let .decimal(criterion):
            options.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            Self.setCriterion(criterion, on: &options)
        case let .textLength(criterion):
            options.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
            Self.setCriterion(criterion, on: &options)
        }
        let texts = [
            formula, validation.inputTitle, validation.inputMessage, validation.errorTitle, validation.errorMessage,
        ]
        try book.withCStrings(texts + listItems.map { $0 }, sheet: name, cell: cell, what: "the data validation") {
            strings in
            options.value_formula = strings[0]
            options.input_title = strings[1]
            options.input_message = strings[2]
            options.error_title = strings[3]
            options.error_message = strings[4]
            var list = Array(strings[5...]) + [nil]
            try list.withUnsafeMutableBufferPointer { buffer in
                if !listItems.isEmpty { options.value_list = buffer.baseAddress }
                try book.check(
                    worksheet_data_validation_range(
                        handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn), lxw_row_t(range.lastRow),
                        lxw_col_t(range.lastColumn), &options),
                    "worksheet_data_validation_range", sheet: name, cell: cell)
            }
        }
    }

    /// Applies a conditional format to `range`.
    public func addConditionalFormat(_ format: ConditionalFormat, to range: WorksheetRange) throws {
        let cell = try checkedRange(range)
        if let problem = format.problem() { throw error(.invalidArgument(problem), cell: cell) }
        let (book, handle) = try live()
        var options = lxw_conditional_format()
        var formula: String?
        switch format {
        case let .dataBar(bar):
            options.type = UInt8(LXW_CONDITIONAL_DATA_BAR.rawValue)
            options.bar_color = XLSXWriter.lxwColor(bar.color)
            options.bar_solid = bar.isSolid ? 1 : 0
            options.bar_only = bar.hidesValues ? 1 : 0
            (options.min_rule_type, options.min_value) = Self.rule(bar.minimum)
            (options.max_rule_type, options.max_value) = Self.rule(bar.maximum)
        case let .twoColorScale(minimum, maximum):
            options.type = UInt8(LXW_CONDITIONAL_2_COLOR_SCALE.rawValue)
            options.min_color = XLSXWriter.lxwColor(minimum)
            options.max_color = XLSXWriter.lxwColor(maximum)
        case let .threeColorScale(minimum, midpoint, maximum):
            options.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            options.min_color = XLSXWriter.lxwColor(minimum)
            options.mid_color = XLSXWriter.lxwColor(midpoint)
            options.max_color = XLSXWriter.lxwColor(maximum)
        case let .cellValue(comparison, style):
            options.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            options.format = try book.differentialFormat(for: style, sheet: name, cell: cell)
            let criterion: lxw_conditional_criteria
            switch comparison {
            case let .between(low, high):
                criterion = LXW_CONDITIONAL_CRITERIA_BETWEEN
                (options.min_value, options.max_value) = (low, high)
            case let .notBetween(low, high):
                criterion = LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN
                (options.min_value, options.max_value) = (low, high)
            case let .equalTo(value):
                criterion = LXW_CONDITIONAL_CRITERIA_EQUAL_TO
                options.value = value
            case let .notEqualTo(value):
                criterion = LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO
                options.value = value
            case let .greaterThan(value):
                criterion = LXW_CONDITIONAL_CRITERIA_GREATER_THAN
                options.value = value
            case let .lessThan(value):
                criterion = LXW_CONDITIONAL_CRITERIA_LESS_THAN
                options.value = value
            case let .greaterThanOrEqualTo(value):
                criterion = LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO
                options.value = value
            case let .lessThanOrEqualTo(value):
                criterion = LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO
                options.value = value
            }
            options.criteria = UInt8(criterion.rawValue)
        case let .formula(expression, style):
            options.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            options.format = try book.differentialFormat(for: style, sheet: name, cell: cell)
            formula = expression
        }
        try book.withCStrings([formula], sheet: name, cell: cell, what: "the conditional format formula") { strings in
            options.value_string = strings[0]
            try book.check(
                worksheet_conditional_format_range(
                    handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn), lxw_row_t(range.lastRow),
                    lxw_col_t(range.lastColumn), &options),
                "worksheet_conditional_format_range", sheet: name, cell: cell)
        }
    }

    private func lxwSwitch(_ on: Bool) -> UInt8 {
        UInt8(on ? LXW_VALIDATION_ON.rawValue : LXW_VALIDATION_OFF.rawValue)
    }

    private static func setCriterion(_ criterion: DataValidation.Criterion, on options: inout lxw_data_validation) {
        let code: lxw_validation_criteria
        switch criterion {
        case let .between(low, high):
            code = LXW_VALIDATION_CRITERIA_BETWEEN
            (options.minimum_number, options.maximum_number) = (low, high)
        case let .notBetween(low, high):
            code = LXW_VALIDATION_CRITERIA_NOT_BETWEEN
            (options.minimum_number, options.maximum_number) = (low, high)
        case let .equalTo(value):
            code = LXW_VALIDATION_CRITERIA_EQUAL_TO
            options.value_number = value
        case let .notEqualTo(value):
            code = LXW_VALIDATION_CRITERIA_NOT_EQUAL_TO
            options.value_number = value
        case let .greaterThan(value):
            code = LXW_VALIDATION_CRITERIA_GREATER_THAN
            options.value_number = value
        case let .lessThan(value):
            code = LXW_VALIDATION_CRITERIA_LESS_THAN
            options.value_number = value
        case let .greaterThanOrEqualTo(value):
            code = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO
            options.value_number = value
        case let .lessThanOrEqualTo(value):
            code = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO
            options.value_number = value
        }
        options.criteria = UInt8(code.rawValue)
    }

    private static func rule(_ bound: ConditionalFormat.ScaleBound) -> (UInt8, Double) {
        switch bound {
        case .automatic: (0, 0)
        case let .number(value): (UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue), value)
        case let .percent(value): (UInt8(LXW_CONDITIONAL_RULE_TYPE_PERCENT.rawValue), value)
        case let .percentile(value): (UInt8(LXW_CONDITIONAL_RULE_TYPE_PERCENTILE.rawValue), value)
        }
    }
}
