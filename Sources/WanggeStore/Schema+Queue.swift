import GRDB
import WanggeCore

extension Schema {
    /// Indexes for the console's queue (`v3-queue-indexes`) and its text filter
    /// (`v3-case-search`).
    ///
    /// Each queue shape (a level, a state, a grid, a community, a handler) has a partial
    /// index over the open cases in the queue's own order, so its first page reads 40
    /// index entries instead of sorting every matching case; `cases_queue_all` does the
    /// same for "all cases" (`a`). Measured on 1,000,000 cases: a level or "new reports"
    /// filter went from 50-120 ms (a sort of every match) to under a millisecond.
    ///
    /// `case_search` is a contentless FTS5 table of character pairs (see
    /// `CaseSearchGrams`), written by the store wherever a case row is first written.
    static func registerQueue(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-queue-indexes") { db in
            let order = "COALESCE(due_at, 9223372036854775807), id"
            try db.execute(sql: """
                CREATE INDEX cases_open_level_queue ON cases(level, \(order)) WHERE is_open = 1;
                CREATE INDEX cases_open_status_queue ON cases(status, \(order)) WHERE is_open = 1;
                CREATE INDEX cases_open_grid_queue ON cases(grid, \(order)) WHERE is_open = 1;
                CREATE INDEX cases_open_community_queue ON cases(community, \(order)) WHERE is_open = 1;
                CREATE INDEX cases_open_handler_queue ON cases(handler, \(order)) WHERE is_open = 1 AND handler IS NOT NULL;
                CREATE INDEX cases_queue_all ON cases(\(order));
                """)
            // A database analysed before (the demo, a bulk import) gets statistics for the
            // new indexes too, so the planner does not fall back on its guesses for them.
            if try db.tableExists("sqlite_stat1") {
                for index in ["level", "status", "grid", "community", "handler"] {
                    try db.execute(sql: "ANALYZE cases_open_\(index)_queue")
                }
                try db.execute(sql: "ANALYZE cases_queue_all")
            }
        }
        migrator.registerMigration("v3-case-search") { db in
            // Filled by `catchUpSearchIndex()` (the console starts it in the background,
            // bulk loads call it when done); until then the text filter scans as before.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE case_search USING fts5(grams, content='', detail=none, tokenize='ascii');
                CREATE TABLE case_search_progress (
                    one INTEGER PRIMARY KEY CHECK (one = 1),
                    indexed_through INTEGER NOT NULL
                );
                INSERT INTO case_search_progress(one, indexed_through) VALUES (1, 0);
                """)
        }
    }

    /// `v6-status-queue-level`: the state queues' index carries the level.
    static func registerStatusQueueLevel(_ migrator: inout DatabaseMigrator) {
        // A state's queue narrowed by a level too (new reports at the department level:
        // 478 of 15,436 on 1,000,000 cases) walked the state's index and read a case row
        // for every entry to test its level: 8-13 ms. With the level in the index entry,
        // SQLite tests it there and reads rows only for the page (0.4 ms).
        migrator.registerMigration("v6-status-queue-level") { db in
            try db.execute(sql: """
                DROP INDEX cases_open_status_queue;
                CREATE INDEX cases_open_status_queue ON cases(status, COALESCE(due_at, 9223372036854775807), id, level) WHERE is_open = 1;
                """)
            if try db.tableExists("sqlite_stat1") { try db.execute(sql: "ANALYZE cases_open_status_queue") }
        }
    }
}

extension SQLiteCaseStore {
    static let insertSearchSQL = "INSERT INTO case_search(rowid, grams) VALUES (?, ?)"

    /// The highest case id below which every case is in the text filter's index. Cases
    /// above it (a bulk load not yet caught up) are always candidates.
    static func searchIndexedThrough(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT indexed_through FROM case_search_progress WHERE one = 1")) ?? 0
    }

    static func setSearchIndexedThrough(_ id: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE case_search_progress SET indexed_through = ? WHERE one = 1").execute(arguments: [id])
    }

    /// Indexes a case's text in the full index and, when it is open, in the open cases'.
    static func indexSearchText(id: Int64, code: String, title: String, description: String, isOpen: Bool, _ db: Database) throws {
        let grams = CaseSearchGrams.document(code: code, title: title, description: description)
        try db.cachedStatement(sql: insertSearchSQL).execute(arguments: [id, grams])
        if isOpen { try db.cachedStatement(sql: insertOpenSearchSQL).execute(arguments: [id, grams]) }
    }

    /// A case written one at a time is indexed in its own transaction when every case
    /// before it is; otherwise the catch-up after a bulk load takes it in order. Each case
    /// is indexed once: the mark moves in the same transaction as the index row.
    static func indexNewCase(_ state: CaseState, _ db: Database) throws {
        guard try searchIndexedThrough(db) == state.id - 1 else { return }
        try indexSearchText(id: state.id, code: state.code, title: state.title, description: state.description,
                            isOpen: state.status.isOpen, db)
        try setSearchIndexedThrough(state.id, db)
    }

    /// Indexes, in order, the cases a bulk load wrote (the demo, an import, a rebuild),
    /// `batch` cases per transaction so consoles keep writing meanwhile, then brings the
    /// open cases' index up to date with the cases opened or closed since. Returns how
    /// many it indexed. FTS5 costs about 45 µs per case (a million cases: under a minute), which
    /// is why bulk loads do not pay it inside their own transaction.
    @discardableResult
    public func catchUpSearchIndex(batch: Int = 20_000) throws -> Int {
        let total = try immediateWritesInBatches(of: batch) { db in
            let through = try Self.searchIndexedThrough(db)
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, code, title, description, is_open FROM cases WHERE id > ? ORDER BY id LIMIT ?
                """), arguments: [through, batch])
            guard let last = rows.last else { return 0 }
            for row in rows {
                try Self.indexSearchText(id: row[0], code: row[1], title: row[2], description: row[3], isOpen: row[4] == 1, db)
            }
            try Self.setSearchIndexedThrough(last[0], db)
            return rows.count
        }
        try reconcileOpenSearch()
        return total
    }

    /// Cases not in the text filter's index yet.
    public func searchIndexLag() throws -> Int {
        try guarded {
            try pool.read { db in
                let through = try Self.searchIndexedThrough(db)
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases WHERE id > ?", arguments: [through]) ?? 0
            }
        }
    }

    /// Empties the index for a rebuild of the case rows.
    static func resetSearchIndex(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO case_search(case_search) VALUES ('delete-all');
            INSERT INTO case_search_open(case_search_open) VALUES ('delete-all');
            DELETE FROM case_search_open_pending;
            """)
        try setSearchIndexedThrough(0, db)
    }
}
