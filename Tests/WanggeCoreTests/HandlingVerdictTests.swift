import Testing
@testable import WanggeCore

/// The verdict of live cases: late when finished after the handling deadline, overdue
/// when open past the deadline of the current stage.
struct HandlingVerdictTests {
    @Test func liveCaseHandledAfterItsLimitIsLateEvenBeforeClosing() throws {
        var run = try CaseRun.dispatched(at: "2026-03-02 10:00")   // due Tuesday 10:00
        #expect(run.state.handlingVerdict(at: Fixture.at("2026-03-03 09:00")) == .pending)
        #expect(run.state.handlingVerdict(at: Fixture.at("2026-03-03 10:30")) == .overdue)
        try run.act(.feedback(text: "已清理"), by: "lcg", at: "2026-03-03 10:30")
        #expect(run.state.handlingVerdict(at: Fixture.at("2026-03-03 11:00")) == .late)
        try run.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-03 11:00")
        try run.act(.evaluate(.satisfied, note: nil), by: "sup", at: "2026-03-03 11:10")
        try run.act(.close(note: nil), by: "sup", at: "2026-03-03 11:20")
        #expect(run.state.handlingVerdict(at: Fixture.at("2026-03-20 09:00")) == .late)
    }

    @Test func liveCaseHandledInTimeIsOnTime() throws {
        var run = try CaseRun.dispatched(at: "2026-03-02 10:00")
        try run.act(.feedback(text: "已清理"), by: "lcg", at: "2026-03-03 09:59")
        #expect(run.state.handlingVerdict(at: Fixture.at("2026-03-03 12:00")) == .onTime)
        // Waiting for verification past its own 24 hours is overdue again, until verified.
        #expect(run.state.handlingVerdict(at: Fixture.at("2026-03-04 10:00")) == .overdue)
        try run.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-04 10:00")
        #expect(run.state.handlingVerdict(at: Fixture.at("2026-03-09 09:00")) == .onTime)
    }

    @Test func aReportNeverDispatchedIsOverdueOnItsDispatchClock() throws {
        let run = try CaseRun(at: "2026-03-02 09:00")   // 24 urgent hours to dispatch
        #expect(run.state.handlingVerdict(at: Fixture.at("2026-03-03 08:59")) == .pending)
        #expect(run.state.handlingVerdict(at: Fixture.at("2026-03-03 09:01")) == .overdue)
    }
}
