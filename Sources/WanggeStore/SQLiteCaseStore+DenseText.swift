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
        var walk = try CandidateWalk(query, match: match, db)
        defer { walk.finish() }
        let wanted = query.offset + limit
        var found: [CaseState] = []
        // The first batch is a page's worth: a common word's page is usually all in it.
        var batchSize = max(16, wanted)
        while found.count < wanted {
            let batch = try walk.next(batchSize)
            found += try matching(batch, text: query.text ?? "", db)
            if walk.exhausted { break }
            batchSize = min(4 * batchSize, 4_096)
        }
        return Array(found.dropFirst(query.offset).prefix(limit))
    }

    /// How many cases of a queue contain a common text: the candidates of the queue's
    /// walk, counted by LIKE in batches (instead of LIKE over every row of the queue).
    static func countDense(_ query: CaseQuery, match: String, _ db: Database) throws -> Int {
        var walk = try CandidateWalk(query, match: match, db)
        defer { walk.finish() }
        let pattern = "%\(escapeLike(query.text ?? ""))%"
        let statement = try db.cachedStatement(sql: """
            SELECT COUNT(*) FROM cases WHERE id IN (SELECT value FROM json_each(?))
              AND (title LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')
            """)
        var total = 0
        while !walk.exhausted {
            let batch = try walk.next(4_096)
            guard !batch.isEmpty else { break }
            let list = "[" + batch.map(String.init).joined(separator: ",") + "]"
            total += try Int.fetchOne(statement, arguments: [list, pattern, pattern, pattern]) ?? 0
        }
        return total
    }

    /// The ids of the pair index's cases matching `match` (a superset of the cases
    /// containing the text), read straight from the statement into a bitmap (tens of
    /// thousands of ids: a hash set took longer to fill than the index to read).
    /// With the open cases' index, the cases noted as opened or closed since it caught up
    /// are candidates too.
    static func candidateIDs(match: String, in index: SearchIndex, _ db: Database) throws -> IDBitmap {
        let statement = try db.cachedStatement(sql: "SELECT rowid FROM \(index.table) WHERE \(index.table) MATCH ?")
        try statement.setArguments([match])
        let raw = RawStatement(statement, db)
        defer { sqlite3_reset(raw.handle) }
        var ids = IDBitmap()
        while try raw.nextRow() { ids.insert(sqlite3_column_int64(raw.handle, 0)) }
        if index == .open {
            for id in try openSearchPending(db) { ids.insert(id) }
        }
        return ids
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

/// Which pair index narrows a query: the open cases' one when the query can only return
/// open cases (its posting lists are a fifth as long), else the full one.
enum SearchIndex: Equatable {
    case all
    case open

    init(for query: CaseQuery) {
        self = SQLiteCaseStore.admitsOnlyOpen(query) ? .open : .all
    }

    var table: String {
        switch self {
        case .all: "case_search"
        case .open: "case_search_open"
        }
    }
}

/// A set of case ids as bits (ids are dense from 1, so a million cases take 125 KB).
struct IDBitmap {
    private var words: [UInt64] = []

    mutating func insert(_ id: Int64) {
        guard id >= 0 else { return }
        let word = Int(id >> 6)
        if word >= words.count { words += repeatElement(0, count: max(word + 1 - words.count, words.count)) }
        words[word] |= 1 << UInt64(id & 63)
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0 else { return false }
        let word = Int(id >> 6)
        return word < words.count && words[word] & (1 << UInt64(id & 63)) != 0
    }
}

/// The ids of a queue (without its text filter) in the queue's order, read from the
/// queue's index, keeping those that may contain the text: in the pair index's
/// candidates, or written after the pair index last caught up.
struct CandidateWalk {
    let candidates: IDBitmap
    let indexedThrough: Int64
    let statement: RawStatement
    private(set) var exhausted = false

    init(_ query: CaseQuery, match: String, _ db: Database) throws {
        candidates = try SQLiteCaseStore.candidateIDs(match: match, in: SearchIndex(for: query), db)
        indexedThrough = try SQLiteCaseStore.searchIndexedThrough(db)
        var plain = query
        plain.text = nil
        plain.limit = nil
        plain.offset = 0
        let (whereSQL, args) = SQLiteCaseStore.whereClause(plain)
        let walk = try db.cachedStatement(sql: "SELECT id FROM cases \(whereSQL) \(SQLiteCaseStore.orderClause(query.order))")
        try walk.setArguments(StatementArguments(args))
        statement = RawStatement(walk, db)
    }

    /// Up to `count` more candidates (fewer once the queue is exhausted).
    mutating func next(_ count: Int) throws -> [Int64] {
        var batch: [Int64] = []
        batch.reserveCapacity(count)
        while batch.count < count, !exhausted {
            guard try statement.nextRow() else { exhausted = true; break }
            let id = sqlite3_column_int64(statement.handle, 0)
            if id > indexedThrough || candidates.contains(id) { batch.append(id) }
        }
        return batch
    }

    /// Resets the cached statement for its next use.
    func finish() { sqlite3_reset(statement.handle) }
}
