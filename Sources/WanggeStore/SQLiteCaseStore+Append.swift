import GRDB
import WanggeCore

extension SQLiteCaseStore {
    static let insertEventSQL = """
        INSERT INTO events (seq, case_id, case_version, type, actor, at, payload, idempotency_key, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    public func createCase(_ reported: Reported, codeDay: String, actor: String, at: Instant, idempotencyKey: String?) throws -> AppendOutcome {
        try guarded {
            try pool.writeWithoutTransaction { db in
                var outcome: AppendOutcome?
                try db.inTransaction(.immediate) {
                    if let key = idempotencyKey, let existing = try Self.caseID(forKey: key, db) {
                        guard let state = try Self.loadCase(id: existing, db) else { throw StoreError.caseNotFound("#\(existing)") }
                        outcome = AppendOutcome(state: state, events: [], alreadyApplied: true)
                        return .commit
                    }
                    let id = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM cases")) ?? 1
                    let number = try Int64.fetchOne(
                        db, sql: """
                            INSERT INTO case_code_counters(day, last) VALUES (?, 1)
                            ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last
                            """, arguments: [codeDay]) ?? 1
                    var r = reported
                    r.code = Self.caseCode(day: codeDay, number: number)
                    let event = CaseEvent(caseID: id, version: 1, actor: actor, at: at, body: .reported(r))
                    var state = CaseState(id: id, reported: r, actor: actor, at: at)
                    state.version = 1
                    try appendRows([event], key: idempotencyKey, db)
                    try writeProjection(state, previous: nil, db)
                    outcome = AppendOutcome(state: state, events: [event], alreadyApplied: false)
                    return .commit
                }
                guard let outcome else { throw StoreError.database("内部错误：没有结果") }
                return outcome
            }
        }
    }

    /// "C-261122-0007": the local day and a per-day number, at least four digits.
    static func caseCode(day: String, number: Int64) -> String {
        let digits = String(number)
        return "C-\(day)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public func append(
        _ bodies: [EventBody], toCase id: Int64, expectedVersion: Int, actor: String, at: Instant, idempotencyKey: String?
    ) throws -> AppendOutcome {
        try guarded {
            try pool.writeWithoutTransaction { db in
                var outcome: AppendOutcome?
                try db.inTransaction(.immediate) {
                    if let key = idempotencyKey, let existing = try Self.caseID(forKey: key, db) {
                        guard let state = try Self.loadCase(id: existing, db) else { throw StoreError.caseNotFound("#\(existing)") }
                        outcome = AppendOutcome(state: state, events: [], alreadyApplied: true)
                        return .commit
                    }
                    guard let current = try Self.loadCase(id: id, db) else { throw StoreError.caseNotFound("#\(id)") }
                    guard current.version == expectedVersion else { throw StoreError.conflict(current: current) }
                    var state = current
                    var events: [CaseEvent] = []
                    for (i, body) in bodies.enumerated() {
                        let event = CaseEvent(caseID: id, version: expectedVersion + i + 1, actor: actor, at: at, body: body)
                        state.apply(event)
                        events.append(event)
                    }
                    try appendRows(events, key: idempotencyKey, db)
                    try writeProjection(state, previous: current, db)
                    outcome = AppendOutcome(state: state, events: events, alreadyApplied: false)
                    return .commit
                }
                guard let outcome else { throw StoreError.database("内部错误：没有结果") }
                return outcome
            }
        }
    }

    static func caseID(forKey key: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT case_id FROM events WHERE idempotency_key = ?"), arguments: [key])
    }

    /// Writes event rows, chaining each hash to the last row's. The idempotency key goes
    /// on the first row of the batch.
    func appendRows(_ events: [CaseEvent], key: String?, _ db: Database) throws {
        let tail = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"))
        var seq: Int64 = tail?[0] ?? 0
        var prev: String = tail?[1] ?? EventHashing.genesis
        let insert = try db.cachedStatement(sql: Self.insertEventSQL)
        for (i, event) in events.enumerated() {
            seq += 1
            let type = event.body.kind.rawValue
            let payload = event.body.payload.serialized()
            let rowKey = i == 0 ? key : nil
            let hash = EventHashing.hash(
                prevHash: prev, seq: seq, caseID: event.caseID, version: event.version, type: type, actor: event.actor,
                at: event.at.secondsSinceEpoch, payload: payload, idempotencyKey: rowKey)
            try insert.execute(arguments: [
                seq, event.caseID, event.version, type, event.actor, event.at.secondsSinceEpoch, payload, rowKey, prev, hash,
            ])
            prev = hash
        }
    }

    /// Replaces the case row and adjusts the per-grid counters, in the caller's transaction.
    func writeProjection(_ state: CaseState, previous: CaseState?, _ db: Database) throws {
        let place = place(of: state.grid)
        try db.cachedStatement(sql: CaseRow.upsertSQL)
            .execute(arguments: StatementArguments(CaseRow.values(state, community: place.community, street: place.street)))
        if previous?.status != state.status || previous?.grid != state.grid {
            let counter = try db.cachedStatement(sql: """
                INSERT INTO grid_counters(grid, status, count) VALUES (?, ?, ?)
                ON CONFLICT(grid, status) DO UPDATE SET count = count + excluded.count
                """)
            if let previous { try counter.execute(arguments: [previous.grid, previous.status.rawValue, -1]) }
            try counter.execute(arguments: [state.grid, state.status.rawValue, 1])
        }
    }

    static func loadCase(id: Int64, _ db: Database) throws -> CaseState? {
        let statement = try db.cachedStatement(sql: "SELECT \(CaseRow.selectColumns) FROM cases WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map(CaseRow.decode)
    }
}
