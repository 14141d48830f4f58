import Testing
import WanggeApp
import WanggeCore
import WanggeStore

/// The demo is a function of its seed and its "now": two builds are the same database.
struct DemoDeterminismTests {
    let dir: TemporaryDirectory
    let now = AppFixture.t0

    init() throws { dir = try TemporaryDirectory() }

    func build(_ name: String, seed: UInt64, cases: Int = 400) throws -> SQLiteCaseStore {
        let store = try SQLiteCaseStore(path: dir.path(name))
        try DemoBuilder.build(into: store, options: .init(cases: cases, seed: seed, operatorLogin: "tester"), now: now)
        return store
    }

    func lastHash(_ store: SQLiteCaseStore) throws -> String {
        let last = try store.lastSeq()
        return try #require(try store.log(afterSeq: last - 1, limit: 1, caseID: nil).first?.hash)
    }

    @Test func sameSeedSameNowSameDatabase() throws {
        let a = try build("a.sqlite", seed: 7)
        let b = try build("b.sqlite", seed: 7)
        let rowsA = try a.cases(CaseQuery(order: .code))
        let rowsB = try b.cases(CaseQuery(order: .code))
        #expect(rowsA.count == 400)
        #expect(rowsA == rowsB)
        #expect(try a.lastSeq() == b.lastSeq())
        #expect(try lastHash(a) == lastHash(b))
    }

    @Test func anotherSeedAnotherDatabase() throws {
        let a = try build("a.sqlite", seed: 7, cases: 50)
        let c = try build("c.sqlite", seed: 8, cases: 50)
        #expect(try lastHash(a) != lastHash(c))
        #expect(try a.cases(CaseQuery(order: .code)).map(\.title) != c.cases(CaseQuery(order: .code)).map(\.title))
    }

    @Test func theDemoPassesCheckAndCoversTheLoop() throws {
        let store = try build("a.sqlite", seed: 3)
        let report = try store.check()
        #expect(report.isClean, "\(report.problems.prefix(3))")
        #expect(report.casesChecked == 400)
        let states = Set(try store.cases(CaseQuery()).map(\.status))
        for status in [CaseStatus.reported, .dispatched, .inProgress, .handled, .closed, .archived] {
            #expect(states.contains(status), "no \(status.rawValue) case in the demo")
        }
        #expect(try store.count(CaseQuery(overdueAt: now)) > 0)
        #expect(try store.cases(CaseQuery()).allSatisfy { $0.reportedAt <= now })
    }
}
