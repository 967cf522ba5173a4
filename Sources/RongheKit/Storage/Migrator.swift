/// Brings a database's schema up to date with an ordered list of named migrations.
///
/// Migration number *n* (1-based, its position in the list) is applied when the database's
/// `PRAGMA user_version` is *n − 1*, and sets it to *n*, so the version counts the migrations
/// applied. Migrations are only ever appended: never reorder, edit or remove a shipped one.
///
///     static let migrator = Migrator([
///         Migrator.Migration("create enterprise", sql: "CREATE TABLE enterprise(id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
///         Migrator.Migration("index names") { db in try db.execute(sql: "CREATE INDEX enterprise_name ON enterprise(name)") },
///     ])
///     try Self.migrator.migrate(db)
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction, together with the
/// `user_version` update: a migration that fails is rolled back entirely, the ones before it stay
/// applied, and the next run resumes with it. The version is read again inside each transaction,
/// so two processes migrating the same file at once apply every migration exactly once.
///
/// While migrating, foreign key enforcement is switched off (it cannot change inside a
/// transaction, and rebuilding a table would otherwise cascade or fail); instead, each migration
/// must leave `PRAGMA foreign_key_check` clean before it commits. Enforcement is switched back on
/// afterwards. Migration bodies run inside a transaction: they may use savepoints but not
/// ``SQLiteConnection/transaction(_:_:)``, and scripts must not contain `BEGIN` or `COMMIT`.
public struct Migrator: Sendable {
    /// One named step of the schema's history.
    public struct Migration: Sendable {
        /// A short description, shown in errors and returned by ``Migrator/migrate(_:)``.
        public let name: String
        let apply: @Sendable (SQLiteConnection) throws -> Void

        /// A migration that runs Swift code, for example to convert data.
        public init(_ name: String, apply: @escaping @Sendable (SQLiteConnection) throws -> Void) {
            self.name = name
            self.apply = apply
        }

        /// A migration that runs an SQL script.
        public init(_ name: String, sql: String) {
            self.init(name) { db in try db.execute(sql: sql) }
        }
    }

    /// The migrations, in the order they apply.
    public private(set) var migrations: [Migration]

    /// Creates a migrator; names must be unique.
    public init(_ migrations: [Migration] = []) {
        self.migrations = []
        for migration in migrations { append(migration) }
    }

    /// Appends a migration that runs an SQL script.
    public mutating func register(_ name: String, sql: String) {
        append(Migration(name, sql: sql))
    }

    /// Appends a migration that runs Swift code.
    public mutating func register(_ name: String, apply: @escaping @Sendable (SQLiteConnection) throws -> Void) {
        append(Migration(name, apply: apply))
    }

    private mutating func append(_ migration: Migration) {
        precondition(
            !migrations.contains { $0.name == migration.name },
            "migration name \"\(migration.name)\" registered twice"
        )
        migrations.append(migration)
    }

    /// The schema version this build knows: the number of migrations.
    public var latestVersion: Int { migrations.count }

    /// Whether `db` still lacks some migrations. Throws for a database newer than this build.
    public func hasPendingMigrations(_ db: SQLiteConnection) throws -> Bool {
        try checkedVersion(db) < latestVersion
    }

    /// Applies every migration the database lacks and returns their names, in order; an empty
    /// array when it was up to date.
    ///
    /// Throws ``MigrationError/newerSchema(found:known:)`` before touching anything when the
    /// database has more migrations than this build knows, and ``MigrationError/failed(version:name:underlying:)``
    /// when a migration fails (after rolling it back).
    @discardableResult
    public func migrate(_ db: SQLiteConnection) throws -> [String] {
        guard try checkedVersion(db) < latestVersion else { return [] }
        guard !db.isInTransaction else {
            throw DatabaseError(resultCode: .misuse, message: "migrate(_:) called inside a transaction")
        }

        let enforcedForeignKeys = try db.scalar("PRAGMA foreign_keys", as: Bool.self)
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        let applied: [String]
        do {
            applied = try applyPending(db)
        } catch {
            if enforcedForeignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            throw error
        }
        if enforcedForeignKeys { try db.execute(sql: "PRAGMA foreign_keys = ON") }
        return applied
    }

    private func applyPending(_ db: SQLiteConnection) throws -> [String] {
        var applied: [String] = []
        while true {
            var current: (version: Int, name: String)?
            do {
                let done = try db.transaction(.immediate) { db -> Bool in
                    // Read again under the write lock: another process may have migrated meanwhile.
                    let version = try checkedVersion(db)
                    guard version < latestVersion else { return true }
                    let migration = migrations[version]
                    current = (version + 1, migration.name)
                    try migration.apply(db)
                    try Self.checkForeignKeys(db)
                    try db.setUserVersion(version + 1)
                    return false
                }
                if done { return applied }
            } catch let error as MigrationError {
                throw error
            } catch {
                guard let current else { throw error }
                throw MigrationError.failed(version: current.version, name: current.name, underlying: error)
            }
            if let current { applied.append(current.name) }
        }
    }

    private func checkedVersion(_ db: SQLiteConnection) throws -> Int {
        let version = try db.userVersion()
        guard version >= 0 else { throw MigrationError.invalidVersion(version) }
        guard version <= latestVersion else {
            throw MigrationError.newerSchema(found: version, known: latestVersion)
        }
        return version
    }

    private static func checkForeignKeys(_ db: SQLiteConnection) throws {
        let sql = "PRAGMA foreign_key_check"
        let violations = try db.rows(sql)
        guard let first = violations.first else { return }
        let table = try first.string("table")
        let parent = try first.string("parent")
        let rowid = try first.optionalInt64("rowid").map { "rowid \($0)" } ?? "a row"
        throw DatabaseError(
            resultCode: .constraintForeignKey,
            message: "\(violations.count) foreign key violation(s), the first: \(rowid) of \(table) "
                + "refers to a missing row of \(parent)",
            sql: sql
        )
    }
}

/// Why ``Migrator/migrate(_:)`` did not bring a database up to date.
public enum MigrationError: Error, CustomStringConvertible {
    /// The database has more migrations applied than this build knows: it was written by a newer
    /// version of ronghe, and this one must not touch it.
    case newerSchema(found: Int, known: Int)
    /// Migration number `version` failed and was rolled back; the ones before it are applied.
    case failed(version: Int, name: String, underlying: any Error)
    /// `PRAGMA user_version` is negative, which no version of ronghe writes.
    case invalidVersion(Int)

    /// The message for the user, for example `this database was written by a newer version of
    /// ronghe (schema 7, this build knows 5)`.
    public var description: String {
        switch self {
        case let .newerSchema(found, known):
            "this database was written by a newer version of ronghe (schema \(found), this build knows \(known))"
        case let .failed(version, name, underlying):
            "migration \(version) \"\(name)\" failed and was rolled back: \(underlying)"
        case let .invalidVersion(version):
            "this database has the invalid schema version \(version) (PRAGMA user_version); it was not written by ronghe"
        }
    }
}
