import Foundation
import GRDB
import GRDBSQLite
import WanggeAssessment
import WanggeCore

extension SQLiteCaseStore {
    // MARK: writing

    static func loadRollupCell(day: Int64, grid: String, _ db: Database) throws -> RollupCell? {
        let statement = try db.cachedStatement(sql: "SELECT cell FROM assessment_rollup WHERE day = ? AND grid = ?")
        guard let blob = try Row.fetchOne(statement, arguments: [day, grid])?[0] as DatabaseValue? else { return nil }
        guard case .blob(let data) = blob.storage else { throw StoreError.database("考核汇总行（\(grid)，第 \(day) 天）无效") }
        let cell = data.withUnsafeBytes { RollupCellCoding.decode($0, day: day, grid: grid) }
        guard let cell else { throw StoreError.database("考核汇总行（\(grid)，第 \(day) 天）无效") }
        return cell
    }

    /// Writes a cell, or deletes its row when nothing is left in it.
    static func saveRollupCell(_ cell: RollupCell, _ db: Database) throws {
        if cell.isEmpty {
            try db.cachedStatement(sql: "DELETE FROM assessment_rollup WHERE day = ? AND grid = ?").execute(arguments: [cell.day, cell.grid])
            return
        }
        let bytes = RollupCellCoding.encode(cell)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO assessment_rollup(day, grid, cell) VALUES (?, ?, ?)")
            .execute(arguments: [cell.day, cell.grid, bytes.withUnsafeBufferPointer { Data(buffer: $0) }])
    }

    /// The roll-up as the facts table says it should be.
    static func recountRollup(_ db: Database) throws -> FactsRollupDelta {
        var delta = FactsRollupDelta()
        let statement = try db.cachedStatement(sql: "SELECT \(AssessmentFactsRow.selectColumns) FROM assessment_facts")
        try readFacts(statement, db) { delta.record($0, sign: 1) }
        return delta
    }

    /// Replaces the roll-up by a recount of the facts table (the migration, `rebuild`).
    static func refillAssessmentRollup(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM assessment_rollup")
        try recountRollup(db).apply(db)
    }

    /// Steps `statement` (selecting `AssessmentFactsRow.columns`) and decodes each row.
    static func readFacts(_ statement: Statement, _ db: Database, _ body: (CaseFacts) throws -> Void) throws {
        let raw = RawStatement(statement, db)
        defer { sqlite3_reset(raw.handle); sqlite3_clear_bindings(raw.handle) }
        var decoder = FactsRowDecoder()
        while try raw.nextRow() {
            guard let facts = decoder.decode(raw.handle) else {
                throw StoreError.database("考核事实行无效（案件 #\(sqlite3_column_int64(raw.handle, 1))）")
            }
            try body(facts)
        }
    }

    // MARK: checking

    /// Roll-up rows that differ from a recount of the facts table, as problems.
    func checkRollup(_ db: Database, into report: inout IntegrityReport) throws {
        let expected = try Self.recountRollup(db).cells()
        var stored: [FactsRollupDelta.Key: RollupCell] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT day, grid, cell FROM assessment_rollup")
        var differences = 0
        var unreadable: Set<FactsRollupDelta.Key> = []
        while let row = try rows.next() {
            let day: Int64 = row[0], grid: String = row[1]
            let data: Data? = row[2]
            guard let cell = data?.withUnsafeBytes({ RollupCellCoding.decode($0, day: day, grid: grid) }) else {
                if differences < Self.problemLimit {
                    report.problems.append(.assessmentRollupDiffers(grid: grid, day: day, detail: "该行无法读取"))
                    differences += 1
                }
                unreadable.insert(FactsRollupDelta.Key(day: day, grid: grid))
                continue
            }
            stored[FactsRollupDelta.Key(day: day, grid: grid)] = cell
        }
        for key in Set(expected.keys).union(stored.keys).subtracting(unreadable).sorted(by: { ($0.day, $0.grid) < ($1.day, $1.grid) }) {
            guard differences < Self.problemLimit else { return }
            let want = expected[key], have = stored[key]
            let same = want?.tally == have?.tally && Set(want?.closed ?? []) == Set(have?.closed ?? [])
                && want?.closed.count == have?.closed.count && want?.lateInOrder ?? [] == have?.lateInOrder ?? []
            if !same {
                func describe(_ cell: RollupCell?) -> String {
                    "\(cell?.tally.reported ?? 0) 件，其中结案 \(cell?.closed.count ?? 0) 件、计时中 \(cell?.late.reduce(0) { $0 + $1.from.count } ?? 0) 件"
                }
                let detail = "现值 \(describe(have))；重新统计 \(describe(want))"
                report.problems.append(.assessmentRollupDiffers(grid: key.grid, day: key.day, detail: detail))
                differences += 1
            }
        }
    }

    // MARK: reading

    /// Calls `cells` with the roll-up rows of the whole days of `[from, to)` and `facts`
    /// with the facts of every case reported in the partial days at either end. Together
    /// they count each case of the period once. One read transaction; returns the
    /// sequence number of the last event it saw, like `scanAssessmentFacts`.
    @discardableResult
    public func scanAssessmentRollup(
        reportedFrom from: Instant, to: Instant, cells: (RollupCell) throws -> Void, facts: (CaseFacts) throws -> Void
    ) throws -> Int64 {
        let days = FactsRollup.wholeDays(from: from, to: to)
        return try guarded {
            try pool.read { db in
                let position = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM events ORDER BY seq DESC LIMIT 1")) ?? 0
                let range = db.cachedStatementSQL(
                    "SELECT \(AssessmentFactsRow.selectColumns) FROM assessment_facts WHERE reported_at >= ? AND reported_at < ?")
                guard !days.isEmpty else {
                    try Self.readFacts(try range.bound(db, from, to), db, facts)
                    return position
                }
                let inner = (FactsRollup.start(ofDay: days.lowerBound), FactsRollup.start(ofDay: days.upperBound))
                try Self.readFacts(try range.bound(db, from, inner.0), db, facts)
                let rows = try Row.fetchCursor(
                    db.cachedStatement(sql: "SELECT day, grid, cell FROM assessment_rollup WHERE day >= ? AND day < ?"),
                    arguments: [days.lowerBound, days.upperBound])
                while let row = try rows.next() {
                    let day: Int64 = row[0], grid: String = row[1]
                    let data: Data? = row[2]
                    guard let cell = data?.withUnsafeBytes({ RollupCellCoding.decode($0, day: day, grid: grid) }) else {
                        throw StoreError.database("考核汇总行（\(grid)，第 \(day) 天）无效；运行 wangge rebuild 可重建")
                    }
                    try cells(cell)
                }
                try Self.readFacts(try range.bound(db, inner.1, to), db, facts)
                return position
            }
        }
    }
}

extension FactsRollupDelta {
    /// The changes as cells (of a recount into an empty roll-up: nothing removed).
    func cells() -> [Key: RollupCell] {
        var result: [Key: RollupCell] = [:]
        for (key, change) in changes {
            let late = change.lateAdded.map { RollupCell.LateGroup(counts: $0.key, from: $0.value) }
            let cell = RollupCell(day: key.day, grid: key.grid, tally: FigureTally(counts: change.counts), closed: change.added, late: late)
            if !cell.isEmpty { result[key] = cell }
        }
        return result
    }
}

/// A cached statement's SQL, bound to two instants when used.
private struct InstantRangeSQL {
    let sql: String

    func bound(_ db: Database, _ from: Instant, _ to: Instant) throws -> Statement {
        let statement = try db.cachedStatement(sql: sql)
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        sqlite3_bind_int64(raw, 1, from.secondsSinceEpoch)
        sqlite3_bind_int64(raw, 2, to.secondsSinceEpoch)
        return statement
    }
}

extension Database {
    fileprivate func cachedStatementSQL(_ sql: String) -> InstantRangeSQL { InstantRangeSQL(sql: sql) }
}
