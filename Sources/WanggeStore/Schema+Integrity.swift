import Foundation
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
    /// The cookie in the database file's header (offset 40) when no `-wal` holds newer
    /// pages — the only case in which opening a pool changes it: GRDB then creates and
    /// drops a table to make the `-wal` file exist, which moves the cookie by two.
    static func cookieBeforeOpen(_ path: String) -> Int64? {
        let wal = path + "-wal"
        if let size = (try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int, size > 0 { return nil }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: 40)) != nil, let bytes = try? handle.read(upToCount: 4), bytes.count == 4 else { return nil }
        return bytes.reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }

    /// After one of the program's own moves of the cookie (opening a pool, see
    /// `cookieBeforeOpen`; a bulk load's indexes dropped and built again): when the
    /// cookie moved from `before` while the mark still says `before`, the move is
    /// recorded. A mark that already disagreed with `before` is left as it is, still
    /// flagged, so the program never launders someone else's change.
    static func follow(_ db: Database, from before: Int64) throws {
        let now = try Int64.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        guard now != before else { return }
        let recorded = try Int64.fetchOne(db, sql: "SELECT value FROM integrity_marks WHERE name = 'schema'")
        if recorded == before { try record(db) }
    }

    static func record(_ db: Database) throws {
        let cookie = try Int64.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: """
            INSERT INTO integrity_marks(name, seq, hash, value) VALUES ('schema', 0, '', ?)
            ON CONFLICT(name) DO UPDATE SET value = excluded.value
            """, arguments: [cookie])
    }
}

extension SQLiteCaseStore {
    /// Whether the schema cookie still equals the one recorded after the program's own
    /// last schema change (no mark yet counts as intact).
    public func schemaSealIntact() throws -> Bool {
        try guarded {
            try pool.read { db in
                let cookie = try Int64.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
                let recorded = try Int64.fetchOne(db, sql: "SELECT value FROM integrity_marks WHERE name = 'schema'")
                return recorded.map { $0 == cookie } ?? true
            }
        }
    }

    /// Records the present schema cookie as the program's own: for a file the program
    /// itself made from a sound database (`VACUUM INTO` gives the copy a cookie of its own).
    /// The mark is checkpointed into the main file at once, so that a copy renamed into
    /// place without its `-wal` keeps it.
    public func sealSchema() throws {
        try guarded {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction {
                    try SchemaSeal.record(db)
                    return .commit
                }
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }
}
