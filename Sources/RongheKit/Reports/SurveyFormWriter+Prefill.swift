extension SurveyFormWriter {
    /// The values that pre-fill a form with a validated response, such as last year's answers
    /// sent back for the enterprise to update, in the form's language.
    ///
    /// Yes/no answers become 是/否 (Yes/No), choices their option label, multi-choice answers the
    /// list of their option codes, 不适用 the form's word for it, the size class its label; numbers
    /// and texts stay as they are. Answers to questions the tree does not have are left out.
    public func prefill(from response: SurveyResponse) -> [String: RawValue] {
        var values: [String: RawValue] = [:]
        let profile = response.profile
        values[ProfileField.uscc.rawValue] = .text(profile.uscc)
        values[ProfileField.name.rawValue] = .text(profile.name)
        values[ProfileField.district.rawValue] = .text(profile.district)
        values[ProfileField.industry.rawValue] = .text(profile.industry)
        values[ProfileField.size.rawValue] = .text(profile.size.label.text(language))
        if let employees = profile.employees { values[ProfileField.employees.rawValue] = .number(Double(employees)) }
        if let revenue = profile.revenue { values[ProfileField.revenue.rawValue] = .number(revenue) }
        values[ProfileField.year.rawValue] = .number(Double(profile.year))
        for (id, answer) in response.answers {
            guard let question = tree.question(id) else { continue }
            switch answer {
            case .number(let number): values[id] = .number(number)
            case .yesNo(let flag): values[id] = .text(Self.yesNoLabel(flag, language))
            case .choice(let code): values[id] = .text(question.option(code)?.label.text(language) ?? code)
            case .choices(let codes): values[id] = .list(codes.map { .text($0) })
            case .text(let text): values[id] = .text(text)
            case .notApplicable: values[id] = .text(Self.notApplicableLabel(language))
            }
        }
        return values
    }
}
