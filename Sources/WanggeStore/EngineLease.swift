import GRDB
import WanggeCore

/// The right to act as the escalation engine until `expiresAt` (wall-clock time).
/// Only one holder at a time; the token grows with each new holder, and every engine
/// write checks, inside its transaction, that the lease is still its own.
public struct EngineLease: Hashable, Sendable {
    public var holder: String
    public var token: Int64
    public var acquiredAt: Instant
    public var expiresAt: Instant
}

/// The outcome of asking for the lease.
public enum EngineLeaseResult: Sendable {
    /// The caller holds it now (newly or renewed).
    case acquired(EngineLease)
    /// Another live engine holds it.
    case heldBy(EngineLease)
}

/// The engine lost its lease (it stalled longer than the lease, and another engine took
/// over): nothing of the interrupted write was kept.
public struct EngineLeaseLost: Error, Sendable, CustomStringConvertible {
    public var current: EngineLease?
    public init(current: EngineLease?) { self.current = current }
    public var description: String {
        "引擎租约已失效" + (current.map { "，现由 \($0.holder) 持有" } ?? "") + "；本次写入已放弃"
    }
}

extension SQLiteCaseStore {
    static let leaseName = "escalation"

    /// Takes the lease, renews it, or reports who holds it. `wallNow` is the real time
    /// (not the engine's `--now`), since liveness is about real time passing.
    public func acquireEngineLease(holder: String, wallNow: Instant, seconds: Int64) throws -> EngineLeaseResult {
        try guarded {
            try pool.writeWithoutTransaction { db in
                var result: EngineLeaseResult?
                try db.inTransaction(.immediate) {
                    let current = try Self.lease(db)
                    if let current, current.holder != holder, current.expiresAt > wallNow {
                        result = .heldBy(current)
                        return .commit
                    }
                    let same = current?.holder == holder && (current?.expiresAt ?? wallNow) > wallNow
                    let lease = EngineLease(
                        holder: holder, token: same ? (current?.token ?? 1) : (current?.token ?? 0) + 1,
                        acquiredAt: same ? (current?.acquiredAt ?? wallNow) : wallNow, expiresAt: wallNow + seconds)
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO engine_lease(name, holder, token, acquired_at, renewed_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [Self.leaseName, lease.holder, lease.token, lease.acquiredAt.secondsSinceEpoch,
                                         wallNow.secondsSinceEpoch, lease.expiresAt.secondsSinceEpoch])
                    result = .acquired(lease)
                    return .commit
                }
                guard let result else { throw StoreError.database("内部错误：没有租约结果") }
                return result
            }
        }
    }

    /// Gives the lease up (on a clean stop), so another engine need not wait for it to expire.
    public func releaseEngineLease(_ lease: EngineLease) throws {
        try guarded {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM engine_lease WHERE name = ? AND holder = ? AND token = ?",
                               arguments: [Self.leaseName, lease.holder, lease.token])
            }
        }
    }

    /// The current lease, live or expired; nil when no engine ever ran or the last one stopped cleanly.
    public func engineLease() throws -> EngineLease? {
        try guarded { try pool.read { db in try Self.lease(db) } }
    }

    static func lease(_ db: Database) throws -> EngineLease? {
        guard let row = try Row.fetchOne(db, sql: "SELECT holder, token, acquired_at, expires_at FROM engine_lease WHERE name = ?",
                                         arguments: [leaseName]) else { return nil }
        return EngineLease(holder: row[0], token: row[1], acquiredAt: Instant(secondsSinceEpoch: row[2]),
                           expiresAt: Instant(secondsSinceEpoch: row[3]))
    }
}
