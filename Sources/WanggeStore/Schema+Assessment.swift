import GRDB

extension Schema {
    /// `v3-assessment-facts`: one row of assessment facts per case (`CaseFacts`), a
    /// projection of the log like `cases`, written in the same transaction as the events.
    /// Keyed by report time so that a period's cohort is one contiguous range of the
    /// table: the figures of a month over a million cases read only that month's rows.
    /// Small values are packed into integers (`FactsPacking`): SQLite's cost per row grows
    /// with the number of columns read. Existing logs are folded into it when the
    /// migration runs.
    static func registerAssessmentFacts(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-assessment-facts") { db in
            try db.execute(sql: """
                CREATE TABLE assessment_facts (
                    reported_at INTEGER NOT NULL,
                    case_id INTEGER NOT NULL,
                    grid TEXT NOT NULL,
                    reporter TEXT NOT NULL,
                    handler TEXT,
                    closed_at INTEGER,
                    open_due INTEGER,
                    open_suspended_until INTEGER,
                    flags INTEGER NOT NULL,
                    case_counts INTEGER NOT NULL,
                    handler_counts INTEGER,
                    earlier_handlers TEXT,
                    PRIMARY KEY (reported_at, case_id)
                ) WITHOUT ROWID;
                """)
            try SQLiteCaseStore.refillAssessmentFacts(db)
        }
    }

    /// `v4-assessment-rollup`: the roll-up of settled cases per day and grid
    /// (`FactsRollup`), and a covering index of the facts rows of cases with a round
    /// running (`open_due` set), the only ones a month's figures still read row by row.
    /// The covering index holds every column in the table's own order, so the same
    /// decoder reads it; SQLite keeps it to the running cases only (a partial index).
    static func registerAssessmentRollup(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-assessment-rollup") { db in
            try db.execute(sql: """
                CREATE TABLE assessment_rollup (
                    day INTEGER NOT NULL,
                    grid TEXT NOT NULL,
                    cell BLOB NOT NULL,
                    PRIMARY KEY (day, grid)
                );
                CREATE INDEX assessment_facts_running ON assessment_facts(\(AssessmentFactsRow.selectColumns))
                    WHERE open_due IS NOT NULL;
                """)
            try SQLiteCaseStore.refillAssessmentRollup(db)
        }
    }

    /// `v5-rollup-running`: the roll-up takes the cases with a round running too (what
    /// their lateness adds, and from when), so a month's figures read no facts row of a
    /// whole day; the covering index of running cases that those reads used goes, which
    /// spares every write to a running case's facts row an index entry.
    static func registerRollupRunning(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-rollup-running") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS assessment_facts_running")
            try SQLiteCaseStore.refillAssessmentRollup(db)
        }
    }
}
