import Testing
import WanggeCore
import WanggeStore

/// One hash chain over the whole log, whichever path wrote the rows.
struct HashChainTests {
    let dir: TemporaryDirectory
    let path: String

    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("cases.sqlite")
    }

    /// A history as the demo generator builds it: events numbered 1...n and their fold.
    func history(id: Int64, code: String, title: String) throws -> (events: [CaseEvent], state: CaseState) {
        var r = StoreFixture.reported(title)
        r.code = code
        let events = [
            CaseEvent(caseID: id, version: 1, actor: "wk", at: StoreFixture.t0, body: .reported(r)),
            CaseEvent(caseID: id, version: 2, actor: "dsp", at: StoreFixture.minutes(3), body: .accepted(note: nil)),
            CaseEvent(caseID: id, version: 3, actor: "dsp", at: StoreFixture.minutes(3), body: StoreFixture.dispatched("WY", at: StoreFixture.minutes(3))),
        ]
        return (events, try #require(CaseState.fold(events)))
    }

    @Test func continuousAcrossBulkAndSingleAppends() throws {
        let store = try StoreFixture.open(path)
        let single = try StoreFixture.dispatchedCase(store, title: "单条")           // seq 1-3

        let writer = BulkCaseWriter(store: store)
        let next = try writer.nextCaseID()
        #expect(next == 2)
        var counters = try writer.codeCounters()
        #expect(counters == ["260302": 1])
        counters["260302"] = 3
        try writer.write([
            try history(id: next, code: "C-260302-0002", title: "批量一"),
            try history(id: next + 1, code: "C-260302-0003", title: "批量二"),
        ], codeCounters: counters)                                                  // seq 4-9

        let bulk = try #require(try store.caseState(code: "C-260302-0003"))
        _ = try store.append([.handlerAccepted], toCase: bulk.id, expectedVersion: bulk.version, actor: "lwy",
                             at: StoreFixture.minutes(20), idempotencyKey: "k")       // seq 10
        let after = try store.createCase(StoreFixture.reported("之后"), codeDay: "260302", actor: "wk",
                                         at: StoreFixture.minutes(30), idempotencyKey: nil) // seq 11
        // The single path continues the code sequence the bulk writer raised.
        #expect(after.state.code == "C-260302-0004")
        #expect(single.code == "C-260302-0001")

        let log = try store.log(afterSeq: 0, limit: 100, caseID: nil)
        #expect(log.map(\.seq) == Array(1...11))
        #expect(log.first?.prevHash == String(repeating: "0", count: 64))
        for (previous, row) in zip(log, log.dropFirst()) {
            #expect(row.prevHash == previous.hash, "seq \(row.seq)")
        }
        #expect(Set(log.map(\.hash)).count == 11)
        #expect(log.allSatisfy { $0.hash.count == 64 && $0.hash.allSatisfy(\.isHexDigit) })

        let report = try store.check()
        #expect(report.isClean)
        #expect(report.eventsChecked == 11)
        #expect(report.casesChecked == 4)
        #expect(try store.openCountsByGrid() == ["G1": 4])
    }

    @Test func logFiltersByCaseAndPages() throws {
        let store = try StoreFixture.open(path)
        let a = try StoreFixture.dispatchedCase(store, title: "一")
        _ = try StoreFixture.dispatchedCase(store, title: "二")
        #expect(try store.log(afterSeq: 0, limit: 100, caseID: a.id).map(\.seq) == [1, 2, 3])
        #expect(try store.log(afterSeq: 2, limit: 2, caseID: nil).map(\.seq) == [3, 4])
        #expect(try store.lastSeq() == 6)
    }
}
