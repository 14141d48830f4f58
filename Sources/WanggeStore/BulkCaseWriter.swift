import GRDB
import GRDBSQLite
import WanggeCore

/// Writes whole case histories in large transactions: the demo generator, imports and
/// benchmarks. Events go through the same hash chain and the same projection rows as
/// single appends; only the batching differs (cached statements, one transaction per
/// batch, the projection written once per case instead of once per event).
public struct BulkCaseWriter {
    let store: SQLiteCaseStore

    public init(store: SQLiteCaseStore) { self.store = store }

    /// The id the next new case will get.
    public func nextCaseID() throws -> Int64 {
        try store.guarded { try store.pool.read { db in try BulkSession.nextCaseID(db) } }
    }

    /// The last number used per code day, so a generator can continue the sequences.
    public func codeCounters() throws -> [String: Int64] {
        try store.guarded { try store.pool.read { db in try BulkSession.codeCounters(db) } }
    }

    /// Appends the histories (each starting with its `reported` event, versions 1...n)
    /// and their final states, and raises the code counters, in one transaction.
    public func write(_ histories: [(events: [CaseEvent], state: CaseState)], codeCounters: [String: Int64]) throws {
        try transaction { session in
            try session.write(histories, keys: nil, codeCounters: codeCounters)
            return true
        }
    }

    /// Runs `body` in one IMMEDIATE transaction: everything it writes through the
    /// session commits together when it returns true, and nothing does when it returns
    /// false or throws. An import holds the write lock for its whole length so that a
    /// file is imported entirely or not at all.
    public func transaction(_ body: (BulkSession) throws -> Bool) throws {
        try store.guarded {
            try store.pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let session = BulkSession(db: db, store: store)
                    guard try body(session) else { return .rollback }
                    try session.restoreIndexes()
                    return .commit
                }
            }
        }
    }
}

/// The writer's side of one bulk transaction (see `BulkCaseWriter.transaction`).
public final class BulkSession {
    let db: Database
    let store: SQLiteCaseStore

    /// The indexes dropped for this transaction (`deferIndexes`), to create again
    /// before it commits, and whether each had planner statistics to refresh.
    private var deferredIndexes: [(name: String, sql: String, analyze: Bool)] = []
    /// The schema cookie before the indexes were dropped: the seal follows the
    /// session's own change only when it was intact then.
    private var cookieBeforeDeferral: Int64?
    /// Whether assessment facts go to `temp.bulk_facts` first (`deferIndexes`).
    private var stagesFacts = false

    init(db: Database, store: SQLiteCaseStore) { self.db = db; self.store = store }

    /// For a load much larger than the tables: drops every secondary index of `cases`
    /// until the end of the transaction, when they are built again from the sorted rows
    /// (and the planner's statistics refreshed). When the load also outgrows the page
    /// cache (`expectedCases` at least `largeLoad`), the non-unique, non-partial indexes
    /// of `events` (`events_by_actor_at`) are deferred too, and the assessment facts,
    /// whose key is the report time, are collected in a temporary table to insert in key
    /// order at the end: below that, their random inserts stay in the cache and cost less
    /// than a pass over the whole log. Inserting a million rows in random order into
    /// B-trees several times larger than the page cache costs several times more than
    /// sorting each once. Other connections keep reading their snapshot meanwhile; the
    /// unique indexes (case code, event version, idempotency key) stay in place, so
    /// lookups during the load still use them, and a partial index of `events` (few of a
    /// load's rows) is cheaper kept than rebuilt over the whole table. The schema seal
    /// follows these changes (see `SchemaSeal.follow`).
    public func deferIndexes(expectedCases: Int64) throws {
        guard cookieBeforeDeferral == nil else { return }
        let large = expectedCases >= Self.largeLoad
        cookieBeforeDeferral = try Int64.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        let hasStatistics = try db.tableExists("sqlite_stat1")
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
              AND (tbl_name = 'cases' OR (? AND tbl_name = 'events' AND sql NOT LIKE 'CREATE UNIQUE%' AND sql NOT LIKE '% WHERE %'))
            ORDER BY tbl_name, name
            """, arguments: [large])
        for row in rows {
            let name: String = row[0]
            let table: String = row[2]
            // `cases` is analysed whole afterwards; an `events` index only when it had statistics.
            var analyze = false
            if table == "events" && hasStatistics {
                analyze = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE idx = ?)", arguments: [name]) ?? false
            }
            try db.execute(sql: "DROP INDEX \"\(name)\"")
            deferredIndexes.append((name, row[1], analyze))
        }
        guard large else { return }
        try db.execute(sql: "DROP TABLE IF EXISTS temp.bulk_facts")
        try db.execute(sql: "CREATE TEMP TABLE bulk_facts AS SELECT \(AssessmentFactsRow.selectColumns) FROM assessment_facts WHERE 0")
        stagesFacts = true
    }

    /// From how many cases a load outgrows the page cache (32 MB holds the facts of about
    /// 600,000 cases and the `events_by_actor_at` entries of about 450,000; the tables
    /// written at once share it).
    public static let largeLoad: Int64 = 250_000

    /// Builds the deferred indexes again, moves the staged facts into place in key order,
    /// and follows the schema seal. SQLite's sorter gets one helper thread: it sorts
    /// while this thread reads the table (on two cores; each sorting thread holds up to
    /// a page cache's worth of keys, so more threads would cost memory for little).
    func restoreIndexes() throws {
        if stagesFacts {
            try db.execute(sql: """
                INSERT OR REPLACE INTO assessment_facts (\(AssessmentFactsRow.selectColumns))
                SELECT \(AssessmentFactsRow.selectColumns) FROM temp.bulk_facts ORDER BY reported_at, case_id, rowid
                """)
            try db.execute(sql: "DROP TABLE temp.bulk_facts")
            stagesFacts = false
        }
        guard let before = cookieBeforeDeferral else { return }
        try db.execute(sql: "PRAGMA threads = 1")
        defer { try? db.execute(sql: "PRAGMA threads = 0") }
        for index in deferredIndexes {
            try db.execute(sql: index.sql)
            if index.analyze { try db.execute(sql: "ANALYZE \"\(index.name)\"") }
        }
        deferredIndexes = []
        if try db.tableExists("sqlite_stat1") { try db.execute(sql: "ANALYZE cases") }
        try SchemaSeal.follow(db, from: before)
        cookieBeforeDeferral = nil
    }

    static func nextCaseID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM cases") ?? 1
    }

    static func codeCounters(_ db: Database) throws -> [String: Int64] {
        var map: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT day, last FROM case_code_counters") { map[row[0]] = row[1] }
        return map
    }

    /// The id the next new case will get, as seen inside this transaction.
    public func nextCaseID() throws -> Int64 { try Self.nextCaseID(db) }

    /// The code counters as seen inside this transaction.
    public func codeCounters() throws -> [String: Int64] { try Self.codeCounters(db) }

    /// The first idempotency key that starts with `prefix`, and its case: how an import
    /// finds a record it wrote before even when the record's content changed (the key is
    /// the record's id followed by a fingerprint of its content).
    public func key(withPrefix prefix: String) throws -> (key: String, caseID: Int64)? {
        // `idempotency_key >= ?` implies NOT NULL, so the partial unique index serves the range.
        // Run once per imported record: bound and read through the C API.
        let statement = RawStatement(try db.cachedStatement(sql: """
            SELECT idempotency_key, case_id FROM events
            WHERE idempotency_key >= ? AND idempotency_key < ? ORDER BY idempotency_key LIMIT 1
            """), db)
        statement.bind(1, prefix)
        statement.bind(2, prefix + "\u{10FFFF}")
        return try statement.firstRow { handle in (RawStatement.text(handle, 0), sqlite3_column_int64(handle, 1)) }
    }

    /// The code of a case, for messages about an earlier import.
    public func code(ofCase id: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT code FROM cases WHERE id = ?"), arguments: [id])
    }

    /// Whether a case code is already taken.
    public func codeExists(_ code: String) throws -> Bool {
        let statement = RawStatement(try db.cachedStatement(sql: "SELECT 1 FROM cases WHERE code = ?"), db)
        statement.bind(1, code)
        return try statement.firstRow { _ in true } ?? false
    }

    /// Appends the histories, their final states and raises the code counters. `keys`,
    /// when given, holds one idempotency key (or nil) per history for its first event.
    public func write(_ histories: [(events: [CaseEvent], state: CaseState)], keys: [String?]?, codeCounters: [String: Int64]) throws {
        let tail = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"))
        let chain = EventChain(seq: tail?[0] ?? 0, prevHash: tail?[1] ?? EventHashing.genesis)
        let insertEvent = RawStatement(try db.cachedStatement(sql: SQLiteCaseStore.insertEventSQL), db)
        let insertCase = RawStatement(try db.cachedStatement(sql: CaseRow.upsertSQL), db)
        var counters: [String: Int] = [:]
        let places = histories.reduce(into: [String: GridPlace]()) { map, h in
            if map[h.state.grid] == nil { map[h.state.grid] = store.place(of: h.state.grid) }
        }
        // Two stages on two cores: while this thread inserts one chunk, another
        // serialises and hashes the next (the chain is computed ahead, in order).
        let insertFacts = RawStatement(try db.cachedStatement(sql: stagesFacts ? AssessmentFactsRow.stageSQL : AssessmentFactsRow.upsertSQL), db)
        try PreparedChunks.pipeline(histories, keys: keys, chain: chain, places: places) { chunk in
            for row in chunk.events { try row.insert(with: insertEvent) }
            for values in chunk.cases { try insertCase.run(values) }
            for values in chunk.facts { try insertFacts.run(values) }
            try chunk.rollup.apply(db)
        }
        for history in histories {
            counters[history.state.grid + "\u{1}" + history.state.status.rawValue, default: 0] += 1
        }
        let counter = try db.cachedStatement(sql: """
            INSERT INTO grid_counters(grid, status, count) VALUES (?, ?, ?)
            ON CONFLICT(grid, status) DO UPDATE SET count = count + excluded.count
            """)
        for (key, n) in counters {
            let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
            try counter.execute(arguments: [parts[0], parts[1], n])
        }
        let code = try db.cachedStatement(sql: """
            INSERT INTO case_code_counters(day, last) VALUES (?, ?)
            ON CONFLICT(day) DO UPDATE SET last = MAX(last, excluded.last)
            """)
        for (day, last) in codeCounters { try code.execute(arguments: [day, last]) }
    }
}
