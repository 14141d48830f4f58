import GRDB
import WanggeCore

/// The fields of a case that a replay needs about its neighbours: when it was open,
/// where, what, and what it was merged into.
public struct ReplayCaseRow: Hashable, Sendable {
    public var id: Int64
    public var code: String
    public var category: String
    public var grid: String
    public var building: String?
    public var severity: Severity
    public var status: CaseStatus
    public var reportedAt: Instant
    /// When it stopped being open (closed, declined, merged); nil while open.
    public var endedAt: Instant?
    public var duplicateOf: String?
    /// The last change, to tell cases that changed in a period.
    public var lastAt: Instant
}

extension SQLiteCaseStore {
    /// Cases reported by `to` that were open at some time after `since` (reported after
    /// it, still open, or changed after it). One pass over the projection.
    public func replayCases(since: Instant, to: Instant) throws -> [ReplayCaseRow] {
        try guarded {
            try pool.read { db in
                var result: [ReplayCaseRow] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT id, code, category, grid, building, severity, status, reported_at, is_open, closed_at, last_at, duplicate_of
                    FROM cases WHERE reported_at <= ? AND (is_open = 1 OR last_at >= ? OR reported_at >= ?)
                    """, arguments: [to.secondsSinceEpoch, since.secondsSinceEpoch, since.secondsSinceEpoch])
                while let row = try rows.next() {
                    guard let severity = Severity(rawValue: row[5]), let status = CaseStatus(rawValue: row[6]) else { continue }
                    let open: Bool = row[8]
                    let last = Instant(secondsSinceEpoch: row[10])
                    result.append(ReplayCaseRow(
                        id: row[0], code: row[1], category: row[2], grid: row[3], building: row[4], severity: severity, status: status,
                        reportedAt: Instant(secondsSinceEpoch: row[7]),
                        endedAt: open ? nil : ((row[9] as Int64?).map { Instant(secondsSinceEpoch: $0) } ?? last),
                        duplicateOf: row[11], lastAt: last))
                }
                return result
            }
        }
    }

    /// The logs of several cases, in one read transaction (a consistent snapshot).
    public func events(ofCases ids: [Int64]) throws -> [[StoredEvent]] {
        try guarded {
            try pool.read { db in
                let statement = try db.cachedStatement(sql: "\(Self.eventSelect) WHERE case_id = ? ORDER BY case_version")
                var result: [[StoredEvent]] = []
                result.reserveCapacity(ids.count)
                for id in ids {
                    var list: [StoredEvent] = []
                    let rows = try Row.fetchCursor(statement, arguments: [id])
                    while let row = try rows.next() { list.append(try Self.decodeEvent(row)) }
                    result.append(list)
                }
                return result
            }
        }
    }
}
