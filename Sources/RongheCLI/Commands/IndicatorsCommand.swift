extension CommandGroup {
    /// `ronghe indicators`: commands on indicator-tree files (指标体系).
    static let indicators = CommandGroup(
        name: "indicators",
        abstract: "Check and list indicator trees (指标体系).",
        discussion: """
            An indicator tree is a JSON file holding the survey's questions, the weighted tree of \
            indicators over them, the development stages, veto rules and the selection policy. \
            indicators/README.md documents the format.
            """,
        subcommands: [
            .command(IndicatorsCheckCommand.self)
        ],
        examples: ["ronghe indicators check indicators/lianghua-default.json"]
    )
}
