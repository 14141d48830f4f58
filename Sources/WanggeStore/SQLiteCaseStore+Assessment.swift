import GRDB
import GRDBSQLite
import WanggeAssessment
import WanggeCore

extension SQLiteCaseStore {
    // MARK: writing, inside the transaction that appends the events

    /// Writes a case's facts row, and moves the roll-up from what `old` (the row it
    /// replaces, nil for a new one) put in to what `facts` puts in.
    static func insertFacts(_ facts: CaseFacts, replacing old: CaseFacts?, _ db: Database) throws {
        try RawStatement(try db.cachedStatement(sql: AssessmentFactsRow.upsertSQL), db).run(AssessmentFactsRow.values(facts))
        var delta = FactsRollupDelta()
        delta.replace(old, with: facts)
        if !delta.isEmpty { try delta.apply(db) }
    }

    static func loadFacts(caseID: Int64, reportedAt: Instant, _ db: Database) throws -> CaseFacts? {
        let statement = try db.cachedStatement(sql: "SELECT \(AssessmentFactsRow.selectColumns) FROM assessment_facts WHERE reported_at = ? AND case_id = ?")
        let raw = statement.sqliteStatement
        sqlite3_bind_int64(raw, 1, reportedAt.secondsSinceEpoch)
        sqlite3_bind_int64(raw, 2, caseID)
        defer { sqlite3_reset(raw); sqlite3_clear_bindings(raw) }
        let rc = sqlite3_step(raw)
        guard rc == SQLITE_ROW else {
            if rc == SQLITE_DONE { return nil }
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        var decoder = FactsRowDecoder()
        guard let facts = decoder.decode(raw) else { throw StoreError.database("案件 #\(caseID) 的考核事实行无效") }
        return facts
    }

    /// Brings a case's facts up to date with `events`, just appended on top of `previous`.
    /// A case without a facts row (written by a version before them) is folded whole from
    /// the log, which already holds the new events.
    static func updateFacts(previous: CaseState, events: [CaseEvent], _ db: Database) throws {
        guard !events.isEmpty else { return }
        guard var facts = try loadFacts(caseID: previous.id, reportedAt: previous.reportedAt, db) else {
            let history = try fetchEvents(db, sql: "\(eventSelect) WHERE case_id = ? ORDER BY case_version", arguments: [previous.id])
            if let whole = CaseFacts.fold(history.map(\.event)) { try insertFacts(whole, replacing: nil, db) }
            return
        }
        let old = facts
        var state = previous
        for event in events {
            let before = state
            state.apply(event)
            facts.apply(event, before: before, after: state)
        }
        try insertFacts(facts, replacing: old, db)
    }

    /// Replaces every facts row by folding the whole log (the migration, `rebuild`).
    static func refillAssessmentFacts(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM assessment_facts")
        let insert = RawStatement(try db.cachedStatement(sql: AssessmentFactsRow.upsertSQL), db)
        var folder = LogFolder(gaps: .problem)
        let emit: LogFolder.Emit = { result in
            if case .success(let folded) = result { try insert.run(AssessmentFactsRow.values(folded.facts)) }
        }
        let rows = try Row.fetchCursor(db, sql: "\(eventSelect) ORDER BY case_id, case_version")
        while let row = try rows.next() {
            guard let stored = try? decodeEvent(row) else { folder.skip(caseID: row[1]); continue }
            try folder.feed(stored.event, emit)
        }
        try folder.finish(emit)
    }

    // MARK: reading

    /// Calls `body` with the facts of every case reported in `[from, to)`, read from the
    /// facts table in report order: one range of one table, decoded through the C API.
    /// Returns the sequence number of the last event of the snapshot it read, so that
    /// scans of several ranges run at once can tell they saw the same log.
    @discardableResult
    public func scanAssessmentFacts(reportedFrom from: Instant, to: Instant, _ body: (CaseFacts) throws -> Void) throws -> Int64 {
        try guarded {
            try pool.read { db in
                let position = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM events ORDER BY seq DESC LIMIT 1")) ?? 0
                let statement = try db.cachedStatement(sql: """
                    SELECT \(AssessmentFactsRow.selectColumns) FROM assessment_facts
                    WHERE reported_at >= ? AND reported_at < ? ORDER BY reported_at, case_id
                    """)
                sqlite3_bind_int64(statement.sqliteStatement, 1, from.secondsSinceEpoch)
                sqlite3_bind_int64(statement.sqliteStatement, 2, to.secondsSinceEpoch)
                try Self.readFacts(statement, db, body)
                return position
            }
        }
    }

    /// The facts of the cases reported in `[from, to)` as they stood at `asOf`, folded
    /// from the event log in one pass ordered by case (only the events recorded up to
    /// `asOf`; a case stops at its first event recorded after it).
    public func replayAssessmentFacts(reportedFrom from: Instant, to: Instant, asOf: Instant, _ body: (CaseFacts) throws -> Void) throws {
        try guarded {
            try pool.read { db in
                let rows = try Row.fetchCursor(db, sql: """
                    \(Self.eventSelect)
                    WHERE case_id IN (SELECT id FROM cases WHERE reported_at >= ? AND reported_at < ? AND reported_at <= ?)
                      AND at <= ?
                    ORDER BY case_id, case_version
                    """, arguments: [from.secondsSinceEpoch, to.secondsSinceEpoch, asOf.secondsSinceEpoch, asOf.secondsSinceEpoch])
                var folder = LogFolder(gaps: .endOfCase)
                let emit: LogFolder.Emit = { result in
                    if case .success(let folded) = result { try body(folded.facts) }
                }
                while let row = try rows.next() {
                    try folder.feed(try Self.decodeEvent(row).event, emit)
                }
                try folder.finish(emit)
            }
        }
    }
}

extension SQLiteCaseStore {
    /// The yardstick `wangge bench-stats` prints beside the figures by grid: the same
    /// month of the facts table summed per grid by SQLite itself (the latest handler's
    /// counts only; open rounds judged at `judgedAt`). Returns the number of groups.
    public func assessmentByGridInSQL(reportedFrom from: Instant, to: Instant, judgedAt: Instant) throws -> Int {
        // The packed columns of FactsPacking, unpacked by SQLite.
        let status = "(flags & 15)", closed = "closed_at IS NOT NULL", stage = "(flags >> 12 & 3)", answer = "(flags >> 10 & 3)"
        let late = "open_due < :now AND (open_suspended_until IS NULL OR open_suspended_until <= :now)"
        func count(_ i: Int) -> String { "(handler_counts >> \(6 * i) & 63)" }
        let sql = """
            SELECT grid, COUNT(*), SUM(\(status) NOT IN (1, 10)), SUM(\(closed)), SUM(\(closed) AND (case_counts & 2097151) = 0),
                   SUM(NOT \(closed) AND \(status) NOT IN (1, 8, 9, 10) AND ((case_counts & 2097151) > 0 OR \(late))),
                   SUM(flags >> 9 & 1), SUM((flags >> 4 & 7) IN (1, 2) AND \(status) <> 10),
                   SUM(case_counts >> 21 & 2097151), SUM((case_counts >> 42 & 2097151) + (\(stage) = 1 AND \(late))),
                   SUM(\(answer) = 2), SUM(\(answer) = 3 OR (\(answer) = 1 AND \(late))),
                   SUM(\(count(2))), SUM(\(count(3)) + (\(stage) = 2 AND \(late))),
                   SUM(\(count(0))), SUM(\(count(1))), SUM(\(count(4))), SUM(\(count(5))), SUM(\(count(6))), SUM(\(count(7))),
                   SUM(\(count(8))), SUM(\(count(9))), SUM(closed_at - reported_at)
            FROM assessment_facts WHERE reported_at >= :from AND reported_at < :to GROUP BY grid
            """
        return try guarded {
            try pool.read { db in
                var n = 0
                let rows = try Row.fetchCursor(db, sql: sql, arguments: [
                    "now": judgedAt.secondsSinceEpoch, "from": from.secondsSinceEpoch, "to": to.secondsSinceEpoch,
                ])
                while let row = try rows.next() {
                    for i in 0..<row.count { _ = row[i] as DatabaseValue }
                    n += 1
                }
                return n
            }
        }
    }
}
