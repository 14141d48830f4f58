import GRDB
import GRDBSQLite
import WanggeCore

/// An open case as the engine reads it, with the next check it had scheduled (-1: it
/// changed since; nil: never scheduled).
public struct EngineCase: Sendable {
    public var state: CaseState
    public var nextCheck: Int64?
}

/// One row of the joint-meeting agenda written by the engine.
public struct AgendaEntry: Hashable, Sendable {
    public var meeting: String
    public var caseID: Int64
    public var level: Level
    public var rule: String?
    public var reason: String
    public var listedAt: Instant
}

/// Few fields of a case, read from the place index (grid, category, reported_at).
public struct CasePlaceRow: Hashable, Sendable {
    public var id: Int64
    public var code: String
    public var category: String
    public var grid: String
    public var building: String?
    public var severity: Severity
    public var status: CaseStatus
    public var reportedAt: Instant
}

/// The escalation engine's reads. Each one is an index range, never a scan of all
/// cases (the full re-evaluation after a rules change reads open cases by id pages).
extension SQLiteCaseStore {
    /// Open cases the engine must look at by `now`: changed since it last looked
    /// (`next_at` -1) or whose next check has come; earliest first. An index range on
    /// `engine_schedule_due`, never a scan.
    public func engineDueCases(at now: Instant, limit: Int) throws -> [EngineCase] {
        try guarded {
            try pool.read { db in
                try Self.decodeEngineCases(db.cachedStatement(sql: """
                    SELECT \(Self.engineColumns), s.next_at FROM engine_schedule s JOIN cases c ON c.id = s.case_id
                    WHERE s.next_at <= ? ORDER BY s.next_at LIMIT ?
                    """), [now.secondsSinceEpoch, Int64(limit)], db)
            }
        }
    }

    /// How many open cases are due for the engine at `now`.
    public func engineDueCount(at now: Instant) throws -> Int {
        try guarded {
            try pool.read { db in
                try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM engine_schedule WHERE next_at <= ?"),
                                 arguments: [now.secondsSinceEpoch]) ?? 0
            }
        }
    }

    /// A page of open cases by id, for a full re-evaluation.
    public func engineOpenCases(afterID: Int64, limit: Int) throws -> [EngineCase] {
        try guarded {
            try pool.read { db in
                try Self.decodeEngineCases(db.cachedStatement(sql: """
                    SELECT \(Self.engineColumns), s.next_at FROM cases c LEFT JOIN engine_schedule s ON s.case_id = c.id
                    WHERE c.id > ? AND c.is_open = 1 ORDER BY c.id LIMIT ?
                    """), [afterID, Int64(limit)], db)
            }
        }
    }

    /// The ids of all open cases, for a full re-evaluation in parallel ranges.
    public func engineOpenCaseIDs() throws -> [Int64] {
        try guarded { try pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM cases WHERE is_open = 1 ORDER BY id") } }
    }

    /// The open cases with ids in `lo...hi`.
    public func engineOpenCases(from lo: Int64, through hi: Int64) throws -> [EngineCase] {
        try guarded {
            try pool.read { db in
                try Self.decodeEngineCases(db.cachedStatement(sql: """
                    SELECT \(Self.engineColumns), s.next_at FROM cases c LEFT JOIN engine_schedule s ON s.case_id = c.id
                    WHERE c.id BETWEEN ? AND ? AND c.is_open = 1 ORDER BY c.id
                    """), [lo, hi], db)
            }
        }
    }

    /// Where and when every case but merged duplicates was reported: the engine counts
    /// repeated reports from this in memory during a full re-evaluation.
    public func reportPlaces() throws -> [(grid: String, building: String?, category: String, reportedAt: Instant)] {
        try guarded {
            try pool.read { db in
                var result: [(grid: String, building: String?, category: String, reportedAt: Instant)] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT grid, building, category, reported_at FROM cases WHERE status != 'merged'")
                while let row = try rows.next() { result.append((row[0], row[1], row[2], Instant(secondsSinceEpoch: row[3]))) }
                return result
            }
        }
    }

    /// The number of duplicates linked to each case that has any (by code): a full
    /// re-evaluation answers the duplicate-count rules from this one read (the partial
    /// index of linked duplicates) instead of a query per batch.
    public func duplicateCounts() throws -> [String: Int] {
        try guarded {
            try pool.read { db in
                var result: [String: Int] = [:]
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT duplicate_of, COUNT(*) FROM cases WHERE duplicate_of IS NOT NULL GROUP BY duplicate_of
                    """)
                while let row = try rows.next() { result[row[0]] = row[1] }
                return result
            }
        }
    }

    /// The projection's columns qualified with the table alias `c`.
    static let engineColumns = CaseRow.columns.map { "c." + $0 }.joined(separator: ",")

    /// Runs `statement` (the projection's columns, then `next_at`) with integer
    /// `arguments` and decodes its rows through the C API (`CaseRowDecoder`).
    static func decodeEngineCases(_ statement: Statement, _ arguments: [Int64], _ db: Database) throws -> [EngineCase] {
        let rows = RawStatement(statement, db)
        let raw = rows.handle
        defer { sqlite3_reset(raw); sqlite3_clear_bindings(raw) }
        for (i, value) in arguments.enumerated() { rows.bind(Int32(i + 1), value) }
        let last = Int32(CaseRow.columns.count)
        var decoder = CaseRowDecoder()
        var result: [EngineCase] = []
        while try rows.nextRow() {
            let next: Int64? = sqlite3_column_type(raw, last) == SQLITE_NULL ? nil : sqlite3_column_int64(raw, last)
            result.append(EngineCase(state: try decoder.decode(raw), nextCheck: next))
        }
        return result
    }

    static func decodeAll(_ statement: Statement, _ arguments: StatementArguments) throws -> [CaseState] {
        var result: [CaseState] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() { result.append(try CaseRow.decode(row)) }
        return result
    }

    public func engineState(_ name: String) throws -> String? {
        try guarded { try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM engine_state WHERE name = ?", arguments: [name]) } }
    }

    /// The primaries that got a duplicate linked after `seq`, and the newest seq read;
    /// the engine re-examines them (their duplicate count changed).
    public func linkedPrimaries(afterSeq seq: Int64) throws -> (codes: [String], lastSeq: Int64) {
        try guarded {
            try pool.read { db in
                let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM events") ?? 0
                var codes: [String] = []
                let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                    SELECT payload FROM events WHERE seq > ? AND seq <= ? AND type = 'linked_duplicate'
                    """), arguments: [seq, last])
                while let row = try rows.next() {
                    let text: String = row[0]
                    if let primary = (try? JSONValue.parse(text))?["primary"]?.stringValue { codes.append(primary) }
                }
                return (codes, last)
            }
        }
    }

    /// The agenda rows for a meeting date (`YYYY-MM-DD`), or for every meeting up to it.
    public func agenda(upTo meeting: String) throws -> [AgendaEntry] {
        try guarded {
            try pool.read { db in
                var result: [AgendaEntry] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT meeting, case_id, level, rule, reason, listed_at FROM engine_agenda WHERE meeting <= ? ORDER BY meeting, case_id
                    """, arguments: [meeting])
                while let row = try rows.next() {
                    guard let level = Level(rawValue: row[2]) else { continue }
                    result.append(AgendaEntry(meeting: row[0], caseID: row[1], level: level, rule: row[3], reason: row[4],
                                              listedAt: Instant(secondsSinceEpoch: row[5])))
                }
                return result
            }
        }
    }

    /// Open cases at a level (uses `cases_by_level`), for the meeting agenda.
    public func openCases(atLevel level: Level) throws -> [CaseState] {
        let open = CaseStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try guarded {
            try pool.read { db in
                try Self.decodeAll(db.cachedStatement(sql: """
                    SELECT \(CaseRow.selectColumns) FROM cases WHERE level = ? AND status IN (\(open)) ORDER BY reported_at, id
                    """), [level.rawValue])
            }
        }
    }
}
