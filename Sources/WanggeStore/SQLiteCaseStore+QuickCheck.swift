import GRDB
import WanggeCore

/// How much the start-up check reads at most, whatever the size of the database.
public struct QuickCheckLimits: Sendable, Hashable {
    /// Events written since the last verification that are verified now (the newest ones
    /// when there are more; the older ones are then left to the rolling window).
    public var newEvents: Int64
    /// Old events re-verified per start, continuing where the last start stopped.
    public var rollingEvents: Int64
    /// Cases whose projection is re-folded from their events per start, likewise.
    public var rollingCases: Int64
    /// The newest rows of the security log verified.
    public var securityRows: Int64

    public init(newEvents: Int64 = 50_000, rollingEvents: Int64 = 20_000, rollingCases: Int64 = 1_000, securityRows: Int64 = 1_000) {
        self.newEvents = newEvents; self.rollingEvents = rollingEvents; self.rollingCases = rollingCases
        self.securityRows = securityRows
    }

    /// The limits from `WANGGE_QUICK_CHECK=new,rolling,cases,security` (e.g.
    /// `200000,100000,5000,1000` for a deeper start-up check), or the defaults.
    public static func from(environment value: String?) -> QuickCheckLimits {
        let numbers = (value ?? "").split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, numbers.allSatisfy({ $0 >= 0 }) else { return QuickCheckLimits() }
        return QuickCheckLimits(newEvents: numbers[0], rollingEvents: numbers[1], rollingCases: numbers[2], securityRows: numbers[3])
    }
}

/// What the start-up check found and how much it read.
public struct QuickCheckReport: Sendable {
    public var problems: [IntegrityReport.Problem] = []
    /// Events whose hash was recomputed.
    public var eventsVerified = 0
    /// Cases whose projection was compared with a fold of their events.
    public var casesVerified = 0
    /// More events were new than `newEvents`: the oldest of them were not verified now
    /// (the rolling window reaches them later).
    public var partial = false

    public var isClean: Bool { problems.isEmpty }

    public init() {}
}

extension SQLiteCaseStore {
    static let appendOnlyTriggers = [
        "events_refuse_update", "events_refuse_delete", "security_log_refuse_update", "security_log_refuse_delete",
    ]

    /// A check cheap enough for every console start on a million cases: the append-only
    /// triggers and the schema cookie (constant time), the events written since the last
    /// verification, a rolling window of old events and of case projections, and the tail
    /// of the security log. It reads at most `limits` rows, so it costs the same on any
    /// size; a row edited long ago is found within (events / rollingEvents) starts, and
    /// at once by `wangge check`. When clean it moves its marks forward (a failed write,
    /// on a read-only database, only means the next start re-reads the same rows).
    public func startupCheck(limits: QuickCheckLimits = QuickCheckLimits()) throws -> QuickCheckReport {
        var marks: (verified: (seq: Int64, hash: String)?, rollingSeq: Int64, rollingCase: Int64, schema: Int64?) = (nil, 0, 0, nil)
        var newMarks: (verified: (Int64, String)?, rollingSeq: Int64, rollingCase: Int64) = (nil, 0, 0)
        var report = QuickCheckReport()
        try guarded {
            try pool.read { db in
                for row in try Row.fetchAll(db, sql: "SELECT name, seq, hash, value FROM integrity_marks") {
                    switch row[0] as String {
                    case "verified": marks.verified = (row[1], row[2])
                    case "rolling": marks.rollingSeq = row[1]; marks.rollingCase = row[3]
                    case "schema": marks.schema = row[3]
                    default: break
                    }
                }
                let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
                for name in Self.appendOnlyTriggers where !present.contains(name) {
                    report.problems.append(.triggerMissing(name: name))
                }
                let cookie = try Int64.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
                if let recorded = marks.schema, recorded != cookie {
                    report.problems.append(.schemaChanged(recorded: recorded, found: cookie))
                }

                var chain = IntegrityReport()
                let tail = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
                let tailSeq: Int64 = tail?[0] ?? 0
                // New events since the last verification (their link to the verified mark included).
                var from = marks.verified?.seq ?? 0
                if let verified = marks.verified, verified.seq > 0 {
                    let hash = try String.fetchOne(db, sql: "SELECT hash FROM events WHERE seq = ?", arguments: [verified.seq])
                    if hash != verified.hash {
                        chain.problems.append(.chainBroken(
                            seq: verified.seq, detail: hash == nil ? "已核验过的这一行不见了（被删除）" : "已核验过的哈希变了（它或之前的事件被改写）"))
                    }
                }
                if tailSeq - from > limits.newEvents {
                    // More new events than the budget: the newest are verified now; the
                    // older ones are left to the rolling window (and to `wangge check`).
                    from = tailSeq - limits.newEvents
                    report.partial = true
                }
                try checkChain(db, into: &chain, afterSeq: from, upTo: tailSeq)
                if let tail { newMarks.verified = (tailSeq, tail[1]) }
                // A rolling window of older events.
                var rollingFrom = marks.rollingSeq
                if rollingFrom >= tailSeq { rollingFrom = 0 }
                let rollingTo = min(tailSeq, rollingFrom + limits.rollingEvents)
                if rollingTo > rollingFrom, rollingFrom < from {
                    try checkChain(db, into: &chain, afterSeq: rollingFrom, upTo: min(rollingTo, from))
                }
                newMarks.rollingSeq = rollingTo >= tailSeq ? 0 : rollingTo
                report.eventsVerified = chain.eventsChecked
                // A rolling window of case projections, folded from their events.
                let lastCase = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM cases") ?? 0
                var firstCase = marks.rollingCase
                if firstCase > lastCase || firstCase < 1 { firstCase = 1 }
                let lastInWindow = min(lastCase, firstCase + limits.rollingCases - 1)
                if lastInWindow >= firstCase {
                    try checkProjections(db, into: &chain, caseIDs: firstCase...lastInWindow)
                }
                newMarks.rollingCase = lastInWindow >= lastCase ? 1 : lastInWindow + 1
                report.casesVerified = chain.casesChecked
                // The newest rows of the security log.
                let securityTail = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM security_log") ?? 0
                try checkSecurityLog(db, into: &chain, afterSeq: max(0, securityTail - limits.securityRows))
                report.problems += chain.problems
            }
        }
        if report.isClean {
            try? recordMarks(verified: newMarks.verified, rollingSeq: newMarks.rollingSeq, rollingCase: newMarks.rollingCase,
                             schemaIfUnrecorded: marks.schema == nil)
        }
        return report
    }

    /// After a full `check()` came back clean: everything up to the tail is verified and
    /// the present schema is taken as the program's own.
    public func markFullyChecked() throws {
        let tail = try guarded { try pool.read { db in try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1") } }
        try recordMarks(verified: tail.map { ($0[0], $0[1]) }, rollingSeq: nil, rollingCase: nil, schemaIfUnrecorded: false, resealSchema: true)
    }

    func recordMarks(
        verified: (Int64, String)?, rollingSeq: Int64?, rollingCase: Int64?, schemaIfUnrecorded: Bool, resealSchema: Bool = false
    ) throws {
        try immediateWrite { db in
            let upsert = """
                INSERT INTO integrity_marks(name, seq, hash, value) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, value = excluded.value
                """
            if let verified {
                // Only forward: another console may have verified further meanwhile.
                let current = try Int64.fetchOne(db, sql: "SELECT seq FROM integrity_marks WHERE name = 'verified'") ?? -1
                if verified.0 > current { try db.execute(sql: upsert, arguments: ["verified", verified.0, verified.1, 0]) }
            }
            if let rollingSeq, let rollingCase {
                try db.execute(sql: upsert, arguments: ["rolling", rollingSeq, "", rollingCase])
            }
            let unrecorded = try Int64.fetchOne(db, sql: "SELECT value FROM integrity_marks WHERE name = 'schema'") == nil
            if resealSchema || (schemaIfUnrecorded && unrecorded) {
                try SchemaSeal.record(db)
            }
        }
    }
}
