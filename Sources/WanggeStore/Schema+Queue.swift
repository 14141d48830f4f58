import GRDB

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
            try db.execute(sql: "CREATE VIRTUAL TABLE case_search USING fts5(grams, content='', detail=none, tokenize='ascii')")
            try SQLiteCaseStore.indexAllSearchText(db)
        }
    }
}

extension SQLiteCaseStore {
    static let insertSearchSQL = "INSERT INTO case_search(rowid, grams) VALUES (?, ?)"

    /// Adds a new case to the text filter's index (in the caller's transaction).
    static func indexSearchText(id: Int64, code: String, title: String, description: String, _ db: Database) throws {
        let grams = CaseSearchGrams.document(code: code, title: title, description: description)
        try db.cachedStatement(sql: insertSearchSQL).execute(arguments: [id, grams])
    }

    /// Empties the text filter's index and fills it from the case rows: the migration
    /// that adds it, and `rebuild`.
    static func indexAllSearchText(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO case_search(case_search) VALUES ('delete-all')")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, code, title, description FROM cases")
        while let row = try rows.next() {
            try indexSearchText(id: row[0], code: row[1], title: row[2], description: row[3], db)
        }
    }
}
