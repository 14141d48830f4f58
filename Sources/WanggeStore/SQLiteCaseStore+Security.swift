import GRDB
import WanggeCore

extension SQLiteCaseStore {
    static let securitySelect = """
        SELECT seq, at, recorded_at, os_login, actor, channel, action, case_code, grid, reason, message, prev_hash, hash
        FROM security_log
        """

    /// Appends a refused attempt to the security log, chained to the previous refusal.
    /// Its own short transaction: the refused command's transaction has rolled back.
    @discardableResult
    public func recordRefusal(_ record: RefusalRecord) throws -> StoredRefusal {
        try immediateWrite { db in
            let tail = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM security_log ORDER BY seq DESC LIMIT 1"))
            let seq: Int64 = (tail?[0] ?? 0) + 1
            let prevHash: String = tail?[1] ?? EventHashing.genesis
            let hash = SecurityHashing.hash(prevHash: prevHash, seq: seq, record)
            try db.cachedStatement(sql: """
                INSERT INTO security_log (seq, at, recorded_at, os_login, actor, channel, action, case_code, grid, reason, message, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    seq, record.at.secondsSinceEpoch, record.recordedAt.secondsSinceEpoch, record.osLogin, record.actor,
                    record.channel, record.action, record.caseCode, record.grid, record.reason, record.message, prevHash, hash,
                ])
            return StoredRefusal(seq: seq, record: record, prevHash: prevHash, hash: hash)
        }
    }

    /// Refusals matching `query`, oldest first (the newest `query.limit` of them).
    public func refusals(_ query: AuditQuery) throws -> [StoredRefusal] {
        var parts: [String] = []
        var args: [DatabaseValueConvertible?] = []
        if let actor = query.actor { parts.append("(actor = ? OR os_login = ?)"); args += [actor, actor] }
        Self.period(query, column: "at", into: &parts, &args)
        if let grids = query.grids {
            parts.append("grid IN (\(grids.map { _ in "?" }.joined(separator: ",")))")
            args += grids
        }
        let whereSQL = parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
        return try guarded {
            try pool.read { db in
                let rows = try Row.fetchAll(
                    db, sql: "\(Self.securitySelect) \(whereSQL) ORDER BY at DESC, seq DESC LIMIT \(max(0, query.limit))",
                    arguments: StatementArguments(args))
                return rows.reversed().map(Self.decodeRefusal)
            }
        }
    }

    /// Events matching `query` with their case's code and grid, oldest first (the newest
    /// `query.limit`). With an actor, reads the `events_by_actor_at` index range.
    public func auditedEvents(_ query: AuditQuery) throws -> [AuditedEvent] {
        var parts: [String] = []
        var args: [DatabaseValueConvertible?] = []
        if let actor = query.actor { parts.append("e.actor = ?"); args.append(actor) }
        Self.period(query, column: "e.at", into: &parts, &args)
        if let grids = query.grids {
            parts.append("c.grid IN (\(grids.map { _ in "?" }.joined(separator: ",")))")
            args += grids
        }
        let whereSQL = parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
        let columns = "e.seq, e.case_id, e.case_version, e.type, e.actor, e.at, e.payload, e.idempotency_key, e.prev_hash, e.hash, c.code, c.grid"
        return try guarded {
            try pool.read { db in
                let rows = try Row.fetchAll(
                    db, sql: """
                        SELECT \(columns) FROM events e JOIN cases c ON c.id = e.case_id
                        \(whereSQL) ORDER BY e.at DESC, e.seq DESC LIMIT \(max(0, query.limit))
                        """,
                    arguments: StatementArguments(args))
                return try rows.reversed().map { row in
                    AuditedEvent(stored: try Self.decodeEvent(row), caseCode: row[10], grid: row[11])
                }
            }
        }
    }

    static func period(_ query: AuditQuery, column: String, into parts: inout [String], _ args: inout [DatabaseValueConvertible?]) {
        if let from = query.from { parts.append("\(column) >= ?"); args.append(from.secondsSinceEpoch) }
        if let to = query.to { parts.append("\(column) < ?"); args.append(to.secondsSinceEpoch) }
    }

    static func decodeRefusal(_ row: Row) -> StoredRefusal {
        let record = RefusalRecord(
            at: Instant(secondsSinceEpoch: row[1]), recordedAt: Instant(secondsSinceEpoch: row[2]), osLogin: row[3], actor: row[4],
            channel: row[5], action: row[6], caseCode: row[7], grid: row[8], reason: row[9], message: row[10])
        return StoredRefusal(seq: row[0], record: record, prevHash: row[11], hash: row[12])
    }

    /// Walks the security log in `seq` order, recomputing every hash (part of `check`):
    /// the whole log, or the rows after `afterSeq`.
    func checkSecurityLog(_ db: Database, into report: inout IntegrityReport, afterSeq: Int64 = 0) throws {
        var expectedSeq: Int64 = afterSeq + 1
        var prevHash = EventHashing.genesis
        if afterSeq > 0 {
            prevHash = try String.fetchOne(db, sql: "SELECT hash FROM security_log WHERE seq = ?", arguments: [afterSeq]) ?? ""
        }
        var problems = 0
        let rows = try Row.fetchCursor(db, sql: "\(Self.securitySelect) WHERE seq > ? ORDER BY seq", arguments: [afterSeq])
        while let row = try rows.next() {
            report.refusalsChecked += 1
            let stored = Self.decodeRefusal(row)
            if problems < Self.problemLimit {
                if stored.seq != expectedSeq {
                    report.problems.append(.securityLogBroken(seq: stored.seq, detail: "之前缺少 \(stored.seq - expectedSeq) 条记录（被删除）"))
                    problems += 1
                } else if stored.prevHash != prevHash {
                    report.problems.append(.securityLogBroken(seq: stored.seq, detail: "记录的前一哈希与前一行不符"))
                    problems += 1
                } else if SecurityHashing.hash(prevHash: stored.prevHash, seq: stored.seq, stored.record) != stored.hash {
                    report.problems.append(.securityLogBroken(seq: stored.seq, detail: "内容与其哈希不符"))
                    problems += 1
                }
            }
            prevHash = stored.hash
            expectedSeq = stored.seq + 1
        }
    }
}

/// The security log's hash chain: like the events', over every stored field.
enum SecurityHashing {
    static func hash(prevHash: String, seq: Int64, _ r: RefusalRecord) -> String {
        var hasher = SHA256()
        hasher.update(prevHash)
        for field in [
            String(seq), String(r.at.secondsSinceEpoch), String(r.recordedAt.secondsSinceEpoch), r.osLogin, r.actor, r.channel,
            r.action, r.caseCode ?? "", r.grid ?? "", r.reason, r.message,
        ] {
            hasher.update(CollectionOfOne(UInt8(0x7C)))
            hasher.update(field)
        }
        return SHA256.hex(hasher.finalize())
    }
}
