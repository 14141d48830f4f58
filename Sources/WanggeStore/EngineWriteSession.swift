import GRDB
import WanggeCore

/// What one engine write transaction may do. It exists only inside
/// `SQLiteCaseStore.engineTransaction`, which has already checked the lease, so every
/// append in it is made by the lease holder, and all of it commits or none does.
public final class EngineWriteSession {
    let db: Database
    let store: SQLiteCaseStore

    init(db: Database, store: SQLiteCaseStore) { self.db = db; self.store = store }

    /// The result of one append attempt.
    public enum AppendResult: Sendable {
        case appended(AppendOutcome)
        /// An event with this idempotency key exists: the action was taken before.
        case alreadyApplied
        /// The case changed since it was evaluated; it will be evaluated again.
        case stale(currentVersion: Int?)
    }

    /// Appends events decided on `state` (the state the engine evaluated), if the case
    /// is still at that version and the key was never used.
    public func append(_ bodies: [EventBody], to state: CaseState, actor: String, at: Instant, idempotencyKey: String) throws -> AppendResult {
        if try SQLiteCaseStore.caseID(forKey: idempotencyKey, db) != nil { return .alreadyApplied }
        let version = try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM cases WHERE id = ?"), arguments: [state.id])
        guard version == state.version else { return .stale(currentVersion: version) }
        var next = state
        var events: [CaseEvent] = []
        for (i, body) in bodies.enumerated() {
            let event = CaseEvent(caseID: state.id, version: state.version + i + 1, actor: actor, at: at, body: body)
            next.apply(event)
            events.append(event)
        }
        try store.appendRows(events, key: idempotencyKey, db)
        try updateProjection(next, previous: state)
        try SQLiteCaseStore.updateFacts(previous: state, events: events, db)
        for event in events {
            if case let .agendaListed(meeting, level, reason, rule) = event.body {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO engine_agenda(meeting, case_id, level, rule, reason, listed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [meeting, state.id, level.rawValue, rule, reason, at.secondsSinceEpoch])
            }
        }
        return .appended(AppendOutcome(state: next, events: events, alreadyApplied: false))
    }

    /// Writes the projection row of `state` through the store's own `writeProjection`:
    /// an UPDATE of only the columns that differ from `previous`, so an escalation touches
    /// only the indexes on those columns of the wide, well-indexed `cases` table.
    func updateProjection(_ state: CaseState, previous: CaseState) throws {
        try store.writeProjection(state, previous: previous, db)
    }

    /// When the engine must look at the case again (nil: never by time alone; only a
    /// change to the case, which resets it). Ignored if the case moved past `version`.
    public func setNextCheck(caseID: Int64, version: Int, at: Instant?) throws {
        try db.cachedStatement(sql: "UPDATE engine_schedule SET next_at = ? WHERE case_id = ? AND case_version = ?")
            .execute(arguments: [Self.scheduleValue(at), caseID, version])
    }

    /// `setNextCheck` for many cases in one statement per 500 (each ignored if its case
    /// moved past the given version).
    public func setNextChecks(_ items: [(caseID: Int64, version: Int, at: Instant?)]) throws {
        for start in stride(from: 0, to: items.count, by: 500) {
            let chunk = items[start..<min(start + 500, items.count)]
            var arguments: [DatabaseValueConvertible?] = []
            for item in chunk { arguments += [item.caseID, item.version, Self.scheduleValue(item.at)] }
            let values = Array(repeating: "(?,?,?)", count: chunk.count).joined(separator: ",")
            try db.execute(sql: """
                UPDATE engine_schedule SET next_at = v.column3 FROM (VALUES \(values)) AS v
                WHERE engine_schedule.case_id = v.column1 AND engine_schedule.case_version = v.column2
                """, arguments: StatementArguments(arguments))
        }
    }

    /// The stored form of a next check: `Int64.max` for "never by time alone".
    public static func scheduleValue(_ at: Instant?) -> Int64 { at?.secondsSinceEpoch ?? Int64.max }

    /// Makes cases due now (their facts changed elsewhere, e.g. a duplicate was linked to them).
    public func markDue(codes: [String]) throws {
        let statement = try db.cachedStatement(sql: "UPDATE engine_schedule SET next_at = -1 WHERE case_id = (SELECT id FROM cases WHERE code = ?)")
        for code in codes { try statement.execute(arguments: [code]) }
    }

    /// Drops the index of the schedule's due times before a full re-evaluation rewrites
    /// every row (a million random index updates cost far more than building the index
    /// again once); `restoreScheduleIndex` puts it back in the transaction that records
    /// the pass as done. A crash in between leaves the pass unrecorded, so the next tick
    /// runs it again and restores the index.
    public func dropScheduleIndex() throws {
        try db.execute(sql: "DROP INDEX IF EXISTS engine_schedule_due")
        try SchemaSeal.record(db)
    }

    /// Recreates the index dropped by `dropScheduleIndex` (same definition as the migration).
    public func restoreScheduleIndex() throws {
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS engine_schedule_due ON engine_schedule(next_at)")
        try SchemaSeal.record(db)
    }

    public func setState(_ name: String, _ value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO engine_state(name, value) VALUES (?, ?)", arguments: [name, value])
    }
}

extension SQLiteCaseStore {
    /// Runs `body` in one immediate transaction, after checking that `lease` is still
    /// held (`wallNow` before its expiry, same holder and token). Throws
    /// `EngineLeaseLost`, writing nothing, when it is not.
    public func engineTransaction<T>(lease: EngineLease?, wallNow: Instant, _ body: (EngineWriteSession) throws -> T) throws -> T {
        try guarded {
            try pool.writeWithoutTransaction { db in
                var result: T?
                // The engine's writes touch the schedule and index pages of many cases
                // per transaction: a larger page cache on the writing connection keeps
                // them in memory across batches (64 MB, allocated only as used), and a
                // checkpoint every 20,000 pages instead of every 1,000 copies each page
                // to the database file once per many batches instead of once per batch.
                //
                // Statement journals in memory: every write after the first in a
                // transaction that may fail half-way (an UPDATE of `cases` firing the
                // schedule trigger, an INSERT OR REPLACE) keeps the original of each page
                // it changes until it ends. One escalation changes ~25 pages (a score of
                // indexes), over SQLite's 64 KiB spill limit, so with the default each
                // statement wrote its journal to a new file in /var/tmp: 1 GB of writes
                // for 10,000 escalations, 87 % of all the tick's writes. In memory it is
                // at most one statement's pages. Reset after the transaction, so other
                // writes on this connection (bulk loads sorting a million rows) keep
                // their temporary files on disk.
                try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 20000; PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
                try db.inTransaction(.immediate) {
                    if let lease {
                        let current = try Self.lease(db)
                        guard let current, current.holder == lease.holder, current.token == lease.token,
                              current.expiresAt > wallNow else { throw EngineLeaseLost(current: try Self.lease(db)) }
                    }
                    result = try body(EngineWriteSession(db: db, store: self))
                    return .commit
                }
                guard let result else { throw StoreError.database("内部错误：引擎事务没有结果") }
                return result
            }
        }
    }
}
