import GRDB

/// Named migrations. A migration that has shipped is never edited: a change to the
/// schema is a new migration appended to this list.
///
/// Any other change to the schema made by the program (an index dropped and rebuilt,
/// `ANALYZE` creating its table) must call `SchemaSeal.record` in the same transaction,
/// or the console's start-up check reports the schema as changed behind its back.
enum Schema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-event-log") { db in
            try db.execute(sql: """
                CREATE TABLE events (
                    seq INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL,
                    case_version INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    idempotency_key TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    UNIQUE (case_id, case_version)
                );
                CREATE UNIQUE INDEX events_by_idempotency_key ON events(idempotency_key)
                    WHERE idempotency_key IS NOT NULL;
                CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
                CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
                """)
        }
        migrator.registerMigration("v1-projections") { db in
            try db.execute(sql: """
                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL,
                    category TEXT NOT NULL,
                    grid TEXT NOT NULL,
                    community TEXT NOT NULL,
                    street TEXT NOT NULL,
                    building TEXT,
                    source TEXT NOT NULL,
                    source_ref TEXT,
                    severity TEXT NOT NULL,
                    level TEXT NOT NULL,
                    status TEXT NOT NULL,
                    is_open INTEGER NOT NULL,
                    reporter TEXT NOT NULL,
                    reported_at INTEGER NOT NULL,
                    handler TEXT,
                    dispatched_at INTEGER,
                    dispatched_by TEXT,
                    clock TEXT,
                    due_at INTEGER,
                    handling_due_at INTEGER,
                    handled_at INTEGER,
                    last_handling_limit TEXT,
                    pending_extension TEXT,
                    extension_count INTEGER NOT NULL,
                    suspended_until INTEGER,
                    rework_count INTEGER NOT NULL,
                    send_back_count INTEGER NOT NULL,
                    supervision_count INTEGER NOT NULL,
                    satisfaction TEXT,
                    closed_at INTEGER,
                    duplicate_of TEXT,
                    summons TEXT,
                    summoned_units TEXT,
                    version INTEGER NOT NULL,
                    last_kind TEXT NOT NULL,
                    last_actor TEXT NOT NULL,
                    last_at INTEGER NOT NULL
                );
                CREATE INDEX cases_open_by_due ON cases(due_at) WHERE is_open = 1;
                CREATE INDEX cases_open_queue ON cases(COALESCE(due_at, 9223372036854775807), id) WHERE is_open = 1;
                CREATE INDEX cases_by_status_due ON cases(status, due_at);
                CREATE INDEX cases_by_grid ON cases(grid, status);
                CREATE INDEX cases_by_community ON cases(community, status);
                CREATE INDEX cases_by_level ON cases(level, status);
                CREATE INDEX cases_by_handler ON cases(handler, status) WHERE handler IS NOT NULL;
                CREATE INDEX cases_by_duplicate_of ON cases(duplicate_of) WHERE duplicate_of IS NOT NULL;
                CREATE INDEX cases_by_reported_at ON cases(reported_at);

                CREATE TABLE grid_counters (
                    grid TEXT NOT NULL,
                    status TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (grid, status)
                ) WITHOUT ROWID;

                CREATE TABLE case_code_counters (
                    day TEXT PRIMARY KEY,
                    last INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE configuration (
                    name TEXT PRIMARY KEY,
                    text TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        registerGridPlaces(&migrator)
        registerEngine(&migrator)
        registerEngineBuilding(&migrator)
        registerEngineSchedule(&migrator)
        registerQueue(&migrator)
        registerSecurityLog(&migrator)
        registerIntegrityMarks(&migrator)
        registerAssessmentFacts(&migrator)
        registerRoutineLog(&migrator)
        registerMeetingMinutes(&migrator)
        registerAssessmentRollup(&migrator)
        registerRollupRunning(&migrator)
        registerOpenSearch(&migrator)
        registerStatusQueueLevel(&migrator)
        return migrator
    }
}

extension Schema {
    /// The grid → community → street map, stored with the configuration so that the
    /// projection can be filtered by community or street without the organisation file.
    static func registerGridPlaces(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-grid-places") { db in
            try db.execute(sql: """
                CREATE TABLE grid_places (
                    grid TEXT PRIMARY KEY,
                    community TEXT NOT NULL,
                    street TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
    }
}
