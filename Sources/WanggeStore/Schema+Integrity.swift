import GRDB

extension Schema {
    /// `v3-integrity-marks`: where the start-up check (`quickCheck`) left off.
    ///
    /// - `schema`: `value` is SQLite's schema cookie after the program's last own change
    ///   to the schema. Editing an event with the sqlite3 shell means dropping the
    ///   append-only trigger first, which moves the cookie even if the trigger is put back.
    /// - `verified`: the chain was verified up to `seq`, whose hash was `hash`; the next
    ///   check verifies only the rows after it.
    /// - `rolling`: where the next window of old events to re-verify starts (`seq`), and
    ///   `value` the next case id whose projection is re-folded.
    static func registerIntegrityMarks(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-integrity-marks") { db in
            try db.execute(sql: """
                CREATE TABLE integrity_marks (
                    name TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL,
                    hash TEXT NOT NULL,
                    value INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
    }
}

/// Records the schema cookie after one of the program's own schema changes.
enum SchemaSeal {
    static func record(_ db: Database) throws {
        let cookie = try Int64.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: """
            INSERT INTO integrity_marks(name, seq, hash, value) VALUES ('schema', 0, '', ?)
            ON CONFLICT(name) DO UPDATE SET value = excluded.value
            """, arguments: [cookie])
    }
}
