import GRDB
import WanggeCore

extension Schema {
    /// `v6-open-search`: a second pair index holding only the cases that are open, for
    /// the queues of open cases (the console's default). A common word's posting list in
    /// the full index is every case that ever held it: 纠纷 is in 62,273 of 1,000,000
    /// cases, and reading those ids took 4-7 ms of a filter's 6-12 ms. Open cases are a
    /// fifth of them.
    ///
    /// Cases open and close long after they are indexed, so the index may lag the
    /// `is_open` column: triggers note every case whose openness changes (or whose row is
    /// written again) in `case_search_open_pending`, and a filter treats the noted cases
    /// as candidates until `reconcileOpenSearch` brings the index up to date. So a
    /// filter's answer never depends on how far the index lags; only its speed does.
    static func registerOpenSearch(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-open-search") { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE case_search_open USING fts5(grams, content='', detail=none, tokenize='ascii');
                CREATE TABLE case_search_open_pending (id INTEGER PRIMARY KEY);
                CREATE TRIGGER case_search_open_reopened AFTER UPDATE OF is_open ON cases
                    WHEN OLD.is_open IS NOT NEW.is_open
                     AND NEW.id <= (SELECT indexed_through FROM case_search_progress WHERE one = 1)
                BEGIN
                    INSERT OR IGNORE INTO case_search_open_pending(id) VALUES (NEW.id);
                END;
                CREATE TRIGGER case_search_open_rewritten AFTER INSERT ON cases
                    WHEN NEW.id <= (SELECT indexed_through FROM case_search_progress WHERE one = 1)
                BEGIN
                    INSERT OR IGNORE INTO case_search_open_pending(id) VALUES (NEW.id);
                END;
                """)
            let through = try SQLiteCaseStore.searchIndexedThrough(db)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, code, title, description FROM cases WHERE is_open = 1 AND id <= ? ORDER BY id
                """, arguments: [through])
            let insert = try db.makeStatement(sql: SQLiteCaseStore.insertOpenSearchSQL)
            while let row = try rows.next() {
                let grams = CaseSearchGrams.document(code: row[1], title: row[2], description: row[3])
                try insert.execute(arguments: [row[0] as Int64, grams])
            }
        }
    }
}

extension SQLiteCaseStore {
    static let insertOpenSearchSQL = "INSERT INTO case_search_open(rowid, grams) VALUES (?, ?)"

    /// Whether a query can only return open cases, so the open cases' index may narrow it.
    static func admitsOnlyOpen(_ query: CaseQuery) -> Bool {
        query.openOnly || query.overdueAt != nil || (query.statuses.map { !$0.isEmpty && $0.allSatisfy(\.isOpen) } ?? false)
    }

    /// The cases whose openness changed since the open index last caught up: candidates
    /// for every open query until `reconcileOpenSearch` takes them.
    static func openSearchPending(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM case_search_open_pending"))
    }

    /// Cases noted as opened or closed that the open cases' index has not taken yet.
    public func openSearchLag() throws -> Int {
        try guarded {
            try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_search_open_pending") ?? 0 }
        }
    }

    /// Brings the open cases' index up to date with `is_open` for the cases the triggers
    /// noted, `batch` per transaction. Each noted case is compared with what the index
    /// holds (its row in FTS5's own `docsize` table), so running it twice, or on a case
    /// that closed and opened again, does no harm. Returns how many it looked at.
    @discardableResult
    public func reconcileOpenSearch(batch: Int = 5_000) throws -> Int {
        try immediateWritesInBatches(of: batch) { db in
            let through = try Self.searchIndexedThrough(db)
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT p.id, c.is_open, c.code, c.title, c.description,
                       EXISTS (SELECT 1 FROM case_search_open_docsize d WHERE d.id = p.id)
                FROM case_search_open_pending p LEFT JOIN cases c ON c.id = p.id
                WHERE p.id <= ? ORDER BY p.id LIMIT ?
                """), arguments: [through, batch])
            for row in rows {
                let id: Int64 = row[0]
                let isOpen = (row[1] as Int64?) == 1
                let indexed: Bool = row[5]
                if isOpen != indexed, let code: String = row[2], let title: String = row[3], let description: String = row[4] {
                    let grams = CaseSearchGrams.document(code: code, title: title, description: description)
                    if isOpen {
                        try db.cachedStatement(sql: Self.insertOpenSearchSQL).execute(arguments: [id, grams])
                    } else {
                        try db.cachedStatement(sql: """
                            INSERT INTO case_search_open(case_search_open, rowid, grams) VALUES ('delete', ?, ?)
                            """).execute(arguments: [id, grams])
                    }
                }
                try db.cachedStatement(sql: "DELETE FROM case_search_open_pending WHERE id = ?").execute(arguments: [id])
            }
            return rows.count
        }
    }
}
