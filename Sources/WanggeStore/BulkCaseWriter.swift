import GRDB
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
        try store.guarded { try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM cases") ?? 1 } }
    }

    /// The last number used per code day, so a generator can continue the sequences.
    public func codeCounters() throws -> [String: Int64] {
        try store.guarded {
            try store.pool.read { db in
                var map: [String: Int64] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT day, last FROM case_code_counters") { map[row[0]] = row[1] }
                return map
            }
        }
    }

    /// Appends the histories (each starting with its `reported` event, versions 1...n)
    /// and their final states, and raises the code counters, in one transaction.
    public func write(_ histories: [(events: [CaseEvent], state: CaseState)], codeCounters: [String: Int64]) throws {
        try store.guarded {
            try store.pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let tail = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
                    let chain = EventChain(seq: tail?[0] ?? 0, prevHash: tail?[1] ?? EventHashing.genesis)
                    let insertEvent = RawStatement(try db.cachedStatement(sql: SQLiteCaseStore.insertEventSQL), db)
                    let insertCase = RawStatement(try db.cachedStatement(sql: CaseRow.upsertSQL), db)
                    let insertFacts = RawStatement(try db.cachedStatement(sql: AssessmentFactsRow.upsertSQL), db)
                    var counters: [String: Int] = [:]
                    let places = histories.reduce(into: [String: GridPlace]()) { map, h in
                        if map[h.state.grid] == nil { map[h.state.grid] = store.place(of: h.state.grid) }
                    }
                    // Two stages on two cores: while this thread inserts one chunk, another
                    // serialises and hashes the next (the chain is computed ahead, in order).
                    try PreparedChunks.pipeline(histories, chain: chain, places: places) { chunk in
                        for row in chunk.events { try row.insert(with: insertEvent) }
                        for values in chunk.cases { try insertCase.run(values) }
                        for values in chunk.facts { try insertFacts.run(values) }
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
                    return .commit
                }
            }
        }
    }
}
