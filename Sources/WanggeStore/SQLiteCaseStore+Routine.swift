import GRDB
import WanggeCore

extension SQLiteCaseStore {
    /// Records a routine entry and its findings in one transaction (its id and cases are
    /// ignored: the id is the next one, cases come later). With an idempotency key already
    /// used, returns the entry recorded then and writes nothing.
    public func appendRoutineEntry(_ entry: RoutineEntry, recordedAt: Instant, idempotencyKey: String?) throws -> RoutineEntry {
        let id: Int64 = try immediateWrite { db in
            if let key = idempotencyKey,
               let existing = try Int64.fetchOne(db, sql: "SELECT id FROM routine_entries WHERE idempotency_key = ?", arguments: [key]) {
                return existing
            }
            try db.execute(sql: """
                INSERT INTO routine_entries(worker, grid, building, kind, at, note, recorded_at, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.worker, entry.grid, entry.building, entry.kind.rawValue, entry.at.secondsSinceEpoch,
                                 entry.note, recordedAt.secondsSinceEpoch, idempotencyKey])
            let id = db.lastInsertedRowID
            for finding in entry.findings {
                try db.execute(sql: "INSERT INTO routine_findings(entry_id, number, item, text) VALUES (?, ?, ?, ?)",
                               arguments: [id, finding.number, finding.item.rawValue, finding.text])
            }
            return id
        }
        guard let stored = try routineEntry(id: id) else { throw StoreError.database("内部错误：刚记录的工作日志 #\(id) 读不到") }
        return stored
    }

    /// Records many entries in one transaction (the demo, imports).
    public func appendRoutineEntries(_ entries: [RoutineEntry], recordedAt: Instant) throws {
        _ = try immediateWrite { db -> Bool in
            let entry = try db.cachedStatement(sql: """
                INSERT INTO routine_entries(worker, grid, building, kind, at, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let finding = try db.cachedStatement(sql: "INSERT INTO routine_findings(entry_id, number, item, text) VALUES (?, ?, ?, ?)")
            for e in entries {
                try entry.execute(arguments: [e.worker, e.grid, e.building, e.kind.rawValue, e.at.secondsSinceEpoch, e.note,
                                              recordedAt.secondsSinceEpoch])
                let id = db.lastInsertedRowID
                for f in e.findings { try finding.execute(arguments: [id, f.number, f.item.rawValue, f.text]) }
            }
            return true
        }
    }

    public func routineEntryCount() throws -> Int {
        try guarded { try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM routine_entries") ?? 0 } }
    }

    public func routineEntry(id: Int64) throws -> RoutineEntry? {
        try guarded {
            try pool.read { db in
                try Self.routineEntries(db, where: "id = ?", arguments: [id], asOf: nil).first
            }
        }
    }

    /// Entries made in `[from, to)` (and by `asOf`, when given), with the cases made from
    /// their findings by then; optionally one worker's or one grid's.
    public func routineEntries(from: Instant, to: Instant, asOf: Instant? = nil, worker: String? = nil, grid: String? = nil) throws -> [RoutineEntry] {
        var conditions = ["at >= ?", "at < ?"]
        var arguments: [DatabaseValueConvertible] = [from.secondsSinceEpoch, to.secondsSinceEpoch]
        if let asOf { conditions.append("at <= ?"); arguments.append(asOf.secondsSinceEpoch) }
        if let worker { conditions.append("worker = ?"); arguments.append(worker) }
        if let grid { conditions.append("grid = ?"); arguments.append(grid) }
        return try guarded {
            try pool.read { db in
                try Self.routineEntries(db, where: conditions.joined(separator: " AND "), arguments: StatementArguments(arguments), asOf: asOf)
            }
        }
    }

    static func routineEntries(_ db: Database, where condition: String, arguments: StatementArguments, asOf: Instant?) throws -> [RoutineEntry] {
        var entries: [RoutineEntry] = []
        var index: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT id, worker, grid, building, kind, at, note FROM routine_entries WHERE \(condition) ORDER BY at, id
            """, arguments: arguments) {
            guard let kind = RoutineKind(rawValue: row[4]) else { throw StoreError.database("工作日志 #\(row[0] as Int64) 的类型无效") }
            index[row[0]] = entries.count
            entries.append(RoutineEntry(id: row[0], worker: row[1], grid: row[2], building: row[3], kind: kind,
                                        at: Instant(secondsSinceEpoch: row[5]), note: row[6], findings: []))
        }
        guard !entries.isEmpty else { return [] }
        let findings = try db.cachedStatement(sql: "SELECT number, item, text FROM routine_findings WHERE entry_id = ? ORDER BY number")
        for i in entries.indices {
            for row in try Row.fetchAll(findings, arguments: [entries[i].id]) {
                guard let item = RoutineItem(rawValue: row[1]) else { throw StoreError.database("工作日志 #\(entries[i].id) 的问题项无效") }
                entries[i].findings.append(RoutineFinding(number: row[0], item: item, text: row[2]))
            }
        }
        // Cases made from findings carry "五查三问-<entry>-<n>" as their source reference.
        // ("-" sorts just before ".", so the range holds exactly the references.)
        let prefix = RoutineEntry.referencePrefix
        var sql = "SELECT source_ref, code FROM cases WHERE source_ref >= ? AND source_ref < ?"
        var args: [DatabaseValueConvertible] = [prefix, String(prefix.dropLast()) + "."]
        if let asOf { sql += " AND reported_at <= ?"; args.append(asOf.secondsSinceEpoch) }
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) {
            guard let ref = (row[0] as String?).flatMap(RoutineEntry.parseReference), let i = index[ref.entry] else { continue }
            entries[i].cases[ref.finding] = row[1]
        }
        return entries
    }
}
