import Foundation
import Testing
import WanggeCore
@testable import WanggeStore

/// The engine reads cases through the C API (`CaseRowDecoder`, the clock read from its
/// bytes by `ClockBytesReader`): it must give exactly the state the ordinary reader
/// gives, for every kind of column value.
@Suite struct EngineCaseReadTests {
    /// Cases with suspensions (open and ended), summons reported in and not, a pending
    /// extension, a person as handler, a building and a source reference, an escalation,
    /// a send-back: the engine's read equals `caseState(id:)` field for field.
    @Test func engineReadEqualsOrdinaryRead() throws {
        let dir = try TemporaryDirectory()
        let store = try StoreFixture.open(dir.path("c.sqlite"))
        let t = StoreFixture.minutes
        var ids: [Int64] = []
        let plain = try StoreFixture.dispatchedCase(store)
        ids.append(plain.id)
        let suspended = try StoreFixture.dispatchedCase(store, title: "暂停两次")
        ids.append(try store.append([
            .handlerAccepted, .suspended(reason: "等待天晴", until: t(100), dueAt: t(2000)), .resumed(dueAt: t(2100)),
            .suspended(reason: "再等", until: t(3000), dueAt: t(4000)),
        ], toCase: suspended.id, expectedVersion: suspended.version, actor: "dsp", at: t(30), idempotencyKey: nil).state.id)
        let summoned = try StoreFixture.dispatchedCase(store, title: "吹哨", grid: "G2")
        ids.append(try store.append([
            .summoned(entries: [SummonEntry(unit: "XF", dueAt: t(90)), SummonEntry(unit: "GA", dueAt: t(120))], note: "吹哨"),
            .reportedIn(unit: "XF", note: nil), .extensionRequested(reason: "材料未到"),
        ], toCase: summoned.id, expectedVersion: summoned.version, actor: "dsp", at: t(40), idempotencyKey: nil).state.id)
        var reported = StoreFixture.reported("人员处理", grid: "G3")
        reported.building = "G3-2"
        reported.sourceRef = "12345-0001"
        let created = try store.createCase(reported, codeDay: "260302", actor: "wk", at: t(0), idempotencyKey: nil)
        ids.append(try store.append([
            .accepted(note: nil), .dispatched(handler: .person("wk.li"), limit: StoreFixture.oneWorkingDay, dueAt: t(500), note: nil),
            .sentBack(reason: "不属本单位", limit: StoreFixture.day, dueAt: t(600)),
            .escalated(from: .grid, to: .community, reason: "超时", rule: "grid-overdue", limit: StoreFixture.day, dueAt: t(900)),
        ], toCase: created.state.id, expectedVersion: 1, actor: "dsp", at: t(50), idempotencyKey: nil).state.id)
        let read = try store.engineOpenCases(afterID: 0, limit: 100)
        #expect(read.map(\.state.id) == ids)
        for engineCase in read {
            let ordinary = try #require(try store.caseState(id: engineCase.state.id))
            #expect(engineCase.state == ordinary)
            #expect(engineCase.nextCheck == -1, "never looked at: due at once")
        }
        #expect(read.contains { !($0.state.clock?.suspensions.isEmpty ?? true) })
        #expect(read.contains { $0.state.summons.count == 2 })
    }

    /// The clock as `encodeClock` writes it reads back from its bytes; any other
    /// spelling (spaces, other key order, escapes) gives nil, so the JSON reader is used.
    @Test func clockBytesReadBackOrDeclined() {
        let clocks = [
            CaseClock(stage: .handling, start: Instant(secondsSinceEpoch: 1_794_827_569), limit: TimeLimit(amount: 3, clock: .calendarDays)),
            CaseClock(stage: .dispatch, start: Instant(secondsSinceEpoch: -5), limit: TimeLimit(amount: 24, clock: .urgentHours),
                      extensions: 2, suspensions: [TimeSpan(start: Instant(secondsSinceEpoch: 10), end: Instant(secondsSinceEpoch: 20)),
                                                   TimeSpan(start: Instant(secondsSinceEpoch: 30), end: nil)]),
        ]
        for clock in clocks {
            let text = CaseRow.encodeClock(clock)
            #expect(read(text) == clock, "\(text)")
            #expect(CaseRow.decodeClock(text) == clock)
        }
        for odd in [
            #"{"stage": "handling","start":1,"limit":{"amount":3,"clock":"calendar_days"},"extensions":0,"suspensions":[]}"#,
            #"{"start":1,"stage":"handling","limit":{"amount":3,"clock":"calendar_days"},"extensions":0,"suspensions":[]}"#,
            #"{"stage":"hand\u006cing","start":1,"limit":{"amount":3,"clock":"calendar_days"},"extensions":0,"suspensions":[]}"#,
            #"{"stage":"handling","start":1,"limit":{"amount":3,"clock":"calendar_days"},"extensions":0,"suspensions":[]} "#,
            #"{"stage":"handling","start":1,"limit":{"amount":3,"clock":"calendar_days"},"extensions":0,"suspensions":[[1]]}"#,
            #"{"stage":"nowhere","start":1,"limit":{"amount":3,"clock":"calendar_days"},"extensions":0,"suspensions":[]}"#,
        ] {
            #expect(read(odd) == nil, "\(odd)")
        }
    }

    func read(_ text: String) -> CaseClock? {
        var copy = text
        return copy.withUTF8 { ClockBytesReader.read($0) }
    }
}
