import GRDB

extension Schema {
    /// The escalation engine's tables (`v2-engine`):
    ///
    /// - `cases.engine_next_at`: when the engine must look at an open case again. The
    ///   projection is written with `INSERT OR REPLACE` and an explicit column list, so
    ///   every change to a case by anyone (a command, a bulk import, a rebuild) resets it
    ///   to NULL, which means "look now". The engine never scans all cases: it reads the
    ///   partial index `cases_engine_due`.
    /// - `cases_engine_place`: same place and category in a time window (duplicates,
    ///   repeated reports, emergencies that hold others back).
    /// - `engine_lease`: which engine may act, until when; another takes over when the
    ///   holder stops renewing it. `token` grows with every new holder.
    /// - `engine_state`: small named values (the fingerprint of the rules last applied,
    ///   the change-feed position).
    /// - `engine_agenda`: the joint-meeting agenda, a projection of `agenda_listed`
    ///   events written in the same transaction as the event.
    static func registerEngine(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-engine") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN engine_next_at INTEGER;
                CREATE INDEX cases_engine_due ON cases(COALESCE(engine_next_at, -1)) WHERE is_open = 1;
                CREATE INDEX cases_engine_place ON cases(grid, category, reported_at);
                CREATE TABLE engine_lease (
                    name TEXT PRIMARY KEY,
                    holder TEXT NOT NULL,
                    token INTEGER NOT NULL,
                    acquired_at INTEGER NOT NULL,
                    renewed_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE engine_state (
                    name TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE engine_agenda (
                    meeting TEXT NOT NULL,
                    case_id INTEGER NOT NULL,
                    level TEXT NOT NULL,
                    rule TEXT,
                    reason TEXT NOT NULL,
                    listed_at INTEGER NOT NULL,
                    PRIMARY KEY (meeting, case_id)
                ) WITHOUT ROWID;
                """)
        }
    }
}
