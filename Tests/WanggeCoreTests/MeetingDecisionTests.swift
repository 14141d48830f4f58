import Testing
@testable import WanggeCore

/// A joint meeting's decision recorded on a case: who decided, what, by when; a record
/// that moves no clock, refused on settled cases, for meetings not yet held and for
/// deadlines already past.
struct MeetingDecisionTests {
    let meeting = CivilDate(year: 2026, month: 2, day: 25)!

    @Test func theDecisionIsAnEventThatMovesNoClock() throws {
        var run = try CaseRun.dispatched(to: .unit("CG"))
        let before = run.state
        let bodies = try run.act(.recordMeetingDecision(meeting: meeting, decision: "由城管牵头三日内清理", decidedBy: "街道书记 王某",
                                                        deadline: Fixture.at("2026-03-05 18:00")), by: "sup", at: "2026-03-02 10:00")
        #expect(bodies == [.meetingDecided(meeting: "2026-02-25", decision: "由城管牵头三日内清理", decidedBy: "街道书记 王某",
                                           deadline: Fixture.at("2026-03-05 18:00"))])
        #expect(run.state.dueAt == before.dueAt && run.state.status == before.status && run.state.version == before.version + 1)
        let body = try #require(bodies.first)
        #expect(try EventBody(kind: body.kind.rawValue, payload: try JSONValue.parse(body.payload.serialized())) == body)
        #expect(body.kind.rawValue == "meeting_decided")
    }

    @Test func refusals() throws {
        var run = try CaseRun.dispatched(to: .unit("CG"))
        #expect(run.refusal(.recordMeetingDecision(meeting: CivilDate(year: 2026, month: 3, day: 5)!, decision: "x", decidedBy: "y", deadline: nil),
                            by: "sup", at: "2026-03-02 10:00")
            == Refusal(.invalidInput, "会议 2026-03-05 还没有开：只能记录已召开会议的决定"))
        #expect(run.refusal(.recordMeetingDecision(meeting: meeting, decision: " ", decidedBy: "y", deadline: nil), by: "sup", at: "2026-03-02 10:00")
            == Refusal(.invalidInput, "请填写会议决定"))
        #expect(run.refusal(.recordMeetingDecision(meeting: meeting, decision: "x", decidedBy: "y", deadline: Fixture.at("2026-03-01 10:00")),
                            by: "sup", at: "2026-03-02 10:00")?.message.contains("已过") == true)
        // Recorded by those who may supervise: not a grid worker.
        #expect(run.refusal(.recordMeetingDecision(meeting: meeting, decision: "x", decidedBy: "y", deadline: nil), by: "wk", at: "2026-03-02 10:00")?.reason
            == .forbidden)
        try run.act(.feedback(text: "好"), by: "lcg", at: "2026-03-02 10:10")
        try run.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-02 10:20")
        try run.act(.evaluate(.satisfied, note: nil), by: "ev", at: "2026-03-02 10:30")
        try run.act(.close(note: nil), by: "sup", at: "2026-03-02 10:40")
        #expect(run.refusal(.recordMeetingDecision(meeting: meeting, decision: "x", decidedBy: "y", deadline: nil), by: "sup", at: "2026-03-02 11:00")?.message
            == "案件 C-260302-0001 当前为「已结案」，不再记录联席会议决定")
    }
}
