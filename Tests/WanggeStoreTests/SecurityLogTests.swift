import GRDB
import Testing
import WanggeCore
import WanggeStore

/// The security log: append-only, its own hash chain checked by `check()`, and the
/// audit queries by actor, period and grids.
struct SecurityLogTests {
    let dir: TemporaryDirectory
    let path: String
    let store: SQLiteCaseStore

    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("cases.sqlite")
        store = try StoreFixture.open(path)
        try StoreFixture.dispatchedCase(store)
        for (i, actor) in ["wk", "wk", "dsp"].enumerated() {
            try store.recordRefusal(Self.refusal(actor: actor, at: StoreFixture.minutes(Int64(i) * 60), grid: i == 2 ? "G3" : "G1"))
        }
    }

    static func refusal(actor: String, at: Instant, grid: String?) -> RefusalRecord {
        RefusalRecord(at: at, recordedAt: at + 5, osLogin: actor, actor: actor, channel: "cli", action: "dispatch",
                      caseCode: "C-260302-0001", grid: grid, reason: "forbidden", message: "\(actor) 无权派遣")
    }

    @Test func refusalsChainAndCheckClean() throws {
        let report = try store.check()
        #expect(report.isClean)
        #expect(report.refusalsChecked == 3)
        let all = try store.refusals(AuditQuery())
        #expect(all.map(\.seq) == [1, 2, 3])
        #expect(all[1].prevHash == all[0].hash)
    }

    @Test func queriesByActorPeriodAndGrids() throws {
        #expect(try store.refusals(AuditQuery(actor: "wk")).count == 2)
        #expect(try store.refusals(AuditQuery(from: StoreFixture.minutes(60))).map(\.seq) == [2, 3])
        #expect(try store.refusals(AuditQuery(to: StoreFixture.minutes(60))).map(\.seq) == [1])
        #expect(try store.refusals(AuditQuery(grids: ["G3"])).map(\.seq) == [3])
        #expect(try store.refusals(AuditQuery(limit: 1)).map(\.seq) == [3])
        let events = try store.auditedEvents(AuditQuery(actor: "dsp"))
        #expect(events.map(\.stored.event.version) == [2, 3])
        #expect(events.allSatisfy { $0.caseCode == "C-260302-0001" && $0.grid == "G1" })
        #expect(try store.auditedEvents(AuditQuery(grids: ["G3"])).isEmpty)
    }

    @Test func updatesAndDeletesAreRefused() throws {
        #expect(throws: (any Error).self) {
            try StoreFixture.raw(path).write { db in try db.execute(sql: "UPDATE security_log SET message = 'x' WHERE seq = 1") }
        }
        #expect(throws: (any Error).self) {
            try StoreFixture.raw(path).write { db in try db.execute(sql: "DELETE FROM security_log WHERE seq = 2") }
        }
    }

    func tamper(_ sql: String) throws {
        try StoreFixture.raw(path).write { db in
            try db.execute(sql: "DROP TRIGGER security_log_refuse_update; DROP TRIGGER security_log_refuse_delete")
            try db.execute(sql: sql)
        }
    }

    @Test func anEditedRefusalIsNamed() throws {
        try tamper("UPDATE security_log SET actor = 'someone' WHERE seq = 2")
        let report = try store.check()
        #expect(report.problems == [.securityLogBroken(seq: 2, detail: "内容与其哈希不符")])
    }

    @Test func aDeletedRefusalIsNamed() throws {
        try tamper("DELETE FROM security_log WHERE seq = 2")
        let report = try store.check()
        #expect(report.problems.map(\.description) == ["安全日志第 3 条记录的哈希链断裂：之前缺少 1 条记录（被删除）"])
    }
}
