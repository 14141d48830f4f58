import GRDB

extension Schema {
    /// `v3-routine-log`: the grid workers' routine work log (五查三问). Entries and their
    /// findings are append-only like the events (triggers refuse UPDATE and DELETE). A
    /// finding that became a case is known from the case's `source_ref`, so nothing here
    /// is ever rewritten and "as of" a past time only needs the case's report time.
    static func registerRoutineLog(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-routine-log") { db in
            try db.execute(sql: """
                CREATE TABLE routine_entries (
                    id INTEGER PRIMARY KEY,
                    worker TEXT NOT NULL,
                    grid TEXT NOT NULL,
                    building TEXT,
                    kind TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    note TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    idempotency_key TEXT UNIQUE
                );
                CREATE INDEX routine_entries_by_at ON routine_entries(at);
                CREATE INDEX routine_entries_by_worker ON routine_entries(worker, at);
                CREATE TABLE routine_findings (
                    entry_id INTEGER NOT NULL REFERENCES routine_entries(id),
                    number INTEGER NOT NULL,
                    item TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (entry_id, number)
                ) WITHOUT ROWID;
                CREATE INDEX cases_by_source_ref ON cases(source_ref) WHERE source_ref IS NOT NULL;
                CREATE TRIGGER routine_entries_refuse_update BEFORE UPDATE ON routine_entries
                BEGIN SELECT RAISE(ABORT, 'routine entries are append-only: UPDATE refused'); END;
                CREATE TRIGGER routine_entries_refuse_delete BEFORE DELETE ON routine_entries
                BEGIN SELECT RAISE(ABORT, 'routine entries are append-only: DELETE refused'); END;
                CREATE TRIGGER routine_findings_refuse_update BEFORE UPDATE ON routine_findings
                BEGIN SELECT RAISE(ABORT, 'routine findings are append-only: UPDATE refused'); END;
                CREATE TRIGGER routine_findings_refuse_delete BEFORE DELETE ON routine_findings
                BEGIN SELECT RAISE(ABORT, 'routine findings are append-only: DELETE refused'); END;
                """)
        }
    }
}
