import Foundation

/// A campaign database: campaigns and their trees, imported files and every record in them,
/// staff flags, scoring batches and their results.
///
///     let store = try CampaignStore.open(path: "ronghe.sqlite", createIfMissing: true)
///     let campaign = try store.createCampaign(name: "2026", treeJSON: data, source: "tree.json")
///     let report = try store.importFile(at: url, name: "surveys/a.csv", into: campaign)
///     let scored = try store.scoreCampaign(campaign)
///     let ranking = try store.results(batch: scored.batch.id)
///
/// Every change is one SQLite transaction: an import writes a whole file or nothing, a scoring
/// run a whole batch or nothing, so a process killed at any moment leaves the database as it was
/// before the interrupted step, and running the step again finishes the job. Files are read and
/// validated, and batches scored, before the write transaction opens, so transactions stay short
/// and several processes can import into one database at once (WAL, `BEGIN IMMEDIATE`, and a
/// busy timeout of ``busyTimeout``).
///
/// A store owns one connection and stays on one task, like ``SQLiteConnection``.
public final class CampaignStore {
    /// How long a write waits for another process's transaction before giving up.
    public static let busyTimeout: Duration = .seconds(120)

    /// The page size of a new database. A submission row (raw record, answers and profile as
    /// JSON) takes 1–2.5 KB; on SQLite's default 4 KB pages one such row often fills half a
    /// page and the rest goes unused, while 16 KB pages hold several.
    static let pageSize = 16_384

    /// The database file.
    public let path: String
    let db: SQLiteConnection
    /// The clock stamping records; tests may fix it.
    var now: () -> Date = { Date() }
    /// Trees parsed from stored JSON, by tree revision id.
    private var trees: [Int64: IndicatorTree] = [:]

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        self.db = connection
    }

    /// Opens the database at `path`, bringing its schema up to date.
    ///
    /// - Parameter createIfMissing: Whether a missing file is created (for `campaign new`); when
    ///   false, a missing file throws ``StoreError/databaseMissing(path:)`` and nothing is created.
    /// - Throws: ``StoreError/notARongheDatabase(path:)`` for an SQLite file with other tables,
    ///   ``MigrationError/newerSchema(found:known:)`` for a database written by a newer ronghe.
    public static func open(path: String, createIfMissing: Bool = false) throws -> CampaignStore {
        if !createIfMissing && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.databaseMissing(path: path)
        }
        let connection = try SQLiteConnection(
            path: path,
            configuration: .init(
                mode: createIfMissing ? .readWriteCreate : .readWrite, busyTimeout: busyTimeout, pageSize: pageSize))
        let applicationID = try connection.scalar("PRAGMA application_id", as: Int.self)
        if applicationID != Int(StoreSchema.applicationID) {
            // A brand-new file has no tables; anything else belongs to another program.
            let tables = try connection.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self)
            guard applicationID == 0, tables == 0 else { throw StoreError.notARongheDatabase(path: path) }
        }
        try StoreSchema.migrator.migrate(connection)
        // A bigger page cache keeps bulk inserts off the disk; the log is truncated after a
        // checkpoint so one 100,000-record import does not leave a log of its size behind.
        try connection.execute(sql: "PRAGMA cache_size = -262144; PRAGMA journal_size_limit = 67108864")
        return CampaignStore(path: path, connection: connection)
    }

    /// The schema version of the database (the number of migrations applied).
    public func schemaVersion() throws -> Int {
        try db.userVersion()
    }

    /// The problems `PRAGMA integrity_check` finds; empty when the file is sound.
    public func integrityCheck() throws -> [String] {
        try db.integrityCheck()
    }

    // MARK: Campaigns

    /// Creates a campaign with its first tree revision.
    ///
    /// - Parameters:
    ///   - treeJSON: The indicator tree file's bytes; it is validated in full and kept as text.
    ///   - source: The file's path as given, for messages and the record.
    ///   - year: The campaign year; the current year when nil.
    /// - Throws: ``IndicatorError`` for an invalid tree, ``StoreError/campaignExists(name:)``.
    @discardableResult
    public func createCampaign(name: String, treeJSON: Data, source: String, year: Int? = nil) throws -> Campaign {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalidCampaignName }
        let tree = try IndicatorTree.parse(treeJSON, source: source)
        let text = try Self.text(of: treeJSON, source: source)
        let year = year ?? Calendar(identifier: .gregorian).component(.year, from: now())
        let stamp = StoreTimestamp.format(now())
        let id = try db.transaction { db -> Int64 in
            if try db.firstRow("SELECT 1 FROM campaign WHERE name = ?", [name]) != nil {
                throw StoreError.campaignExists(name: name)
            }
            try db.execute("INSERT INTO campaign(name, year, created_at) VALUES (?, ?, ?)", [name, year, stamp])
            let id = db.lastInsertedRowID
            try insertRevision(campaignID: id, revision: 1, tree: tree, text: text, source: source, stamp: stamp)
            return id
        }
        return try campaign(id: id)
    }

    /// Gives a campaign a revised tree, keeping the earlier revisions; nothing changes when the
    /// tree is the one in use (same hash). Results are not touched: score again to apply it.
    @discardableResult
    public func setTree(campaign: Campaign, treeJSON: Data, source: String) throws -> TreeChange {
        let tree = try IndicatorTree.parse(treeJSON, source: source)
        let text = try Self.text(of: treeJSON, source: source)
        let stamp = StoreTimestamp.format(now())
        return try db.transaction { db -> TreeChange in
            let current = try currentRevision(campaignID: campaign.id)
            if current.hash == tree.hash {
                return TreeChange(campaign: try self.campaign(id: campaign.id), previous: current, isChanged: false)
            }
            try insertRevision(
                campaignID: campaign.id, revision: current.revision + 1, tree: tree, text: text, source: source, stamp: stamp)
            return TreeChange(campaign: try self.campaign(id: campaign.id), previous: current, isChanged: true)
        }
    }

    private func insertRevision(campaignID: Int64, revision: Int, tree: IndicatorTree, text: String, source: String, stamp: String) throws {
        try db.execute(
            """
            INSERT INTO tree_revision(campaign_id, revision, tree_hash, questions_hash, tree_id, tree_version, tree_json, source, installed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [campaignID, revision, tree.hash, try Self.questionsHash(ofTreeText: text), tree.id, tree.version, text, source, stamp])
        trees[db.lastInsertedRowID] = tree
    }

    private static func text(of data: Data, source: String) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw IndicatorError.unreadable(file: source, reason: "the file is not UTF-8 text")
        }
        return text
    }

    /// The SHA-256 of the canonical JSON of the tree's questions: what survey validation reads.
    static func questionsHash(ofTreeText text: String) throws -> String {
        let questions = try StoredJSON.parse(text, what: "indicator tree")["questions"] ?? .null
        return SHA256.hexDigest(of: Array(questions.canonicalText.utf8))
    }

    /// Every campaign, by name.
    public func campaigns() throws -> [Campaign] {
        try db.transaction(.deferred) { db in
            try db.rows("SELECT id FROM campaign ORDER BY name").map { try campaign(id: $0.int64(0)) }
        }
    }

    /// Every campaign with counts of what it holds, by name.
    public func campaignOverviews() throws -> [CampaignOverview] {
        try db.transaction(.deferred) { db in
            try db.rows("""
                SELECT c.id,
                    (SELECT count(*) FROM tree_revision WHERE campaign_id = c.id),
                    (SELECT count(*) FROM imported_file WHERE campaign_id = c.id),
                    (SELECT count(*) FROM submission WHERE campaign_id = c.id),
                    (SELECT count(*) FROM current_submission WHERE campaign_id = c.id),
                    (SELECT count(*) FROM batch WHERE campaign_id = c.id),
                    (SELECT max(id) FROM batch WHERE campaign_id = c.id)
                FROM campaign c ORDER BY c.name
                """).map { row in
                CampaignOverview(
                    campaign: try campaign(id: row.int64(0)), revisions: try row.decode(at: 1), files: try row.decode(at: 2),
                    submissions: try row.decode(at: 3), enterprises: try row.decode(at: 4), batches: try row.decode(at: 5),
                    latestBatch: try row.optionalInt64(6))
            }
        }
    }

    /// The campaign with this name.
    public func campaign(named name: String) throws -> Campaign {
        guard let row = try db.firstRow("SELECT id FROM campaign WHERE name = ?", [name]) else {
            throw StoreError.unknownCampaign(name: name, available: try campaignNames())
        }
        return try campaign(id: row.int64(0))
    }

    /// The campaign named, or the only one when `name` is nil.
    ///
    /// - Throws: ``StoreError/noCampaigns``, ``StoreError/campaignRequired(available:)`` when
    ///   there are several and none is named, ``StoreError/unknownCampaign(name:available:)``.
    public func resolveCampaign(_ name: String?) throws -> Campaign {
        if let name { return try campaign(named: name) }
        let names = try campaignNames()
        switch names.count {
        case 0: throw StoreError.noCampaigns
        case 1: return try campaign(named: names[0])
        default: throw StoreError.campaignRequired(available: names)
        }
    }

    func campaignNames() throws -> [String] {
        try db.rows("SELECT name FROM campaign ORDER BY name").map { try $0.string(0) }
    }

    func campaign(id: Int64) throws -> Campaign {
        guard let row = try db.firstRow("SELECT id, name, year, created_at FROM campaign WHERE id = ?", [id]) else {
            throw StoreError.damaged("campaign \(id) is missing")
        }
        return Campaign(
            id: try row.int64(0), name: try row.string(1), year: try row.decode(at: 2),
            createdAt: try StoreTimestamp.parse(row.string(3)), tree: try currentRevision(campaignID: id))
    }

    /// Every tree revision of a campaign, oldest first.
    public func treeRevisions(of campaign: Campaign) throws -> [TreeRevision] {
        try db.rows("\(Self.revisionColumns) WHERE campaign_id = ? ORDER BY revision", [campaign.id]).map(Self.revision)
    }

    static let revisionColumns = "SELECT id, revision, tree_id, tree_version, tree_hash, source, installed_at FROM tree_revision"

    func currentRevision(campaignID: Int64) throws -> TreeRevision {
        let sql = "\(Self.revisionColumns) WHERE campaign_id = ? ORDER BY revision DESC LIMIT 1"
        guard let row = try db.firstRow(sql, [campaignID]) else {
            throw StoreError.damaged("campaign \(campaignID) has no tree")
        }
        return try Self.revision(row)
    }

    func revision(id: Int64) throws -> TreeRevision {
        guard let row = try db.firstRow("\(Self.revisionColumns) WHERE id = ?", [id]) else {
            throw StoreError.damaged("tree revision \(id) is missing")
        }
        return try Self.revision(row)
    }

    static func revision(_ row: Row) throws -> TreeRevision {
        TreeRevision(
            id: try row.int64(0), revision: try row.decode(at: 1), treeID: try row.string(2), treeVersion: try row.string(3),
            hash: try row.string(4), source: try row.string(5), installedAt: try StoreTimestamp.parse(row.string(6)))
    }

    /// The indicator tree of a revision, parsed from its stored JSON (once per store).
    public func tree(of revision: TreeRevision) throws -> IndicatorTree {
        try tree(revisionID: revision.id)
    }

    func tree(revisionID: Int64) throws -> IndicatorTree {
        if let tree = trees[revisionID] { return tree }
        guard let row = try db.firstRow("SELECT tree_json, revision, campaign_id FROM tree_revision WHERE id = ?", [revisionID]) else {
            throw StoreError.damaged("tree revision \(revisionID) is missing")
        }
        let source = "stored tree revision \(try row.int64(1)) of campaign \(try row.int64(2))"
        let tree = try IndicatorTree.parse(Data(try row.string(0).utf8), source: source)
        trees[revisionID] = tree
        return tree
    }

    /// The questions hash of a revision.
    func questionsHash(revisionID: Int64) throws -> String {
        try db.scalar("SELECT questions_hash FROM tree_revision WHERE id = ?", [revisionID], as: String.self)
    }
}

extension CampaignStore {
    /// Copies the write-ahead log into the database file and empties it, for example before the
    /// file is copied as a backup. Throws when other processes are using the database.
    public func checkpoint() throws {
        try db.checkpoint()
    }

    /// The bytes each table and index takes, largest first; empty when this SQLite lacks the
    /// `dbstat` table.
    public func spaceUsed() throws -> [(name: String, bytes: Int)] {
        try db.rows("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY sum(pgsize) DESC")
            .map { (try $0.string(0), try $0.decode(Int.self, at: 1)) }
    }
}

extension CampaignStore {
    /// Calls `body` with each row of a query as it is stepped, so a 100,000-row result is never
    /// held as a whole.
    func forEachRow(_ sql: String, _ arguments: [any SQLiteValueConvertible], _ body: (Row) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        var names: [String]?
        while try statement.step() == .row {
            let columnNames = names ?? statement.columnNames
            names = columnNames
            var values: [SQLiteValue] = []
            values.reserveCapacity(columnNames.count)
            for index in columnNames.indices { values.append(try statement.column(index)) }
            try body(Row(columnNames: columnNames, values: values, sql: statement.sql))
        }
    }
}
