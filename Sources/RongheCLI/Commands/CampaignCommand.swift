extension CommandGroup {
    /// `ronghe campaign`: create, list and revise assessment campaigns (评估工作).
    static let campaign = CommandGroup(
        name: "campaign",
        abstract: "Create, list and revise assessment campaigns (评估工作).",
        discussion: """
            A campaign binds an indicator tree, with its selection policy, to the surveys imported \
            for it and the batches they are scored in. Several campaigns can share one database; \
            commands then need --campaign NAME. A revised tree is added as a new revision; earlier \
            revisions are kept, and every batch names the one it used.
            """,
        subcommands: [
            .command(CampaignNewCommand.self),
            .command(CampaignListCommand.self),
            .command(CampaignSetTreeCommand.self),
        ],
        examples: [
            "ronghe campaign new 德州2026 --indicators indicators/lianghua-default.json",
            "ronghe campaign list",
            "ronghe campaign set-tree 德州2026 --indicators indicators/lianghua-2026.2.json",
        ]
    )
}
