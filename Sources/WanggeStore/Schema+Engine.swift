import GRDB

extension Schema {
    /// The escalation engine's tables (`v2-engine`):
    ///
    /// - `cases.engine_next_at`: when the engine must look at an open case again (moved
    ///   to the `engine_schedule` table by `v2-engine-schedule`).
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

extension Schema {
    /// `v2-engine-building`: repeated reports from the same building in a window are
    /// counted from this index, not from the whole grid's range.
    static func registerEngineBuilding(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-engine-building") { db in
            try db.execute(sql: "CREATE INDEX cases_engine_building ON cases(building, category, reported_at) WHERE building IS NOT NULL")
        }
    }
}

extension Schema {
    /// `v2-engine-schedule`: the engine's "look again at" instants move from a column of
    /// the wide `cases` rows to a narrow table, so the engine's writes touch small pages.
    /// Triggers keep the old guarantee: any change to a case (a new projection row or a
    /// new version, by any program) makes it due now (`next_at = -1`); a case that
    /// closes leaves the schedule. `case_version` lets the engine's write be ignored
    /// when the case moved after it was evaluated.
    static func registerEngineSchedule(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-engine-schedule") { db in
            try db.execute(sql: """
                DROP INDEX cases_engine_due;
                ALTER TABLE cases DROP COLUMN engine_next_at;
                CREATE TABLE engine_schedule (
                    case_id INTEGER PRIMARY KEY,
                    case_version INTEGER NOT NULL,
                    next_at INTEGER NOT NULL
                );
                CREATE INDEX engine_schedule_due ON engine_schedule(next_at);
                CREATE TRIGGER engine_schedule_case_written AFTER INSERT ON cases BEGIN
                    DELETE FROM engine_schedule WHERE case_id = NEW.id AND NEW.is_open = 0;
                    INSERT OR REPLACE INTO engine_schedule(case_id, case_version, next_at)
                        SELECT NEW.id, NEW.version, -1 WHERE NEW.is_open = 1;
                END;
                CREATE TRIGGER engine_schedule_case_updated AFTER UPDATE OF version, is_open ON cases BEGIN
                    DELETE FROM engine_schedule WHERE case_id = NEW.id AND NEW.is_open = 0;
                    INSERT OR REPLACE INTO engine_schedule(case_id, case_version, next_at)
                        SELECT NEW.id, NEW.version, -1 WHERE NEW.is_open = 1;
                END;
                CREATE TRIGGER engine_schedule_case_deleted AFTER DELETE ON cases BEGIN
                    DELETE FROM engine_schedule WHERE case_id = OLD.id;
                END;
                INSERT INTO engine_schedule(case_id, case_version, next_at) SELECT id, version, -1 FROM cases WHERE is_open = 1;
                """)
        }
    }
}
