import Testing
import WanggeCore
import WanggeStore

/// An idempotency key makes a retried command (a crash, a double key press, two
/// engines) land once.
struct IdempotencyTests {
    let dir: TemporaryDirectory
    let path: String

    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("cases.sqlite")
    }

    @Test func theSameKeyTwiceWritesOneEvent() throws {
        let store = try StoreFixture.open(path)
        let created = try store.createCase(StoreFixture.reported(), codeDay: "260302", actor: "wk", at: StoreFixture.t0, idempotencyKey: nil)
        let once = try store.append([.supervised(kind: .timeout, note: "超时")], toCase: created.state.id, expectedVersion: 1,
                                    actor: "engine", at: StoreFixture.minutes(5), idempotencyKey: "escalate:1:v1")
        #expect(!once.alreadyApplied)
        #expect(once.state.version == 2)

        let twice = try store.append([.supervised(kind: .timeout, note: "超时")], toCase: created.state.id, expectedVersion: 1,
                                     actor: "engine", at: StoreFixture.minutes(6), idempotencyKey: "escalate:1:v1")
        #expect(twice.alreadyApplied)
        #expect(twice.events.isEmpty)
        #expect(twice.state == once.state)
        #expect(try StoreFixture.eventCount(path) == 2)
        #expect(try store.events(ofCase: created.state.id).last?.idempotencyKey == "escalate:1:v1")

        // A different key is a different command: here a stale one, so a conflict.
        #expect(throws: StoreError.self) {
            try store.append([.supervised(kind: .timeout, note: "超时")], toCase: created.state.id, expectedVersion: 1,
                             actor: "engine", at: StoreFixture.minutes(7), idempotencyKey: "escalate:1:v1-again")
        }
        #expect(try store.check().isClean)
    }

    @Test func theSameKeyAcrossInstances() throws {
        let a = try StoreFixture.open(path)
        let b = try SQLiteCaseStore(path: path)
        let first = try a.createCase(StoreFixture.reported(), codeDay: "260302", actor: "wk", at: StoreFixture.t0, idempotencyKey: "12345:88001")
        let again = try b.createCase(StoreFixture.reported(), codeDay: "260302", actor: "wk", at: StoreFixture.minutes(1), idempotencyKey: "12345:88001")
        #expect(again.alreadyApplied)
        #expect(again.state.code == first.state.code)
        #expect(try b.count(CaseQuery()) == 1)
        #expect(try StoreFixture.eventCount(path) == 1)
    }
}
