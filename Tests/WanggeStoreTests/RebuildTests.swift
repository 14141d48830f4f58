import Testing
import WanggeCore
import WanggeStore

/// Rebuilding the projections from the log gives back exactly the live rows.
struct RebuildTests {
    let dir: TemporaryDirectory
    let path: String

    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("cases.sqlite")
    }

    /// Cases in many states, with clocks, summons, suspensions and extensions in their rows.
    func populate(_ store: SQLiteCaseStore) throws {
        let m = StoreFixture.minutes
        let a = try StoreFixture.dispatchedCase(store, title: "处置中")
        var s = try store.append([.handlerAccepted, .extensionRequested(reason: "需协调")], toCase: a.id, expectedVersion: a.version,
                                 actor: "lcg", at: m(20), idempotencyKey: nil).state
        s = try store.append([.extensionDecided(approved: true, note: nil, dueAt: m(3000))], toCase: a.id, expectedVersion: s.version,
                             actor: "sup", at: m(30), idempotencyKey: nil).state
        s = try store.append([.suspended(reason: "等待", until: m(600), dueAt: m(3500))], toCase: a.id, expectedVersion: s.version,
                             actor: "sup", at: m(40), idempotencyKey: nil).state
        _ = try store.append([.summoned(entries: [SummonEntry(unit: "GA", dueAt: m(200)), SummonEntry(unit: "WY", dueAt: m(200))], note: nil),
                              .reportedIn(unit: "GA", note: "到")], toCase: a.id, expectedVersion: s.version,
                             actor: "dsp", at: m(50), idempotencyKey: nil)

        let b = try StoreFixture.dispatchedCase(store, title: "已结案", grid: "G2")
        _ = try store.append([.feedback(text: "完成", limit: StoreFixture.day, dueAt: m(2000)), .verificationPassed(note: nil),
                              .evaluated(satisfaction: .satisfied, note: nil), .closed(note: nil)],
                             toCase: b.id, expectedVersion: b.version, actor: "sup", at: m(60), idempotencyKey: nil)

        let c = try store.createCase(StoreFixture.reported("重复", grid: "G3"), codeDay: "260302", actor: "wk", at: m(5), idempotencyKey: nil)
        _ = try store.append([.linkedDuplicate(primary: a.code)], toCase: c.state.id, expectedVersion: 1, actor: "dsp", at: m(70), idempotencyKey: nil)

        _ = try store.createCase(StoreFixture.reported("待受理", grid: "G3"), codeDay: "260303", actor: "wk", at: m(1500), idempotencyKey: nil)
    }

    @Test func rebuildEqualsLive() throws {
        let store = try StoreFixture.open(path)
        try populate(store)
        let live = try StoreFixture.projectionRows(path)
        let states = try store.cases(CaseQuery(order: .code))
        #expect(states.map(\.status) == [.inProgress, .closed, .merged, .reported])
        #expect(try store.check().isClean)

        try store.rebuildProjections()
        #expect(try StoreFixture.projectionRows(path) == live)
        #expect(try store.cases(CaseQuery(order: .code)) == states)
        let report = try store.check()
        #expect(report.isClean)
        #expect(report.casesChecked == 4)
        #expect(report.eventsChecked == 19)
    }

    @Test func eachLiveStateIsTheFoldOfItsEvents() throws {
        let store = try StoreFixture.open(path)
        try populate(store)
        for state in try store.cases(CaseQuery()) {
            #expect(CaseState.fold(try store.events(ofCase: state.id).map(\.event)) == state, "\(state.code)")
        }
    }

    @Test func rebuildRepairsAProjectionLostEntirely() throws {
        let store = try StoreFixture.open(path)
        try populate(store)
        let live = try StoreFixture.projectionRows(path)
        try StoreFixture.raw(path).write { db in try db.execute(sql: "DELETE FROM cases; DELETE FROM grid_counters") }
        #expect(try !store.check().isClean)
        try store.rebuildProjections()
        #expect(try StoreFixture.projectionRows(path) == live)
    }
}
