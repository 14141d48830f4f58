import GRDB
import WanggeCore

/// One row of the event log exactly as stored: the payload is the stored text, so the
/// hash chain can be verified and written again byte for byte.
public struct RawEventRow: Sendable, Hashable {
    public var seq: Int64
    public var caseID: Int64
    public var version: Int64
    public var type: String
    public var actor: String
    public var at: Int64
    public var payload: String
    public var idempotencyKey: String?
    public var prevHash: String
    public var hash: String

    public init(
        seq: Int64, caseID: Int64, version: Int64, type: String, actor: String, at: Int64, payload: String,
        idempotencyKey: String?, prevHash: String, hash: String
    ) {
        self.seq = seq; self.caseID = caseID; self.version = version; self.type = type; self.actor = actor
        self.at = at; self.payload = payload; self.idempotencyKey = idempotencyKey; self.prevHash = prevHash; self.hash = hash
    }

    /// The hash this row's content and link give; equal to `hash` for an untouched row.
    public var recomputedHash: String {
        EventHashing.hash(prevHash: prevHash, seq: seq, caseID: caseID, version: Int(version), type: type, actor: actor,
                          at: at, payload: payload, idempotencyKey: idempotencyKey)
    }

    /// The hash an empty log starts from.
    public static let genesisHash = EventHashing.genesis
}

/// Why an event log could not be imported; `seq` names the row.
public struct EventLogImportError: Error, Sendable, CustomStringConvertible {
    public var seq: Int64?
    public var message: String
    public var description: String { message }
}

extension SQLiteCaseStore {
    /// Every configuration text stored in the database, by name.
    public func allConfiguration() throws -> [(name: String, text: String)] {
        try guarded {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT name, text FROM configuration ORDER BY name").map { ($0[0], $0[1]) }
            }
        }
    }

    /// Streams the configuration and then the whole log in `seq` order from one read
    /// transaction, so the two belong to the same moment even while others write.
    public func exportLog(configuration: ([(name: String, text: String)]) throws -> Void, event: (RawEventRow) throws -> Void) throws {
        try guarded {
            try pool.read { db in
                try configuration(try Row.fetchAll(db, sql: "SELECT name, text FROM configuration ORDER BY name").map { ($0[0], $0[1]) })
                let rows = try Row.fetchCursor(db, sql: "\(Self.eventSelect) ORDER BY seq")
                while let row = try rows.next() {
                    try event(RawEventRow(
                        seq: row[0], caseID: row[1], version: row[2], type: row[3], actor: row[4], at: row[5], payload: row[6],
                        idempotencyKey: row[7], prevHash: row[8], hash: row[9]))
                }
            }
        }
    }

    /// Whether the database holds nothing yet: no configuration, no events, no cases.
    public func isEmpty() throws -> Bool {
        try guarded {
            try pool.read { db in
                try Int64.fetchOne(db, sql: """
                    SELECT (SELECT COUNT(*) FROM configuration) + (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM cases)
                    """) == 0
            }
        }
    }

    /// Writes an exported log into this empty database in one transaction: the
    /// configuration, every event as it was (verifying the hash chain row by row, so an
    /// edited export is refused at the first bad row), then the projections folded from
    /// the log, the grid counters, the code counters and the meeting agenda. Returns the
    /// number of events written. Nothing is kept unless all of it succeeds.
    public func importLog(
        configuration: [String: String], gridPlaces: [String: GridPlace], next: () throws -> RawEventRow?
    ) throws -> Int64 {
        let previousPlaces = placesSnapshot()
        do {
            let count = try guarded {
                try pool.writeWithoutTransaction { db in
                    var count: Int64 = 0
                    try db.inTransaction(.immediate) {
                        let used = try Int64.fetchOne(db, sql: """
                            SELECT (SELECT COUNT(*) FROM configuration) + (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM cases)
                            """) ?? 0
                        guard used == 0 else {
                            throw EventLogImportError(seq: nil, message: "目标数据库不是空的：事件日志只能导入到新建的空数据库")
                        }
                        for (name, text) in configuration.sorted(by: { $0.key < $1.key }) {
                            try db.execute(sql: "INSERT INTO configuration(name, text) VALUES (?, ?)", arguments: [name, text])
                        }
                        for (grid, place) in gridPlaces.sorted(by: { $0.key < $1.key }) {
                            try db.execute(sql: "INSERT INTO grid_places(grid, community, street) VALUES (?, ?, ?)",
                                           arguments: [grid, place.community, place.street])
                        }
                        cacheGridPlaces(gridPlaces)
                        count = try insertVerified(db, next: next)
                        try rebuildProjections(db)
                        try db.execute(sql: """
                            INSERT INTO case_code_counters(day, last)
                            SELECT substr(code, 3, 6), MAX(CAST(substr(code, 10) AS INTEGER)) FROM cases
                            WHERE code GLOB 'C-[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]*' GROUP BY substr(code, 3, 6);
                            INSERT OR REPLACE INTO engine_agenda(meeting, case_id, level, rule, reason, listed_at)
                            SELECT json_extract(payload, '$.meeting'), case_id, json_extract(payload, '$.level'),
                                   json_extract(payload, '$.rule'), json_extract(payload, '$.reason'), at
                            FROM events WHERE type = 'agenda_listed' ORDER BY seq;
                            """)
                        return .commit
                    }
                    return count
                }
            }
            try catchUpSearchIndex()
            return count
        } catch {
            cacheGridPlaces(previousPlaces)
            throw error
        }
    }

    private func insertVerified(_ db: Database, next: () throws -> RawEventRow?) throws -> Int64 {
        let insert = RawStatement(try db.cachedStatement(sql: Self.insertEventSQL), db)
        var expectedSeq: Int64 = 1
        var prevHash = EventHashing.genesis
        while let row = try next() {
            guard row.seq == expectedSeq else {
                throw EventLogImportError(seq: row.seq, message: "事件序号应为 \(expectedSeq)，实际为 \(row.seq)：日志不完整或顺序被打乱")
            }
            guard row.prevHash == prevHash else {
                throw EventLogImportError(seq: row.seq, message: "事件 #\(row.seq) 记录的前一哈希与前一条事件不符：日志被改动")
            }
            guard row.recomputedHash == row.hash else {
                throw EventLogImportError(seq: row.seq, message: "事件 #\(row.seq) 的内容与其哈希不符：日志被改动")
            }
            if EventBody.Kind(rawValue: row.type) == nil {
                throw EventLogImportError(seq: row.seq, message: "事件 #\(row.seq) 的类型 \(row.type) 未知")
            }
            let event = PreparedEvent(
                seq: row.seq, caseID: row.caseID, version: row.version, type: row.type, actor: row.actor, at: row.at,
                payload: row.payload, key: row.idempotencyKey, prevHash: row.prevHash, hash: row.hash)
            try event.insert(with: insert)
            prevHash = row.hash
            expectedSeq += 1
        }
        return expectedSeq - 1
    }

    /// Writes a consistent copy of the whole database to a new file at `path`, while
    /// other processes go on writing: `VACUUM INTO` reads one snapshot, and WAL lets
    /// writers continue meanwhile. The caller writes to a temporary name and renames it.
    public func copy(to path: String) throws {
        try guarded {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
        }
    }

    /// `PRAGMA quick_check` of this database: "ok" or SQLite's list of problems.
    public func sqliteQuickCheck() throws -> String {
        try guarded { try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; ") } }
    }

    /// How many events and cases the database holds.
    public func counts() throws -> (events: Int64, cases: Int64) {
        try guarded {
            try pool.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM cases)")
                return (row?[0] ?? 0, row?[1] ?? 0)
            }
        }
    }
}
