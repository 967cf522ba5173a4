/// The campaign store's tables, as an append-only list of migrations.
///
/// Principles the schema keeps:
///
/// - **Nothing is overwritten.** Submissions, file contents, tree revisions, batches and results
///   are only ever inserted. What changes over time is kept as history: a staff flag is removed by
///   stamping `removed_at`, a tree revision by adding a higher revision. The one table updated in
///   place, `current_submission`, is an index of which submission is in effect, maintained in the
///   same transaction as the submission that changes it.
/// - **Every figure traces back to its file.** A result names the submission it scored; the
///   submission names its file (`imported_file`), its place in it and its raw record; the file
///   names its bytes (`file_content`, by SHA-256).
/// - **Doubles read back bit for bit.** Result columns holding scores are declared without a type
///   (BLOB affinity), so SQLite stores every double as it is, where a `REAL` column would turn
///   `-0.0` into `0`. Node results are packed by ``NodeResultPacking``.
enum StoreSchema {
    /// `PRAGMA application_id` of a ronghe database: "RHNG".
    static let applicationID: Int32 = 0x5248_4E47

    static let migrator = Migrator([
        Migrator.Migration("campaign store", sql: """
            PRAGMA application_id = \(applicationID);

            -- An assessment campaign (评估工作): a name, its year and the trees it has used.
            CREATE TABLE campaign (
                id          INTEGER PRIMARY KEY,
                name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
                year        INTEGER NOT NULL,
                created_at  TEXT NOT NULL
            );

            -- Every indicator tree a campaign has been given, with its selection policy (part of the
            -- tree's JSON). The campaign's current tree is its highest revision; earlier ones stay, so
            -- each import and batch can name exactly the tree it used.
            CREATE TABLE tree_revision (
                id              INTEGER PRIMARY KEY,
                campaign_id     INTEGER NOT NULL REFERENCES campaign(id),
                revision        INTEGER NOT NULL CHECK (revision >= 1),
                tree_hash       TEXT NOT NULL,    -- IndicatorTree.hash: SHA-256 of the canonical JSON
                questions_hash  TEXT NOT NULL,    -- SHA-256 of the questions alone: what validation reads
                tree_id         TEXT NOT NULL,    -- the tree's own id and version, for listings
                tree_version    TEXT NOT NULL,
                tree_json       TEXT NOT NULL,    -- the file's text, as given
                source          TEXT NOT NULL,    -- the path given on the command line
                installed_at    TEXT NOT NULL,
                UNIQUE (campaign_id, revision)
            );

            -- The bytes of every imported file, once per distinct content.
            CREATE TABLE file_content (
                id      INTEGER PRIMARY KEY,
                sha256  TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
                size    INTEGER NOT NULL,
                bytes   BLOB NOT NULL,
                CHECK (length(bytes) = size)
            );

            -- One import of a file into a campaign. The same bytes are imported into a campaign once.
            CREATE TABLE imported_file (
                id                  INTEGER PRIMARY KEY,
                campaign_id         INTEGER NOT NULL REFERENCES campaign(id),
                content_id          INTEGER NOT NULL REFERENCES file_content(id),
                tree_revision_id    INTEGER NOT NULL REFERENCES tree_revision(id),  -- validated against
                name                TEXT NOT NULL,    -- as given on the command line
                format              TEXT NOT NULL CHECK (format IN ('json', 'csv', 'xlsx', 'form')),
                strict              INTEGER NOT NULL CHECK (strict IN (0, 1)),
                readable            INTEGER NOT NULL CHECK (readable IN (0, 1)),
                received_at         TEXT NOT NULL,
                warnings_json       TEXT NOT NULL,    -- file-level warnings, such as ignored columns
                record_count        INTEGER NOT NULL,
                new_count           INTEGER NOT NULL,
                resubmission_count  INTEGER NOT NULL,
                unchanged_count     INTEGER NOT NULL,
                rejected_count      INTEGER NOT NULL,
                UNIQUE (campaign_id, content_id)
            );

            -- Enterprises by credit code, with the latest profile accepted from them.
            CREATE TABLE enterprise (
                uscc            TEXT PRIMARY KEY CHECK (length(uscc) = 18),
                name            TEXT NOT NULL,
                district        TEXT NOT NULL,
                industry        TEXT NOT NULL,
                size            TEXT NOT NULL,
                submission_id   INTEGER NOT NULL REFERENCES submission(id),  -- where the profile comes from
                updated_at      TEXT NOT NULL
            );

            -- Every record of every imported file, accepted or rejected; for a file that cannot be read
            -- at all, one rejected row (ordinal 0) carrying the error.
            --
            -- outcome: new            accepted, the enterprise's first accepted submission
            --          resubmission   accepted, supersedes previous_id (= supersedes)
            --          unchanged      accepted, repeats previous_id exactly (same profile and answers);
            --                         kept for the record, previous_id stays in effect
            --          rejected       rejected; the enterprise had no accepted submission (or is unknown)
            --          rejected-resubmission
            --                         rejected; previous_id, accepted earlier, stays in effect
            CREATE TABLE submission (
                id              INTEGER PRIMARY KEY,
                campaign_id     INTEGER NOT NULL REFERENCES campaign(id),
                file_id         INTEGER NOT NULL REFERENCES imported_file(id),
                ordinal         INTEGER NOT NULL CHECK (ordinal >= 0),  -- record number in the file, from 1
                place           TEXT NOT NULL,    -- FileLocation description: file:17, file:问卷!C7
                uscc            TEXT,             -- a well-formed credit code, or NULL when there is none
                name            TEXT,             -- the enterprise name as written, when there is one
                status          TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
                outcome         TEXT NOT NULL CHECK (outcome IN
                                    ('new', 'resubmission', 'unchanged', 'rejected', 'rejected-resubmission')),
                previous_id     INTEGER REFERENCES submission(id),
                supersedes      INTEGER UNIQUE REFERENCES submission(id),
                raw_json        TEXT,             -- NULL only for a file that cannot be read
                profile_json    TEXT,             -- parsed, when accepted
                answers_json    TEXT,
                issues_json     TEXT NOT NULL,    -- errors and warnings, in Chinese and English
                received_at     TEXT NOT NULL,
                UNIQUE (file_id, ordinal),
                CHECK ((status = 'accepted') = (outcome IN ('new', 'resubmission', 'unchanged'))),
                CHECK ((status = 'accepted') = (profile_json IS NOT NULL AND answers_json IS NOT NULL)),
                CHECK (status = 'rejected' OR uscc IS NOT NULL),
                CHECK ((outcome IN ('new', 'rejected')) = (previous_id IS NULL)),
                CHECK ((outcome = 'resubmission') = (supersedes IS NOT NULL)),
                CHECK (supersedes IS NULL OR supersedes = previous_id)
            );
            CREATE INDEX submission_by_enterprise ON submission(campaign_id, uscc, id);

            -- The submission in effect for each enterprise of a campaign: its latest accepted one that
            -- is not a mere repeat.
            CREATE TABLE current_submission (
                campaign_id     INTEGER NOT NULL REFERENCES campaign(id),
                uscc            TEXT NOT NULL REFERENCES enterprise(uscc),
                submission_id   INTEGER NOT NULL UNIQUE REFERENCES submission(id),
                PRIMARY KEY (campaign_id, uscc)
            ) WITHOUT ROWID;

            -- A submission validated again against a later tree whose questions differ from those it
            -- was imported under (answers depend on the questions only).
            CREATE TABLE revalidation (
                submission_id       INTEGER NOT NULL REFERENCES submission(id),
                questions_hash      TEXT NOT NULL,
                tree_revision_id    INTEGER NOT NULL REFERENCES tree_revision(id),  -- the first one it was done for
                accepted            INTEGER NOT NULL CHECK (accepted IN (0, 1)),
                profile_json        TEXT,
                answers_json        TEXT,
                issues_json         TEXT NOT NULL,
                validated_at        TEXT NOT NULL,
                PRIMARY KEY (submission_id, questions_hash),
                CHECK ((accepted = 1) = (profile_json IS NOT NULL AND answers_json IS NOT NULL))
            ) WITHOUT ROWID;

            -- Marks set by bureau staff, such as falsified (弄虚作假), which veto rules test. Removing a
            -- flag stamps it; the row stays.
            CREATE TABLE staff_flag (
                id              INTEGER PRIMARY KEY,
                campaign_id     INTEGER NOT NULL REFERENCES campaign(id),
                uscc            TEXT NOT NULL REFERENCES enterprise(uscc),
                flag            TEXT NOT NULL CHECK (length(flag) > 0),
                note            TEXT,
                set_by          TEXT NOT NULL,
                set_at          TEXT NOT NULL,
                removed_by      TEXT,
                removed_at      TEXT,
                removal_note    TEXT,
                CHECK ((removed_by IS NULL) = (removed_at IS NULL))
            );
            CREATE UNIQUE INDEX staff_flag_in_force ON staff_flag(campaign_id, uscc, flag) WHERE removed_at IS NULL;

            -- One scoring run over a campaign's current submissions, written in one transaction.
            CREATE TABLE batch (
                id                  INTEGER PRIMARY KEY,
                campaign_id         INTEGER NOT NULL REFERENCES campaign(id),
                tree_revision_id    INTEGER NOT NULL REFERENCES tree_revision(id),
                tree_hash           TEXT NOT NULL,
                engine_version      TEXT NOT NULL,
                parameters_json     TEXT NOT NULL,
                inputs_hash         TEXT NOT NULL,    -- tree, engine, submissions and flags scored
                started_at          TEXT NOT NULL,
                finished_at         TEXT NOT NULL,
                enterprise_count    INTEGER NOT NULL,
                ranked_count        INTEGER NOT NULL,
                vetoed_count        INTEGER NOT NULL,
                eligible_count      INTEGER,          -- NULL when the tree has no selection policy
                recommended_count   INTEGER,
                excluded_count      INTEGER NOT NULL
            );
            CREATE INDEX batch_by_campaign ON batch(campaign_id, id);

            -- The nodes of a batch's tree in order, stored once per batch: what each result's packed
            -- node BLOB is read against. Numbers untyped, to keep their bits.
            CREATE TABLE batch_node (
                batch_id                INTEGER NOT NULL REFERENCES batch(id),
                position                INTEGER NOT NULL,
                node_id                 TEXT NOT NULL,
                nominal_weight          NOT NULL,
                usual_weight            NOT NULL,
                usual_global_weight     NOT NULL,
                PRIMARY KEY (batch_id, position)
            ) WITHOUT ROWID;

            -- Current submissions a batch could not score: they fail the checks of the batch's tree.
            CREATE TABLE batch_exclusion (
                batch_id        INTEGER NOT NULL REFERENCES batch(id),
                uscc            TEXT NOT NULL,
                submission_id   INTEGER NOT NULL REFERENCES submission(id),
                issues_json     TEXT NOT NULL,
                PRIMARY KEY (batch_id, uscc)
            ) WITHOUT ROWID;

            -- One enterprise's result in a batch. position is its index in the engine's result (USCC
            -- order); name to size are the profile scored.
            CREATE TABLE result (
                id              INTEGER PRIMARY KEY,
                batch_id        INTEGER NOT NULL REFERENCES batch(id),
                position        INTEGER NOT NULL,
                uscc            TEXT NOT NULL REFERENCES enterprise(uscc),
                submission_id   INTEGER NOT NULL REFERENCES submission(id),
                name            TEXT NOT NULL,
                district        TEXT NOT NULL,
                industry        TEXT NOT NULL,
                size            TEXT NOT NULL,
                staff_flags     TEXT NOT NULL,    -- JSON array of the flags applied
                total           NOT NULL,         -- untyped: the double's exact bits
                stage           TEXT,
                vetoes          TEXT NOT NULL,    -- JSON array of veto rule ids
                completeness    NOT NULL,
                ranked          INTEGER NOT NULL CHECK (ranked IN (0, 1)),
                rank_overall    INTEGER,
                rank_district   INTEGER,
                rank_industry   INTEGER,
                rank_size       INTEGER,
                track           TEXT,             -- selection track, when the tree has a policy
                eligible        INTEGER,
                recommended     INTEGER,
                selection_place INTEGER,
                nodes           BLOB NOT NULL,    -- NodeResultPacking, against batch_node
                UNIQUE (batch_id, uscc),
                UNIQUE (batch_id, position)
            );
            """),
    ])
}
