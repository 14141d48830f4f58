import GRDB
import Testing
import WanggeCore
import WanggeStore

/// `check()` names what was changed behind the store's back: an edited event by its
/// seq, a deleted one as missing, an edited projection by case code and column.
struct IntegrityCheckTests {
    let dir: TemporaryDirectory
    let path: String
    let store: SQLiteCaseStore
    let first: CaseState
    let second: CaseState

    /// Two dispatched cases: events 1-3 are the first, 4-6 the second.
    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("cases.sqlite")
        store = try StoreFixture.open(path)
        first = try StoreFixture.dispatchedCase(store, title: "一")
        second = try StoreFixture.dispatchedCase(store, title: "二", grid: "G3", unit: "GA")
        #expect(try store.check().isClean)
    }

    /// Runs SQL on a raw connection with the append-only triggers dropped, as a
    /// determined person with the sqlite3 shell could.
    func tamper(_ sql: String) throws {
        try StoreFixture.raw(path).write { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete")
            try db.execute(sql: sql)
        }
    }

    @Test func anEditedEventIsNamedBySeq() throws {
        try tamper("UPDATE events SET payload = replace(payload, 'unit:CG', 'unit:GA') WHERE seq = 3")
        let report = try store.check()
        #expect(!report.isClean)
        #expect(report.firstBadEvent == 3)
        #expect(report.problems.contains { if case .chainBroken(seq: 3, _) = $0 { true } else { false } })
        #expect(!report.problems.contains { if case .chainBroken(let seq, _) = $0 { seq != 3 } else { false } })
        // The forged handler also no longer matches the projection written at the time.
        #expect(report.problems.contains(.projectionDiffers(code: first.code, column: "handler", live: "unit:CG", rebuilt: "unit:GA")))
        #expect(report.problems.map(\.description).contains { $0.hasPrefix("事件 #3 的哈希链断裂") })
    }

    @Test func anEditedActorOrTimeIsCaughtToo() throws {
        try tamper("UPDATE events SET at = at - 3600 WHERE seq = 5")
        #expect(try store.check().firstBadEvent == 5)
    }

    @Test func aDeletedEventIsMissing() throws {
        try tamper("DELETE FROM events WHERE seq = 5")
        let report = try store.check()
        #expect(report.firstBadEvent == 5)
        #expect(report.problems.contains(.missingEvents(afterSeq: 4, nextSeq: 6)))
        #expect(report.problems.contains(.versionGap(caseID: second.id, expected: 2, found: 3)))
        #expect(report.problems.map(\.description).contains("事件 #4 之后直接是 #6：中间 1 条事件被删除"))
    }

    @Test func anEditedProjectionIsNamedByCodeAndColumn() throws {
        try StoreFixture.raw(path).write { db in
            try db.execute(sql: "UPDATE cases SET status = 'closed' WHERE code = ?", arguments: [second.code])
        }
        let report = try store.check()
        #expect(report.firstBadEvent == nil)
        #expect(report.problems.contains(.projectionDiffers(code: second.code, column: "status", live: "closed", rebuilt: "dispatched")))
        #expect(report.problems.contains(.counterDiffers(grid: "G3", status: "closed", live: 0, recount: 1)))
        #expect(report.problems.contains(.counterDiffers(grid: "G3", status: "dispatched", live: 1, recount: 0)))
        #expect(!report.problems.contains { if case .projectionDiffers(let code, _, _, _) = $0 { code == first.code } else { false } })

        try store.rebuildProjections()
        #expect(try store.check().isClean)
        #expect(try store.caseState(code: second.code) == second)
    }

    @Test func aDeletedProjectionRowIsMissing() throws {
        try StoreFixture.raw(path).write { db in try db.execute(sql: "DELETE FROM cases WHERE id = ?", arguments: [first.id]) }
        #expect(try store.check().problems.contains(.projectionMissing(caseID: first.id)))
    }
}
