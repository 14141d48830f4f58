import GRDB
import WanggeAssessment
import WanggeCore

extension SQLiteCaseStore {
    static let insertEventSQL = """
        INSERT INTO events (seq, case_id, case_version, type, actor, at, payload, idempotency_key, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    public func createCase(_ reported: Reported, codeDay: String, actor: String, at: Instant, idempotencyKey: String?) throws -> AppendOutcome {
        try immediateWrite { db in
            if let done = try Self.earlierOutcome(forKey: idempotencyKey, db) { return done }
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
            try Self.insertFacts(CaseFacts(reported: state), replacing: nil, db)
            return AppendOutcome(state: state, events: [event], alreadyApplied: false)
        }
    }

    /// Runs `step` in one immediate transaction after another until a step does fewer
    /// than `batch` items (each returns how many it did), so long housekeeping never holds
    /// the write lock for long. Returns the total.
    func immediateWritesInBatches(of batch: Int, _ step: (Database) throws -> Int) throws -> Int {
        var total = 0
        while true {
            let done = try immediateWrite(step)
            total += done
            if done < batch { return total }
        }
    }

    /// Runs `body` in an IMMEDIATE transaction on the writer: the write lock is taken
    /// up front, so a second process waits (busy timeout) instead of failing mid-way.
    func immediateWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try guarded {
            try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.database("内部错误：事务没有结果") }
                return result
            }
        }
    }

    /// The outcome of an earlier command with the same idempotency key, if there was one.
    static func earlierOutcome(forKey key: String?, _ db: Database) throws -> AppendOutcome? {
        guard let key, let existing = try caseID(forKey: key, db) else { return nil }
        guard let state = try loadCase(id: existing, db) else { throw StoreError.caseNotFound("#\(existing)") }
        return AppendOutcome(state: state, events: [], alreadyApplied: true)
    }

    /// "C-261122-0007": the local day and a per-day number, at least four digits.
    static func caseCode(day: String, number: Int64) -> String {
        let digits = String(number)
        return "C-\(day)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public func append(
        _ bodies: [EventBody], toCase id: Int64, expectedVersion: Int, actor: String, at: Instant, idempotencyKey: String?
    ) throws -> AppendOutcome {
        try immediateWrite { db in
            if let done = try Self.earlierOutcome(forKey: idempotencyKey, db) { return done }
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
            try Self.updateFacts(previous: current, events: events, db)
            return AppendOutcome(state: state, events: events, alreadyApplied: false)
        }
    }

    public func update(
        code: String, expectedVersion: Int?, actor: String, at: Instant, idempotencyKey: String?,
        decide: (CaseState) throws -> [EventBody]
    ) throws -> AppendOutcome {
        try immediateWrite { db in
            if let done = try Self.earlierOutcome(forKey: idempotencyKey, db) { return done }
            let statement = try db.cachedStatement(sql: "SELECT \(CaseRow.selectColumns) FROM cases WHERE code = ?")
            guard let current = try Row.fetchOne(statement, arguments: [code]).map(CaseRow.decode) else {
                throw StoreError.caseNotFound(code)
            }
            if let expectedVersion, current.version != expectedVersion { throw StoreError.conflict(current: current) }
            let bodies = try decide(current)
            var state = current
            var events: [CaseEvent] = []
            for (i, body) in bodies.enumerated() {
                let event = CaseEvent(caseID: current.id, version: current.version + i + 1, actor: actor, at: at, body: body)
                state.apply(event)
                events.append(event)
            }
            if !events.isEmpty {
                try appendRows(events, key: idempotencyKey, db)
                try writeProjection(state, previous: current, db)
                try Self.updateFacts(previous: current, events: events, db)
            }
            return AppendOutcome(state: state, events: events, alreadyApplied: false)
        }
    }

    static func caseID(forKey key: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT case_id FROM events WHERE idempotency_key = ?"), arguments: [key])
    }

    /// Writes event rows, chaining each hash to the last row's. The idempotency key goes
    /// on the first row of the batch.
    func appendRows(_ events: [CaseEvent], key: String?, _ db: Database) throws {
        let tail = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"))
        var chain = EventChain(seq: tail?[0] ?? 0, prevHash: tail?[1] ?? EventHashing.genesis)
        let insert = RawStatement(try db.cachedStatement(sql: Self.insertEventSQL), db)
        for (i, event) in events.enumerated() {
            try chain.insert(event, key: i == 0 ? key : nil, with: insert)
        }
    }

    /// Writes the case row: an INSERT for a new case; for an existing one an UPDATE of
    /// only the columns that changed, so SQLite touches only the indexes on those columns
    /// (a comment updates no index at all). Adjusts the per-grid counters. Runs in the
    /// caller's transaction.
    func writeProjection(_ state: CaseState, previous: CaseState?, _ db: Database) throws {
        let place = place(of: state.grid)
        let new = CaseRow.values(state, community: place.community, street: place.street)
        if let previous {
            let before = self.place(of: previous.grid)
            let old = CaseRow.values(previous, community: before.community, street: before.street)
            var assignments: [String] = []
            var arguments: [DatabaseValue] = []
            for i in CaseRow.columns.indices where new[i] != old[i] {
                assignments.append("\(CaseRow.columns[i]) = ?")
                arguments.append(new[i])
            }
            if !assignments.isEmpty {
                arguments.append(state.id.databaseValue)
                try db.cachedStatement(sql: "UPDATE cases SET \(assignments.joined(separator: ", ")) WHERE id = ?")
                    .execute(arguments: StatementArguments(arguments))
            }
        } else {
            let insert = RawStatement(try db.cachedStatement(sql: CaseRow.upsertSQL), db)
            try insert.run(new)
            try Self.indexNewCase(state, db)
        }
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
