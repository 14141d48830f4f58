import Testing
import WanggeCore
import WanggeStore

/// `UNIQUE(case_id, case_version)` and the version check: of two writers who read the
/// same version, the first wins and the second is told what happened, writing nothing.
struct OptimisticLockTests {
    let dir: TemporaryDirectory
    let path: String

    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("cases.sqlite")
    }

    @Test func secondWriterOnTheSameVersionGetsTheCurrentState() throws {
        let first = try StoreFixture.open(path)
        let second = try SQLiteCaseStore(path: path)
        let created = try first.createCase(StoreFixture.reported(), codeDay: "260302", actor: "wk", at: StoreFixture.t0, idempotencyKey: nil)

        let seenByFirst = try #require(try first.caseState(code: created.state.code))
        let seenBySecond = try #require(try second.caseState(code: created.state.code))
        #expect(seenByFirst.version == 1 && seenBySecond.version == 1)

        let won = try first.append([.accepted(note: nil), StoreFixture.dispatched("CG")], toCase: seenByFirst.id,
                                   expectedVersion: seenByFirst.version, actor: "dsp.a", at: StoreFixture.minutes(10), idempotencyKey: nil)
        #expect(won.state.version == 3)
        let eventsAfterWinner = try StoreFixture.eventCount(path)

        var current: CaseState?
        do {
            _ = try second.append([.accepted(note: nil), StoreFixture.dispatched("GA", at: StoreFixture.minutes(11))],
                                  toCase: seenBySecond.id, expectedVersion: seenBySecond.version, actor: "dsp.b",
                                  at: StoreFixture.minutes(11), idempotencyKey: nil)
            Issue.record("the second append was accepted")
        } catch StoreError.conflict(let state) {
            current = state
        }
        let state = try #require(current)
        #expect(state.version == 3)
        #expect(state.handler == .unit("CG"))
        #expect(state.lastChange == LastChange(kind: .dispatched, actor: "dsp.a", at: StoreFixture.minutes(10)))
        #expect(StoreError.conflict(current: state).description == "案件 C-260302-0001 已被他人修改（版本 3），请刷新")

        // Nothing of the loser is in the log or the projection.
        #expect(try StoreFixture.eventCount(path) == eventsAfterWinner)
        #expect(try first.events(ofCase: state.id).allSatisfy { $0.event.actor != "dsp.b" })
        #expect(try first.caseState(id: state.id) == won.state)
        #expect(try first.check().isClean)
    }

    @Test func aVersionAheadOfTheCaseIsAConflictToo() throws {
        let store = try StoreFixture.open(path)
        let created = try store.createCase(StoreFixture.reported(), codeDay: "260302", actor: "wk", at: StoreFixture.t0, idempotencyKey: nil)
        #expect(throws: StoreError.self) {
            try store.append([.accepted(note: nil)], toCase: created.state.id, expectedVersion: 5, actor: "dsp",
                             at: StoreFixture.minutes(1), idempotencyKey: nil)
        }
        #expect(try StoreFixture.eventCount(path) == 1)
    }
}
