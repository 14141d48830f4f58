import GRDB
import WanggeCore

extension SQLiteCaseStore {
    public func caseState(code: String) throws -> CaseState? {
        try guarded {
            try pool.read { db in
                let statement = try db.cachedStatement(sql: "SELECT \(CaseRow.selectColumns) FROM cases WHERE code = ?")
                return try Row.fetchOne(statement, arguments: [code]).map(CaseRow.decode)
            }
        }
    }

    public func caseState(id: Int64) throws -> CaseState? {
        try guarded { try pool.read { db in try Self.loadCase(id: id, db) } }
    }

    /// Builds the WHERE clause of a query. Each filter maps onto an index of the
    /// projection (due, status, grid, community, level, handler), never a full scan for
    /// the queue's common shapes.
    static func whereClause(_ q: CaseQuery, text: TextCandidates? = nil) -> (String, [DatabaseValue]) {
        var parts: [String] = []
        var args: [DatabaseValue] = []
        if q.openOnly { parts.append("is_open = 1") }
        if let ids = q.ids {
            parts.append("id IN (SELECT value FROM json_each(?))")
            args.append(("[" + ids.map(String.init).joined(separator: ",") + "]").databaseValue)
        }
        if let statuses = q.statuses {
            parts.append("status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
            args += statuses.sorted { $0.rawValue < $1.rawValue }.map { $0.rawValue.databaseValue }
        }
        if let now = q.overdueAt {
            // Written with the queue indexes' own expression, so each of them gives the
            // overdue cases as a range that ends at `now` (due_at < ? made SQLite read every
            // row of a shape to test it: 120 ms for "new and overdue" on 1,000,000 cases).
            parts.append("is_open = 1 AND COALESCE(due_at, 9223372036854775807) < ? AND (suspended_until IS NULL OR suspended_until <= ?)")
            args += [now.secondsSinceEpoch.databaseValue, now.secondsSinceEpoch.databaseValue]
        }
        if let grids = q.grids {
            parts.append("grid IN (\(grids.map { _ in "?" }.joined(separator: ",")))")
            args += grids.map(\.databaseValue)
        }
        if let c = q.community { parts.append("community = ?"); args.append(c.databaseValue) }
        if let s = q.street { parts.append("street = ?"); args.append(s.databaseValue) }
        if let l = q.level { parts.append("level = ?"); args.append(l.rawValue.databaseValue) }
        if let h = q.handler { parts.append("handler = ?"); args.append(h.description.databaseValue) }
        if let u = q.involvingUnit {
            parts.append("(handler = ? OR summoned_units LIKE ?)")
            args += [Handler.unit(u).description.databaseValue, "%,\(u),%".databaseValue]
        }
        if let p = q.categoryPrefix { parts.append("category LIKE ?"); args.append("\(escapeLike(p))%".databaseValue) }
        if let t = q.text, !t.isEmpty {
            switch text {
            case let .some(.candidates(ids, unindexedAfter)):
                // Few cases can contain the text: read just those (LIKE still decides),
                // and any a bulk load wrote that are not in the index yet.
                let list = ("[" + ids.map(String.init).joined(separator: ",") + "]").databaseValue
                if let after = unindexedAfter {
                    parts.append("(id IN (SELECT value FROM json_each(?)) OR id > ?)")
                    args += [list, after.databaseValue]
                } else {
                    parts.append("id IN (SELECT value FROM json_each(?))")
                    args.append(list)
                }
            case .some(.nothing), .some(.dense), nil:
                break
            }
            parts.append("(title LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')")
            let pattern = "%\(escapeLike(t))%".databaseValue
            args += [pattern, pattern, pattern]
        }
        if let d = q.duplicateOf { parts.append("duplicate_of = ?"); args.append(d.databaseValue) }
        if let before = q.reportedBefore { parts.append("reported_at < ?"); args.append(before.secondsSinceEpoch.databaseValue) }
        return (parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND "), args)
    }

    /// How the text filter narrows a query, decided per query from the pair index.
    enum TextCandidates {
        /// No case can contain the text.
        case nothing
        /// At most `textCandidateLimit` cases can: read them by id and sort them, with the
        /// cases above `unindexedAfter` that the index does not cover yet.
        case candidates([Int64], unindexedAfter: Int64?)
        /// More can: the text is common, so walking the queue's own index with LIKE finds
        /// a page of matches within a few thousand rows, sooner than sorting the candidates.
        case dense
    }

    /// Above this many candidates a text is "dense" (measured on 1,000,000 cases: reading
    /// and sorting 2,000 candidates, or walking the queue index to the 40th of ≥ 2,000
    /// matches, each take a few milliseconds; sorting 40,000 candidates took 65 ms).
    static let textCandidateLimit = 2_000

    static func textCandidates(_ query: CaseQuery, _ db: Database) throws -> TextCandidates? {
        guard let text = query.text, !text.isEmpty, let match = CaseSearchGrams.query(text) else { return nil }
        let index = SearchIndex(for: query)
        let statement = try db.cachedStatement(sql: "SELECT rowid FROM \(index.table) WHERE \(index.table) MATCH ? LIMIT ?")
        var ids = try Int64.fetchAll(statement, arguments: [match, textCandidateLimit + 1])
        if index == .open { ids += try openSearchPending(db) }
        if ids.count > textCandidateLimit { return .dense }
        let through = try searchIndexedThrough(db)
        let unindexed = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM (SELECT 1 FROM cases WHERE id > ? LIMIT ?)"),
                                         arguments: [through, textCandidateLimit + 1]) ?? 0
        if ids.count + unindexed > textCandidateLimit { return .dense }
        if unindexed > 0 { return .candidates(ids, unindexedAfter: through) }
        return ids.isEmpty ? .nothing : .candidates(ids, unindexedAfter: nil)
    }

    static func escapeLike(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func orderClause(_ order: CaseOrder) -> String {
        switch order {
        // Matches the expression index `cases_open_queue`: untimed cases sort last.
        case .dueAt: "ORDER BY COALESCE(due_at, 9223372036854775807), id"
        case .reportedAtDescending: "ORDER BY reported_at DESC, id DESC"
        case .reportedAt: "ORDER BY reported_at, id"
        case .code: "ORDER BY code"
        }
    }

    public func cases(_ query: CaseQuery) throws -> [CaseState] {
        try guarded {
            try pool.read { db in
                let text = try Self.textCandidates(query, db)
                if case .nothing? = text { return [] }
                if case .dense? = text, let limit = query.limit, let words = query.text, let match = CaseSearchGrams.query(words) {
                    return try Self.walkDense(query, match: match, limit: limit, db)
                }
                let (whereSQL, args) = Self.whereClause(query, text: text)
                var sql = "SELECT \(CaseRow.selectColumns) FROM cases \(whereSQL) \(Self.orderClause(query.order))"
                if let limit = query.limit { sql += " LIMIT \(limit) OFFSET \(query.offset)" }
                let statement = try db.cachedStatement(sql: sql)
                var result: [CaseState] = []
                let rows = try Row.fetchCursor(statement, arguments: StatementArguments(args))
                while let row = try rows.next() { result.append(try CaseRow.decode(row)) }
                return result
            }
        }
    }

    public func count(_ query: CaseQuery) throws -> Int {
        try guarded {
            try pool.read { db in
                let text = try Self.textCandidates(query, db)
                if case .nothing? = text { return 0 }
                if case .dense? = text, let words = query.text, let match = CaseSearchGrams.query(words) {
                    return try Self.countDense(query, match: match, db)
                }
                let (whereSQL, args) = Self.whereClause(query, text: text)
                return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM cases \(whereSQL)"), arguments: StatementArguments(args)) ?? 0
            }
        }
    }

    public func openCountsByGrid() throws -> [String: Int] {
        let open = CaseStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try guarded {
            try pool.read { db in
                var result: [String: Int] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT grid, SUM(count) FROM grid_counters WHERE status IN (\(open)) GROUP BY grid")
                while let row = try rows.next() { result[row[0]] = row[1] }
                return result
            }
        }
    }

    public func events(ofCase id: Int64) throws -> [StoredEvent] {
        try guarded {
            try pool.read { db in
                try Self.fetchEvents(db, sql: "\(Self.eventSelect) WHERE case_id = ? ORDER BY case_version", arguments: [id])
            }
        }
    }

    public func log(afterSeq: Int64, limit: Int, caseID: Int64?) throws -> [StoredEvent] {
        try guarded {
            try pool.read { db in
                if let caseID {
                    return try Self.fetchEvents(db, sql: "\(Self.eventSelect) WHERE seq > ? AND case_id = ? ORDER BY seq LIMIT ?",
                                                arguments: [afterSeq, caseID, limit])
                }
                return try Self.fetchEvents(db, sql: "\(Self.eventSelect) WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [afterSeq, limit])
            }
        }
    }

    /// The sequence number of the newest event (0 for an empty log).
    public func lastSeq() throws -> Int64 {
        try guarded { try pool.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM events") ?? 0 } }
    }

    static let eventSelect = "SELECT seq, case_id, case_version, type, actor, at, payload, idempotency_key, prev_hash, hash FROM events"

    static func fetchEvents(_ db: Database, sql: String, arguments: StatementArguments) throws -> [StoredEvent] {
        var result: [StoredEvent] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() { result.append(try decodeEvent(row)) }
        return result
    }

    static func decodeEvent(_ row: Row) throws -> StoredEvent {
        let seq: Int64 = row[0]
        let type: String = row[3]
        let payloadText: String = row[6]
        do {
            let payload = try JSONValue.parse(payloadText)
            let body = try EventBody(kind: type, payload: payload)
            let event = CaseEvent(caseID: row[1], version: row[2], actor: row[4], at: Instant(secondsSinceEpoch: row[5]), body: body)
            return StoredEvent(seq: seq, event: event, idempotencyKey: row[7], prevHash: row[8], hash: row[9])
        } catch let error as JSONParseError {
            throw StoreError.corruptEvent(seq: seq, error.description)
        } catch let error as EventDecodingError {
            throw StoreError.corruptEvent(seq: seq, error.description)
        }
    }
}

extension SQLiteCaseStore {
    /// Cases closed in `[from, to)` and still closed (or archived), the latest first; at
    /// most `limit`. For the echo wall: a scan of the projection, not a hot path.
    public func closedCases(from: Instant, to: Instant, limit: Int) throws -> [CaseState] {
        try guarded {
            try pool.read { db in
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT \(CaseRow.selectColumns) FROM cases
                    WHERE closed_at >= ? AND closed_at < ? AND status IN ('closed', 'archived')
                    ORDER BY closed_at DESC, id DESC LIMIT ?
                    """, arguments: [from.secondsSinceEpoch, to.secondsSinceEpoch, limit])
                var result: [CaseState] = []
                while let row = try rows.next() { result.append(try CaseRow.decode(row)) }
                return result
            }
        }
    }
}

extension SQLiteCaseStore {
    /// Every recorded joint-meeting decision (`meeting_decided` events), by case and version.
    public func meetingDecisions() throws -> [StoredEvent] {
        try guarded {
            try pool.read { db in
                try Self.fetchEvents(db, sql: "\(Self.eventSelect) WHERE type = 'meeting_decided' ORDER BY case_id, case_version", arguments: [])
            }
        }
    }
}
