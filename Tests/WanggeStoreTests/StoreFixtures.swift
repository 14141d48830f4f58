import Foundation
import GRDB
import Testing
import WanggeCore
import WanggeStore

/// A directory of its own for each test, removed when the test's value goes away.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Fixed instants (2026-03-02 is a Monday; 09:00 in Shanghai is 01:00 UTC) and the
/// event bodies the store tests append. The store does not decide anything, so the
/// bodies are written out by hand.
enum StoreFixture {
    static let t0 = Instant(secondsSinceEpoch: 1_772_413_200) // 2026-03-02 09:00 +08:00
    static let day = TimeLimit(amount: 24, clock: .urgentHours)
    static let oneWorkingDay = TimeLimit(amount: 1, clock: .workingDays)
    static let places = [
        "G1": GridPlace(community: "C1", street: "S1"),
        "G2": GridPlace(community: "C1", street: "S1"),
        "G3": GridPlace(community: "C2", street: "S1"),
    ]

    static func minutes(_ m: Int64) -> Instant { t0 + m * 60 }

    /// Opens (creating) a store and gives it the grid → community map.
    static func open(_ path: String) throws -> SQLiteCaseStore {
        let store = try SQLiteCaseStore(path: path)
        try store.setConfiguration(["org.toml": "# test"], gridPlaces: places)
        return store
    }

    static func reported(_ title: String = "楼道堆放垃圾", grid: String = "G1") -> Reported {
        Reported(code: "", title: title, description: "", category: "0101", grid: grid, building: nil, source: .patrol,
                 severity: .normal, level: .grid, sourceRef: nil, dispatchLimit: day, dueAt: t0 + 86_400)
    }

    static func dispatched(_ unit: String, at: Instant = minutes(10)) -> EventBody {
        .dispatched(handler: .unit(unit), limit: oneWorkingDay, dueAt: at + 86_400, note: nil)
    }

    /// Creates a case and takes it to `dispatched` (versions 1-3).
    @discardableResult
    static func dispatchedCase(_ store: SQLiteCaseStore, title: String = "楼道堆放垃圾", grid: String = "G1", unit: String = "CG") throws -> CaseState {
        let created = try store.createCase(reported(title, grid: grid), codeDay: "260302", actor: "wk", at: t0, idempotencyKey: nil)
        return try store.append([.accepted(note: nil), dispatched(unit)], toCase: created.state.id, expectedVersion: 1,
                                actor: "dsp", at: minutes(10), idempotencyKey: nil).state
    }

    /// A raw connection to the same file, beside the store's own: what a person with
    /// the sqlite3 shell could do.
    static func raw(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: config)
    }

    static func eventCount(_ path: String) throws -> Int {
        try raw(path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? -1 }
    }

    /// Every row of the projections, in order, as plain values.
    static func projectionRows(_ path: String) throws -> [[DatabaseValue]] {
        try raw(path).read { db in
            let cases = try Row.fetchAll(db, sql: "SELECT * FROM cases ORDER BY id").map { Array($0.databaseValues) }
            let counters = try Row.fetchAll(db, sql: "SELECT * FROM grid_counters WHERE count != 0 ORDER BY grid, status")
                .map { Array($0.databaseValues) }
            return cases + [[.null]] + counters
        }
    }
}
