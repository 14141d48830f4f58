import GRDB
import GRDBSQLite
import WanggeCore

extension SQLiteCaseStore {
    /// A page of a queue filtered by a common text (more than `textCandidateLimit` cases
    /// may contain it). Walking the queue's index with LIKE read every case row on the
    /// way, scattered over the table: 20-60 ms for a word in 1-5 % of a million cases,
    /// mostly waiting for pages. Instead the ids that may contain the text come from the
    /// pair index in one read, the queue's index is walked for ids only (its own pages,
    /// in order), and only the rows of candidates are read, where LIKE still decides.
    static func walkDense(_ query: CaseQuery, match: String, limit: Int, _ db: Database) throws -> [CaseState] {
        let indexed = try candidateIDs(match: match, db)
        let through = try searchIndexedThrough(db)
        var plain = query
        plain.text = nil
        plain.limit = nil
        plain.offset = 0
        let (whereSQL, args) = whereClause(plain)
        let walk = try db.cachedStatement(sql: "SELECT id FROM cases \(whereSQL) \(orderClause(query.order))")
        try walk.setArguments(StatementArguments(args))
        let raw = walk.sqliteStatement
        defer { sqlite3_reset(raw) }
        let wanted = query.offset + limit
        var found: [CaseState] = []
        var batch: [Int64] = []
        // Small batches first: a common word's first page is usually in the first one.
        var batchSize = max(16, wanted - found.count)
        while found.count < wanted {
            batch.removeAll(keepingCapacity: true)
            var exhausted = false
            while batch.count < batchSize {
                let rc = sqlite3_step(raw)
                if rc == SQLITE_DONE { exhausted = true; break }
                guard rc == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                let id = sqlite3_column_int64(raw, 0)
                if id > through || indexed.contains(id) { batch.append(id) }
            }
            found += try matching(batch, text: query.text ?? "", db)
            if exhausted { break }
            batchSize = min(4 * batchSize, 4_096)
        }
        return Array(found.dropFirst(query.offset).prefix(limit))
    }

    /// The ids of the pair index's cases matching `match` (a superset of the cases
    /// containing the text), read straight from the statement.
    static func candidateIDs(match: String, _ db: Database) throws -> Set<Int64> {
        let statement = try db.cachedStatement(sql: "SELECT rowid FROM case_search WHERE case_search MATCH ?")
        try statement.setArguments([match])
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        var ids = Set<Int64>(minimumCapacity: 4 * textCandidateLimit)
        while true {
            let rc = sqlite3_step(raw)
            if rc == SQLITE_DONE { return ids }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            ids.insert(sqlite3_column_int64(raw, 0))
        }
    }

    /// The cases among `ids` that contain `text` (LIKE decides), in the order of `ids`.
    static func matching(_ ids: [Int64], text: String, _ db: Database) throws -> [CaseState] {
        guard !ids.isEmpty else { return [] }
        let list = ("[" + ids.map(String.init).joined(separator: ",") + "]")
        let pattern = "%\(escapeLike(text))%"
        let statement = try db.cachedStatement(sql: """
            SELECT \(CaseRow.selectColumns) FROM cases WHERE id IN (SELECT value FROM json_each(?))
              AND (title LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')
            """)
        var byID: [Int64: CaseState] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [list, pattern, pattern, pattern])
        while let row = try rows.next() {
            let state = try CaseRow.decode(row)
            byID[state.id] = state
        }
        return ids.compactMap { byID[$0] }
    }
}
