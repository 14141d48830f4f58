import Testing
import WanggeCore
import WanggeStore

/// Cases written through one store instance read back identically through another.
struct AppendReloadTests {
    let dir: TemporaryDirectory
    let path: String

    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("cases.sqlite")
    }

    @Test func createGivesReadableCodesPerDay() throws {
        let store = try StoreFixture.open(path)
        let a = try store.createCase(StoreFixture.reported("一"), codeDay: "260302", actor: "wk", at: StoreFixture.t0, idempotencyKey: nil)
        let b = try store.createCase(StoreFixture.reported("二"), codeDay: "260302", actor: "wk", at: StoreFixture.t0, idempotencyKey: nil)
        let c = try store.createCase(StoreFixture.reported("三"), codeDay: "260303", actor: "wk", at: StoreFixture.t0, idempotencyKey: nil)
        #expect([a.state.code, b.state.code, c.state.code] == ["C-260302-0001", "C-260302-0002", "C-260303-0001"])
        #expect([a.state.id, b.state.id, c.state.id] == [1, 2, 3])
        #expect(a.state.version == 1 && a.state.status == .reported)
        #expect(a.events.count == 1 && !a.alreadyApplied)
    }

    @Test func appendThenReloadInAnotherInstance() throws {
        let writer = try StoreFixture.open(path)
        let created = try writer.createCase(StoreFixture.reported(), codeDay: "260302", actor: "wk", at: StoreFixture.t0, idempotencyKey: nil)
        let outcome = try writer.append([.accepted(note: "属实"), StoreFixture.dispatched("CG")], toCase: created.state.id,
                                        expectedVersion: 1, actor: "dsp", at: StoreFixture.minutes(10), idempotencyKey: nil)
        #expect(outcome.events.map(\.version) == [2, 3])
        #expect(outcome.state.version == 3)
        #expect(outcome.state.status == .dispatched)
        #expect(outcome.state.handler == .unit("CG"))

        let reader = try SQLiteCaseStore(path: path)
        let loaded = try #require(try reader.caseState(code: "C-260302-0001"))
        #expect(loaded == outcome.state)
        #expect(try reader.caseState(id: created.state.id) == outcome.state)
        let stored = try reader.events(ofCase: created.state.id)
        #expect(stored.map(\.event) == created.events + outcome.events)
        #expect(stored.map(\.seq) == [1, 2, 3])
        #expect(CaseState.fold(stored.map(\.event)) == loaded)
        #expect(try reader.count(CaseQuery(statuses: [.dispatched])) == 1)
        #expect(try reader.cases(CaseQuery(community: "C1")).map(\.code) == ["C-260302-0001"])
        #expect(try reader.cases(CaseQuery(community: "C2")).isEmpty)
        #expect(try reader.openCountsByGrid() == ["G1": 1])
    }

    @Test func appendingToAMissingCaseWritesNothing() throws {
        let store = try StoreFixture.open(path)
        #expect(throws: StoreError.self) {
            try store.append([.accepted(note: nil)], toCase: 42, expectedVersion: 1, actor: "dsp", at: StoreFixture.t0, idempotencyKey: nil)
        }
        #expect(try StoreFixture.eventCount(path) == 0)
    }
}
