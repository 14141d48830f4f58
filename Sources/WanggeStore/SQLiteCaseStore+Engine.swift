import GRDB
import WanggeCore

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
    /// (`engine_next_at` NULL) or whose next check has come; earliest first.
    public func engineDueCases(at now: Instant, limit: Int) throws -> [CaseState] {
        try guarded {
            try pool.read { db in
                try Self.decodeAll(db.cachedStatement(sql: """
                    SELECT \(CaseRow.selectColumns) FROM cases
                    WHERE is_open = 1 AND COALESCE(engine_next_at, -1) <= ?
                    ORDER BY COALESCE(engine_next_at, -1) LIMIT ?
                    """), [now.secondsSinceEpoch, limit])
            }
        }
    }

    /// How many open cases are due for the engine at `now`.
    public func engineDueCount(at now: Instant) throws -> Int {
        try guarded {
            try pool.read { db in
                try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM cases WHERE is_open = 1 AND COALESCE(engine_next_at, -1) <= ?"),
                                 arguments: [now.secondsSinceEpoch]) ?? 0
            }
        }
    }

    /// A page of open cases by id, for a full re-evaluation.
    public func engineOpenCases(afterID: Int64, limit: Int) throws -> [CaseState] {
        try guarded {
            try pool.read { db in
                try Self.decodeAll(db.cachedStatement(sql: """
                    SELECT \(CaseRow.selectColumns) FROM cases WHERE id > ? AND is_open = 1 ORDER BY id LIMIT ?
                    """), [afterID, limit])
            }
        }
    }

    static func decodeAll(_ statement: Statement, _ arguments: StatementArguments) throws -> [CaseState] {
        var result: [CaseState] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() { result.append(try CaseRow.decode(row)) }
        return result
    }

    /// The idempotency keys among `keys` that events already carry.
    public func existingKeys(_ keys: [String]) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try guarded {
            try pool.read { db in
                let statement = try db.cachedStatement(sql: "SELECT 1 FROM events WHERE idempotency_key = ?")
                var found: Set<String> = []
                for key in keys where try Bool.fetchOne(statement, arguments: [key]) != nil { found.insert(key) }
                return found
            }
        }
    }

    public func engineState(_ name: String) throws -> String? {
        try guarded { try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM engine_state WHERE name = ?", arguments: [name]) } }
    }

    /// Cases in a grid whose category is in `[categoryFrom, categoryTo)` and that were
    /// reported in `[from, to]`.
    public func casesAtPlace(grid: String, categoryFrom: String, categoryTo: String, from: Instant, to: Instant) throws -> [CasePlaceRow] {
        try guarded {
            try pool.read { db in
                try Self.placeRows(db.cachedStatement(sql: """
                    SELECT id, code, category, grid, building, severity, status, reported_at FROM cases
                    WHERE grid = ? AND category >= ? AND category < ? AND reported_at BETWEEN ? AND ?
                    """), [grid, categoryFrom, categoryTo, from.secondsSinceEpoch, to.secondsSinceEpoch])
            }
        }
    }

    /// Open cases in a grid whose category is in `[categoryFrom, categoryTo)`.
    public func openCasesAtPlace(grid: String, categoryFrom: String, categoryTo: String) throws -> [CasePlaceRow] {
        try guarded {
            try pool.read { db in
                try Self.placeRows(db.cachedStatement(sql: """
                    SELECT id, code, category, grid, building, severity, status, reported_at FROM cases
                    WHERE grid = ? AND category >= ? AND category < ? AND is_open = 1
                    """), [grid, categoryFrom, categoryTo])
            }
        }
    }

    static func placeRows(_ statement: Statement, _ arguments: StatementArguments) throws -> [CasePlaceRow] {
        var result: [CasePlaceRow] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            guard let severity = Severity(rawValue: row[5]), let status = CaseStatus(rawValue: row[6]) else { continue }
            result.append(CasePlaceRow(id: row[0], code: row[1], category: row[2], grid: row[3], building: row[4],
                                       severity: severity, status: status, reportedAt: Instant(secondsSinceEpoch: row[7])))
        }
        return result
    }

    /// How many cases are linked as duplicates of `code`.
    public func duplicateCount(of code: String) throws -> Int {
        try guarded {
            try pool.read { db in
                try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM cases WHERE duplicate_of = ?"), arguments: [code]) ?? 0
            }
        }
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

    /// Runs raw SQL returning one integer, for `wangge bench-engine`'s comparison figures.
    public func benchScalar(_ sql: String, _ arguments: [Int64] = []) throws -> Int64 {
        try guarded {
            try pool.read { db in
                var n: Int64 = 0
                let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
                while let row = try rows.next() { n += row[0] as Int64? ?? 1 }
                return n
            }
        }
    }
}
