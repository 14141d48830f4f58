import Testing
@testable import WanggeCore

/// Commands the loop refuses, and the messages a dispatcher reads.
struct LoopRefusalTests {
    /// Reported by 王网格 at 09:00, dispatched straight away by 李派遣 at 09:20.
    func dispatchedAt0920() throws -> CaseRun {
        var run = try CaseRun()
        try run.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:20")
        return run
    }

    @Test func wrongStateNamesWhoMovedTheCaseAndWhen() throws {
        let run = try dispatchedAt0920()
        #expect(run.refusal(.accept(note: nil), by: "dsps", at: "2026-03-02 09:21")
            == Refusal(.invalidState, "案件 C-260302-0001 已由 李派遣 于 2026-03-02 09:20 派遣，当前为「待接单」，不能立案。请刷新"))
        #expect(run.refusal(.dispatch(handler: .unit("GA"), limit: nil, note: nil), by: "dsps", at: "2026-03-02 09:21")
            == Refusal(.invalidState, "案件 C-260302-0001 已由 李派遣 于 2026-03-02 09:20 派遣，当前为「待接单」，不能派遣。请刷新"))
    }

    @Test func wrongStateAfterAHandlerAction() throws {
        var run = try dispatchedAt0920()
        try run.act(.feedback(text: "已处理"), by: "lcg", at: "2026-03-02 10:45")
        #expect(run.refusal(.close(note: nil), by: "sup", at: "2026-03-02 11:00")
            == Refusal(.invalidState, "案件 C-260302-0001 已由 城管联络员 于 2026-03-02 10:45 反馈处置结果，当前为「待核查」，不能结案。请刷新"))
    }

    /// Every command that needs a particular step, tried on a case at the wrong step.
    @Test(arguments: [
        (CaseCommand.accept(note: nil), "dsp"),
        (.decline(reason: "x"), "dsp"),
        (.handlerAccept, "lcg"),
        (.sendBack(reason: "x"), "lcg"),
        (.feedback(text: "x"), "lcg"),
        (.requestExtension(reason: "x"), "lcg"),
        (.evaluate(.satisfied, note: nil), "ev"),
        (.close(note: nil), "sup"),
        (.archive, "sup"),
        (.reopen(reason: "x"), "sup"),
    ])
    func stepCommandsOnAVerifiedCase(_ command: CaseCommand, _ login: String) throws {
        var run = try dispatchedAt0920()
        try run.act(.feedback(text: "已处理"), by: "lcg", at: "2026-03-02 10:00")
        try run.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-02 11:00")
        if case .evaluate = command {
            // Evaluation is the one step allowed here; try it on the handled case instead.
            run = try dispatchedAt0920()
            try run.act(.feedback(text: "已处理"), by: "lcg", at: "2026-03-02 10:00")
        }
        let refusal = try #require(run.refusal(command, by: login, at: "2026-03-02 11:30"))
        #expect(refusal.reason == .invalidState)
        #expect(refusal.message.hasPrefix("案件 C-260302-0001 已由 "))
        #expect(refusal.message.hasSuffix("。请刷新"))
    }

    @Test func verifyOnlyAfterFeedback() throws {
        let run = try dispatchedAt0920()
        #expect(run.refusal(.verify(passed: true, note: nil), by: "wk", at: "2026-03-02 10:00")?.message
            == "案件 C-260302-0001 已由 李派遣 于 2026-03-02 09:20 派遣，当前为「待接单」，不能核查。请刷新")
    }

    @Test func staleVersionMessageNamesTheLastActor() throws {
        let run = try dispatchedAt0920()
        #expect(Fixture.decider.staleMessage(for: run.state)
            == Refusal(.conflict, "案件 C-260302-0001 已由 李派遣 于 2026-03-02 09:20 派遣，请刷新"))
    }

    @Test func unknownHandler() throws {
        let run = try CaseRun()
        #expect(run.refusal(.dispatch(handler: .person("nobody"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:10")
            == Refusal(.invalidInput, "未知的承办人 nobody"))
        #expect(run.refusal(.dispatch(handler: .unit("XX"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:10")
            == Refusal(.invalidInput, "未知的承办单位 XX"))
        #expect(run.refusal(.dispatch(handler: .unit("CG"), limit: TimeLimit(amount: 0, clock: .workingHours), note: nil),
                            by: "dsp", at: "2026-03-02 09:10")
            == Refusal(.invalidInput, "处置时限必须大于 0"))
    }

    @Test func handlerActionsByTheWrongPerson() throws {
        let toUnit = try dispatchedAt0920()
        for command in [CaseCommand.handlerAccept, .sendBack(reason: "x"), .feedback(text: "x"), .requestExtension(reason: "x")] {
            // Another unit's liaison, and the dispatcher who sent it.
            #expect(toUnit.refusal(command, by: "lga", at: "2026-03-02 10:00")?.reason == .outOfScope)
            #expect(toUnit.refusal(command, by: "dsp", at: "2026-03-02 10:00")?.reason == .outOfScope)
        }
        let toPerson = try CaseRun.dispatched(to: .person("wk3"))
        #expect(toPerson.refusal(.handlerAccept, by: "wk", at: "2026-03-02 10:00")
            == Refusal(.outOfScope, "王网格（wk）不能接单案件 C-260302-0001：不在其承办人范围（grids:G1）"))
        #expect(toPerson.refusal(.handlerAccept, by: "wk3", at: "2026-03-02 10:00") == nil)
    }

    @Test func reportRefusals() throws {
        let wk = Fixture.person("wk")
        let now = Fixture.at("2026-03-02 09:00")
        func refusal(_ command: ReportCommand) -> Refusal? {
            Fixture.refusal { () throws(Refusal) in try Fixture.decider.report(command, by: wk, at: now) }
        }
        #expect(refusal(ReportCommand(title: "  ", category: "0101", grid: "G1")) == Refusal(.invalidInput, "标题不能为空"))
        #expect(refusal(ReportCommand(title: String(repeating: "长", count: 201), category: "0101", grid: "G1"))
            == Refusal(.invalidInput, "标题过长（201 字，最多 200 字）"))
        #expect(refusal(ReportCommand(title: "x", category: "9999", grid: "G1")) == Refusal(.invalidInput, "未知的事件分类 9999"))
        #expect(refusal(ReportCommand(title: "x", category: "0101", grid: "G9")) == Refusal(.invalidInput, "未知的网格 G9"))
        #expect(refusal(ReportCommand(title: "x", category: "0101", grid: "G1", building: "G1-9"))
            == Refusal(.invalidInput, "网格 G1（幸福一网格）中没有楼栋 G1-9"))
        #expect(refusal(ReportCommand(title: "x", category: "0101", grid: "G3"))
            == Refusal(.outOfScope, "王网格（wk）不能上报网格 G3 的案件：不在其本网格范围（grids:G1）"))
        #expect(refusal(ReportCommand(title: " 井盖缺失 ", category: "0101", grid: "G1", building: "G1-1")) == nil)
    }
}
