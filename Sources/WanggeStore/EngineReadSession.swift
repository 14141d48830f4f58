import GRDB
import WanggeCore

/// The engine's questions about other cases, asked inside one read transaction with
/// cached statements: a tick evaluates thousands of cases against one consistent
/// snapshot, at a few microseconds per question instead of a transaction each.
public final class EngineReadSession {
    let db: Database

    init(db: Database) { self.db = db }

    /// The idempotency keys among `keys` that events already carry.
    public func existingKeys(_ keys: [String]) throws -> Set<String> {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM events WHERE idempotency_key = ?")
        var found: Set<String> = []
        for key in keys where try Bool.fetchOne(statement, arguments: [key]) != nil { found.insert(key) }
        return found
    }

    /// Cases in a grid whose category is in `[categoryFrom, categoryTo)`, reported in `[from, to]`.
    public func casesAtPlace(grid: String, categoryFrom: String, categoryTo: String, from: Instant, to: Instant) throws -> [CasePlaceRow] {
        try Self.placeRows(db.cachedStatement(sql: """
            SELECT id, code, category, grid, building, severity, status, reported_at FROM cases
            WHERE grid = ? AND category >= ? AND category < ? AND reported_at BETWEEN ? AND ?
            """), [grid, categoryFrom, categoryTo, from.secondsSinceEpoch, to.secondsSinceEpoch])
    }

    /// Cases in a building whose category is in `[categoryFrom, categoryTo)`, reported in `[from, to]`.
    public func casesInBuilding(_ building: String, categoryFrom: String, categoryTo: String, from: Instant, to: Instant) throws -> [CasePlaceRow] {
        try Self.placeRows(db.cachedStatement(sql: """
            SELECT id, code, category, grid, building, severity, status, reported_at FROM cases
            WHERE building = ? AND category >= ? AND category < ? AND reported_at BETWEEN ? AND ?
            """), [building, categoryFrom, categoryTo, from.secondsSinceEpoch, to.secondsSinceEpoch])
    }

    /// How many cases other than `excluding` (merged duplicates left out) a building
    /// or grid had in a category range and period: the repeated-reports count.
    public func reportCount(grid: String, building: String?, categoryFrom: String, categoryTo: String, from: Instant, to: Instant,
                            excluding id: Int64) throws -> Int {
        if let building {
            return try Int.fetchOne(db.cachedStatement(sql: """
                SELECT COUNT(*) FROM cases WHERE building = ? AND category >= ? AND category < ? AND reported_at BETWEEN ? AND ?
                AND status != 'merged' AND id != ?
                """), arguments: [building, categoryFrom, categoryTo, from.secondsSinceEpoch, to.secondsSinceEpoch, id]) ?? 0
        }
        return try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM cases WHERE grid = ? AND category >= ? AND category < ? AND reported_at BETWEEN ? AND ?
            AND status != 'merged' AND id != ?
            """), arguments: [grid, categoryFrom, categoryTo, from.secondsSinceEpoch, to.secondsSinceEpoch, id]) ?? 0
    }

    /// One repeated-reports count per item, in one statement per 1,000 items: the same
    /// index probes as `reportCount`, without a round trip each. An item is (case id,
    /// grid, building or nil for the whole grid, category range, period).
    public func reportCounts(_ items: [(id: Int64, grid: String, building: String?, categoryFrom: String, categoryTo: String,
                                        from: Instant, to: Instant)]) throws -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(items.count)
        for start in stride(from: 0, to: items.count, by: 1_000) {
            let chunk = items[start..<min(start + 1_000, items.count)]
            var arguments: [DatabaseValueConvertible?] = []
            for (n, item) in chunk.enumerated() {
                arguments += [n, item.id, item.grid, item.building, item.categoryFrom, item.categoryTo,
                              item.from.secondsSinceEpoch, item.to.secondsSinceEpoch]
            }
            let values = Array(repeating: "(?,?,?,?,?,?,?,?)", count: chunk.count).joined(separator: ",")
            let sql = """
                WITH q(n, id, grid, building, lo, hi, f, t) AS (VALUES \(values))
                SELECT n, CASE WHEN building IS NULL THEN
                    (SELECT COUNT(*) FROM cases c WHERE c.grid = q.grid AND c.category >= q.lo AND c.category < q.hi
                        AND c.reported_at BETWEEN q.f AND q.t AND c.status != 'merged' AND c.id != q.id)
                  ELSE
                    (SELECT COUNT(*) FROM cases c WHERE c.building = q.building AND c.category >= q.lo AND c.category < q.hi
                        AND c.reported_at BETWEEN q.f AND q.t AND c.status != 'merged' AND c.id != q.id)
                  END
                FROM q ORDER BY n
                """
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() { result.append(row[1]) }
        }
        return result
    }

    /// The number of duplicates linked to each of `codes` that has any.
    public func duplicateCounts(of codes: [String]) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for start in stride(from: 0, to: codes.count, by: 500) {
            let chunk = Array(codes[start..<min(start + 500, codes.count)])
            let marks = chunk.map { _ in "?" }.joined(separator: ",")
            let rows = try Row.fetchCursor(db, sql: """
                SELECT duplicate_of, COUNT(*) FROM cases WHERE duplicate_of IN (\(marks)) GROUP BY duplicate_of
                """, arguments: StatementArguments(chunk))
            while let row = try rows.next() { result[row[0]] = row[1] }
        }
        return result
    }

    /// Open cases in a grid whose category is in `[categoryFrom, categoryTo)`.
    public func openCasesAtPlace(grid: String, categoryFrom: String, categoryTo: String) throws -> [CasePlaceRow] {
        try Self.placeRows(db.cachedStatement(sql: """
            SELECT id, code, category, grid, building, severity, status, reported_at FROM cases
            WHERE grid = ? AND category >= ? AND category < ? AND is_open = 1
            """), [grid, categoryFrom, categoryTo])
    }

    /// How many cases are linked as duplicates of `code`.
    public func duplicateCount(of code: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM cases WHERE duplicate_of = ?"), arguments: [code]) ?? 0
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
}

extension SQLiteCaseStore {
    /// Runs `body` in one read transaction (a consistent snapshot) with the engine's questions.
    public func engineRead<T>(_ body: (EngineReadSession) throws -> T) throws -> T {
        try guarded { try pool.read { db in try body(EngineReadSession(db: db)) } }
    }

    /// The idempotency keys among `keys` that events already carry.
    public func existingKeys(_ keys: [String]) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try engineRead { try $0.existingKeys(keys) }
    }
}
