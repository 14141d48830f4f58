import GRDB

extension Schema {
    /// `v3-assessment-facts`: one row of assessment facts per case (`CaseFacts`), a
    /// projection of the log like `cases`, written in the same transaction as the events.
    /// Keyed by report time so that a period's cohort is one contiguous range of the
    /// table: the figures of a month over a million cases read only that month's rows.
    /// Existing logs are folded into it when the migration runs.
    static func registerAssessmentFacts(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-assessment-facts") { db in
            try db.execute(sql: """
                CREATE TABLE assessment_facts (
                    reported_at INTEGER NOT NULL,
                    case_id INTEGER NOT NULL,
                    grid TEXT NOT NULL,
                    reporter TEXT NOT NULL,
                    source TEXT NOT NULL,
                    status TEXT NOT NULL,
                    closed_at INTEGER,
                    closed_at_grid_level INTEGER NOT NULL,
                    satisfaction TEXT,
                    late_rounds INTEGER NOT NULL,
                    dispatch_in_time INTEGER NOT NULL,
                    dispatch_late INTEGER NOT NULL,
                    hotline_response INTEGER,
                    open_stage TEXT,
                    open_due INTEGER,
                    open_suspended_until INTEGER,
                    handler TEXT,
                    dispatches INTEGER NOT NULL,
                    send_backs INTEGER NOT NULL,
                    handled_on_time INTEGER NOT NULL,
                    handled_late INTEGER NOT NULL,
                    checks_passed INTEGER NOT NULL,
                    checks_failed INTEGER NOT NULL,
                    fed_back INTEGER NOT NULL,
                    reworked INTEGER NOT NULL,
                    evaluations INTEGER NOT NULL,
                    satisfied INTEGER NOT NULL,
                    earlier_handlers TEXT,
                    PRIMARY KEY (reported_at, case_id)
                ) WITHOUT ROWID;
                """)
            try SQLiteCaseStore.refillAssessmentFacts(db)
        }
    }
}
