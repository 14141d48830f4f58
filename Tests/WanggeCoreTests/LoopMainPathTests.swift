import Testing
@testable import WanggeCore

/// The six-step loop's main path, one transition at a time, with the events each
/// decision returns and the state they leave.
struct LoopMainPathTests {
    let handling = TimeLimit(amount: 1, clock: .workingDays)
    let day = TimeLimit(amount: 24, clock: .urgentHours)

    @Test func reportStartsTheDispatchClock() throws {
        let run = try CaseRun()
        let s = run.state
        #expect(s.status == .reported)
        #expect(s.version == 1)
        #expect(s.reporter == "wk")
        #expect(s.level == .grid)
        #expect(s.severity == .normal)
        #expect(s.clock == CaseClock(stage: .dispatch, start: Fixture.at("2026-03-02 09:00"), limit: day))
        #expect(Fixture.local(s.dueAt) == "2026-03-03 09:00")
    }

    @Test func reportTakesLevelAndSeverityFromTheCategory() throws {
        let run = try CaseRun(category: "04")
        #expect(run.state.level == .street)
        #expect(run.state.severity == .major)
    }

    @Test func theWholeLoopFromReportToArchive() throws {
        var run = try CaseRun()

        #expect(try run.act(.accept(note: " 属实 "), by: "dsp", at: "2026-03-02 09:10") == [.accepted(note: "属实")])
        #expect(run.state.status == .accepted)

        let dispatched = try run.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:20")
        // 1 working day = 8 working hours: 09:20-12:00, 14:00-18:00, then 08:00-09:20 on Tuesday.
        #expect(dispatched == [.dispatched(handler: .unit("CG"), limit: handling, dueAt: Fixture.at("2026-03-03 09:20"), note: nil)])
        #expect(run.state.status == .dispatched)
        #expect(run.state.handler == .unit("CG"))
        #expect(run.state.dispatchedBy == "dsp")
        #expect(Fixture.local(run.state.handlingDueAt) == "2026-03-03 09:20")
        #expect(run.state.clock?.stage == .handling)

        #expect(try run.act(.handlerAccept, by: "lcg", at: "2026-03-02 10:00") == [.handlerAccepted])
        #expect(run.state.status == .inProgress)

        let feedback = try run.act(.feedback(text: "已清运"), by: "lcg", at: "2026-03-02 15:00")
        #expect(feedback == [.feedback(text: "已清运", limit: day, dueAt: Fixture.at("2026-03-03 15:00"))])
        #expect(run.state.status == .handled)
        #expect(run.state.handledAt == Fixture.at("2026-03-02 15:00"))
        #expect(run.state.clock?.stage == .verification)

        #expect(try run.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-03 09:00") == [.verificationPassed(note: nil)])
        #expect(run.state.status == .verified)
        #expect(run.state.clock == nil)
        #expect(run.state.dueAt == nil)

        #expect(try run.act(.evaluate(.basicallySatisfied, note: nil), by: "ev", at: "2026-03-03 10:00")
            == [.evaluated(satisfaction: .basicallySatisfied, note: nil)])
        #expect(run.state.status == .evaluated)
        #expect(run.state.satisfaction == .basicallySatisfied)

        #expect(try run.act(.close(note: "办结"), by: "sup", at: "2026-03-03 11:00") == [.closed(note: "办结")])
        #expect(run.state.status == .closed)
        #expect(run.state.closedAt == Fixture.at("2026-03-03 11:00"))
        #expect(!run.state.status.isOpen)

        #expect(try run.act(.archive, by: "sup", at: "2026-03-04 09:00") == [.archived])
        #expect(run.state.status == .archived)
        #expect(run.state.version == 9)
        #expect(run.state.lastChange == LastChange(kind: .archived, actor: "sup", at: Fixture.at("2026-03-04 09:00")))
        #expect(CaseState.fold(run.history) == run.state)
    }

    @Test func dispatchStraightFromReportedAcceptsFirst() throws {
        var run = try CaseRun()
        let events = try run.act(.dispatch(handler: .person("wk"), limit: TimeLimit(amount: 2, clock: .workingHours), note: "就近处理"),
                                 by: "dsp", at: "2026-03-02 11:00")
        #expect(events == [
            .accepted(note: nil),
            .dispatched(handler: .person("wk"), limit: TimeLimit(amount: 2, clock: .workingHours),
                        dueAt: Fixture.at("2026-03-02 15:00"), note: "就近处理"),
        ])
        #expect(run.state.version == 3)
        #expect(run.state.status == .dispatched)
    }

    @Test func declineNeedsAReasonAndEndsTheCase() throws {
        var run = try CaseRun()
        let missing = run.refusal(.decline(reason: "  "), by: "dsp", at: "2026-03-02 09:30")
        #expect(missing == Refusal(.invalidInput, "请填写不予立案的理由"))
        #expect(try run.act(.decline(reason: "不属于受理范围"), by: "dsp", at: "2026-03-02 09:30") == [.declined(reason: "不属于受理范围")])
        #expect(run.state.status == .declined)
        #expect(!run.state.status.isOpen)
        #expect(run.state.clock == nil && run.state.dueAt == nil)
    }

    @Test func handlerSendsBackWithAReason() throws {
        var run = try CaseRun.dispatched(to: .unit("CG"))
        #expect(run.refusal(.sendBack(reason: ""), by: "lcg", at: "2026-03-02 10:00") == Refusal(.invalidInput, "请填写回退理由"))
        let events = try run.act(.sendBack(reason: "非本单位职责"), by: "lcg", at: "2026-03-02 10:00")
        #expect(events == [.sentBack(reason: "非本单位职责", limit: day, dueAt: Fixture.at("2026-03-03 10:00"))])
        #expect(run.state.status == .accepted)
        #expect(run.state.handler == nil)
        #expect(run.state.sendBackCount == 1)
        #expect(run.state.clock?.stage == .dispatch)
        // Back in the command room it can be dispatched again, to someone else.
        try run.act(.dispatch(handler: .unit("GA"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 10:30")
        #expect(run.state.handler == .unit("GA"))
        #expect(run.state.status == .dispatched)
    }

    @Test func sendBackAlsoFromInProgress() throws {
        var run = try CaseRun.dispatched(to: .person("wk3"))
        try run.act(.handlerAccept, by: "wk3", at: "2026-03-02 09:30")
        try run.act(.sendBack(reason: "不在本人网格"), by: "wk3", at: "2026-03-02 09:40")
        #expect(run.state.status == .accepted)
    }

    @Test func feedbackStraightFromDispatchedTakesTheCaseFirst() throws {
        var run = try CaseRun.dispatched(to: .unit("CG"))
        #expect(run.refusal(.feedback(text: " "), by: "lcg", at: "2026-03-02 10:00") == Refusal(.invalidInput, "请填写处置结果"))
        let events = try run.act(.feedback(text: "已处理"), by: "lcg", at: "2026-03-02 10:00")
        #expect(events == [.handlerAccepted, .feedback(text: "已处理", limit: day, dueAt: Fixture.at("2026-03-03 10:00"))])
        #expect(run.state.status == .handled)
        #expect(run.state.version == 5)
    }

    @Test func failedVerificationSendsTheCaseBackForRework() throws {
        // 0102 has a limit of 4 working hours; the rework round gets the same limit.
        var run = try CaseRun.dispatched(to: .unit("CG"), category: "0102")
        #expect(Fixture.local(run.state.dueAt) == "2026-03-02 15:00")
        try run.act(.feedback(text: "已整改"), by: "lcg", at: "2026-03-02 11:00")
        #expect(run.refusal(.verify(passed: false, note: nil), by: "wk", at: "2026-03-02 16:00")
            == Refusal(.invalidInput, "请填写核查不通过的原因"))
        let events = try run.act(.verify(passed: false, note: "仍有噪音"), by: "wk", at: "2026-03-02 16:00")
        // 16:00-18:00 and 08:00-10:00 the next morning.
        #expect(events == [.verificationFailed(reason: "仍有噪音", limit: TimeLimit(amount: 4, clock: .workingHours),
                                               dueAt: Fixture.at("2026-03-03 10:00"))])
        #expect(run.state.status == .inProgress)
        #expect(run.state.reworkCount == 1)
        #expect(run.state.handledAt == nil)
        #expect(run.state.handler == .unit("CG"))
        #expect(Fixture.local(run.state.handlingDueAt) == "2026-03-03 10:00")

        try run.act(.feedback(text: "已停工"), by: "lcg", at: "2026-03-03 09:00")
        try run.act(.verify(passed: true, note: "已核实"), by: "gl", at: "2026-03-03 09:30")
        #expect(run.state.status == .verified)
        #expect(run.state.reworkCount == 1)
    }

    @Test func commentChangesNothingButTheVersion() throws {
        var run = try CaseRun()
        #expect(run.refusal(.comment(text: ""), by: "wk", at: "2026-03-02 09:05") == Refusal(.invalidInput, "请填写备注内容"))
        #expect(try run.act(.comment(text: "居民已拍照"), by: "wk", at: "2026-03-02 09:05") == [.commented(text: "居民已拍照")])
        #expect(run.state.status == .reported)
        #expect(run.state.version == 2)
    }
}
