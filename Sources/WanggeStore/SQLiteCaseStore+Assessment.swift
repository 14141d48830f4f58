import GRDB
import GRDBSQLite
import WanggeAssessment
import WanggeCore

extension SQLiteCaseStore {
    // MARK: writing, inside the transaction that appends the events

    static func insertFacts(_ facts: CaseFacts, _ db: Database) throws {
        try RawStatement(try db.cachedStatement(sql: AssessmentFactsRow.upsertSQL), db).run(AssessmentFactsRow.values(facts))
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
        guard let facts = AssessmentFactsRow.decode(raw) else { throw StoreError.database("案件 #\(caseID) 的考核事实行无效") }
        return facts
    }

    /// Brings a case's facts up to date with `events`, just appended on top of `previous`.
    /// A case without a facts row (written by a version before them) is folded whole from
    /// the log, which already holds the new events.
    static func updateFacts(previous: CaseState, events: [CaseEvent], _ db: Database) throws {
        guard !events.isEmpty else { return }
        guard var facts = try loadFacts(caseID: previous.id, reportedAt: previous.reportedAt, db) else {
            let history = try fetchEvents(db, sql: "\(eventSelect) WHERE case_id = ? ORDER BY case_version", arguments: [previous.id])
            if let whole = CaseFacts.fold(history.map(\.event)) { try insertFacts(whole, db) }
            return
        }
        var state = previous
        for event in events {
            let before = state
            state.apply(event)
            facts.apply(event, before: before, after: state)
        }
        try insertFacts(facts, db)
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
    public func scanAssessmentFacts(reportedFrom from: Instant, to: Instant, _ body: (CaseFacts) throws -> Void) throws {
        try guarded {
            try pool.read { db in
                let statement = try db.cachedStatement(sql: """
                    SELECT \(AssessmentFactsRow.selectColumns) FROM assessment_facts
                    WHERE reported_at >= ? AND reported_at < ? ORDER BY reported_at, case_id
                    """)
                let raw = statement.sqliteStatement
                sqlite3_bind_int64(raw, 1, from.secondsSinceEpoch)
                sqlite3_bind_int64(raw, 2, to.secondsSinceEpoch)
                defer { sqlite3_reset(raw); sqlite3_clear_bindings(raw) }
                while true {
                    let rc = sqlite3_step(raw)
                    if rc == SQLITE_DONE { break }
                    guard rc == SQLITE_ROW else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    guard let facts = AssessmentFactsRow.decode(raw) else {
                        throw StoreError.database("考核事实行无效（案件 #\(sqlite3_column_int64(raw, 1))）")
                    }
                    try body(facts)
                }
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
