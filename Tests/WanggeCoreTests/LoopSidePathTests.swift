import Testing
@testable import WanggeCore

/// Supervision, summoning departments, duplicates, reopening and escalation.
struct LoopSidePathTests {
    let day = TimeLimit(amount: 24, clock: .urgentHours)

    @Test func superviseCountsNotesOnAnOpenCase() throws {
        var run = try CaseRun.dispatched()
        #expect(try run.act(.supervise(.timeout, note: "请今日办结"), by: "sup", at: "2026-03-02 10:00")
            == [.supervised(kind: .timeout, note: "请今日办结")])
        try run.act(.supervise(.leader, note: "领导关注"), by: "ldr", at: "2026-03-02 11:00")
        #expect(run.state.supervisionCount == 2)
        #expect(run.state.status == .dispatched)
        #expect(run.refusal(.supervise(.important, note: " "), by: "sup", at: "2026-03-02 11:00") == Refusal(.invalidInput, "请填写督办意见"))
    }

    @Test func superviseRefusedOnAClosedCase() throws {
        var run = try CaseRun()
        try run.act(.decline(reason: "重复"), by: "dsp", at: "2026-03-02 09:10")
        #expect(run.refusal(.supervise(.timeout, note: "x"), by: "sup", at: "2026-03-02 10:00")
            == Refusal(.invalidState, "案件 C-260302-0001 当前为「不予立案」，不能督办"))
    }

    @Test func summonSeveralDepartmentsEachWithAReportInDeadline() throws {
        var run = try CaseRun()
        try run.act(.accept(note: nil), by: "dsp", at: "2026-03-02 09:00")
        let events = try run.act(.summon(units: ["CG", "GA", "CG"], limit: nil, note: "联合整治"), by: "dsp", at: "2026-03-02 09:00")
        // The default report-in limit is 2 working hours; a unit named twice is summoned once.
        let due = Fixture.at("2026-03-02 11:00")
        #expect(events == [.summoned(entries: [SummonEntry(unit: "CG", dueAt: due), SummonEntry(unit: "GA", dueAt: due)], note: "联合整治")])
        #expect(run.state.summons.map(\.unit) == ["CG", "GA"])
        #expect(run.state.summons.allSatisfy { $0.reportedInAt == nil && $0.summonedAt == Fixture.at("2026-03-02 09:00") })
        #expect(run.state.status == .accepted)

        #expect(try run.act(.reportIn(unit: nil, note: "已到场"), by: "lcg", at: "2026-03-02 10:00")
            == [.reportedIn(unit: "CG", note: "已到场")])
        #expect(run.state.summons[0].reportedInAt == Fixture.at("2026-03-02 10:00"))
        #expect(run.state.summons[0].reportedInBy == "lcg")
        #expect(run.state.summons[1].reportedInAt == nil)

        #expect(run.refusal(.reportIn(unit: nil, note: nil), by: "lcg", at: "2026-03-02 10:05")
            == Refusal(.invalidState, "案件 C-260302-0001 没有对 城市管理局 的待报到吹哨"))
        // Once CG has reported in, it may be summoned again; GA may not while it is pending.
        #expect(run.refusal(.summon(units: ["GA"], limit: nil, note: nil), by: "dsp", at: "2026-03-02 10:10")
            == Refusal(.invalidState, "公安派出所 已被吹哨，尚未报到"))
        try run.act(.summon(units: ["CG"], limit: TimeLimit(amount: 1, clock: .workingHours), note: nil), by: "dsp", at: "2026-03-02 10:10")
        #expect(run.state.summons.count == 3)
        #expect(run.state.summons[2].dueAt == Fixture.at("2026-03-02 11:10"))
    }

    @Test func summonRefusals() throws {
        let run = try CaseRun()
        #expect(run.refusal(.summon(units: [], limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:10")
            == Refusal(.invalidInput, "至少选择一个被吹哨的部门"))
        #expect(run.refusal(.summon(units: ["CG", "XX"], limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:10")
            == Refusal(.invalidInput, "未知的部门 XX"))
        #expect(run.refusal(.summon(units: ["CG"], limit: nil, note: nil), by: "wk", at: "2026-03-02 09:10")?.reason == .forbidden)
        // A liaison whose unit was not summoned cannot report in.
        var summoned = run
        try summoned.act(.summon(units: ["CG"], limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:10")
        #expect(summoned.refusal(.reportIn(unit: nil, note: nil), by: "lwy", at: "2026-03-02 09:20")?.reason == .outOfScope)
    }

    @Test func aLiaisonReportsInOnlyForTheirOwnUnit() throws {
        var run = try CaseRun()
        try run.act(.summon(units: ["CG", "GA"], limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:10")
        // GA's liaison is summoned too, but may not report in on behalf of CG.
        #expect(run.refusal(.reportIn(unit: "CG", note: nil), by: "lga", at: "2026-03-02 09:20")
            == Refusal(.outOfScope, "公安联络员（lga）只能为本单位 公安派出所 报到，不能代 城市管理局 报到"))
        #expect(try run.act(.reportIn(unit: "GA", note: nil), by: "lga", at: "2026-03-02 09:20") == [.reportedIn(unit: "GA", note: nil)])
        #expect(run.state.summons.map { $0.reportedInAt != nil } == [false, true])
    }

    @Test func linkAsDuplicateMergesTheCase() throws {
        var run = try CaseRun()
        #expect(try run.act(.linkDuplicate(primary: "C-260301-0009"), by: "dsp", at: "2026-03-02 09:30")
            == [.linkedDuplicate(primary: "C-260301-0009")])
        #expect(run.state.status == .merged)
        #expect(run.state.duplicateOf == "C-260301-0009")
        #expect(!run.state.status.isOpen)
        #expect(run.state.dueAt == nil)
    }

    @Test func linkRefusals() throws {
        var run = try CaseRun()
        #expect(run.refusal(.linkDuplicate(primary: "C-260302-0001"), by: "dsp", at: "2026-03-02 09:30")
            == Refusal(.invalidInput, "案件不能与自身并案"))
        try run.act(.decline(reason: "无效"), by: "dsp", at: "2026-03-02 09:30")
        #expect(run.refusal(.linkDuplicate(primary: "C-260301-0009"), by: "dsp", at: "2026-03-02 09:40")?.reason == .invalidState)
    }

    @Test func reopenAClosedCase() throws {
        var run = try CaseRun.dispatched()
        try run.act(.feedback(text: "已清运"), by: "lcg", at: "2026-03-02 10:00")
        try run.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-02 11:00")
        try run.act(.evaluate(.satisfied, note: nil), by: "ev", at: "2026-03-02 11:10")
        try run.act(.close(note: nil), by: "sup", at: "2026-03-02 11:20")
        #expect(run.refusal(.reopen(reason: ""), by: "sup", at: "2026-03-03 09:00") == Refusal(.invalidInput, "请填写重新打开的理由"))
        #expect(try run.act(.reopen(reason: "群众再次反映"), by: "sup", at: "2026-03-03 09:00")
            == [.reopened(reason: "群众再次反映", limit: day, dueAt: Fixture.at("2026-03-04 09:00"))])
        #expect(run.state.status == .accepted)
        #expect(run.state.closedAt == nil)
        #expect(run.state.satisfaction == nil)
        #expect(run.state.handler == nil)
        #expect(run.state.clock?.stage == .dispatch)
    }

    @Test func reopenADeclinedCaseButNotAnOpenOne() throws {
        var run = try CaseRun()
        #expect(run.refusal(.reopen(reason: "x"), by: "sup", at: "2026-03-02 09:10")?.reason == .invalidState)
        try run.act(.decline(reason: "信息不全"), by: "dsp", at: "2026-03-02 09:10")
        try run.act(.reopen(reason: "已补充材料"), by: "sup", at: "2026-03-02 10:00")
        #expect(run.state.status == .accepted)
    }

    @Test func escalateOneLevelUpByDefault() throws {
        var run = try CaseRun.dispatched(to: .unit("CG"))
        try run.act(.handlerAccept, by: "lcg", at: "2026-03-02 09:30")
        let events = try run.act(.escalate(to: nil, reason: "网格无法解决", rule: nil), by: "gl", at: "2026-03-02 10:00")
        #expect(events == [.escalated(from: .grid, to: .community, reason: "网格无法解决", rule: nil, limit: day,
                                      dueAt: Fixture.at("2026-03-03 10:00"))])
        #expect(run.state.level == .community)
        // Back to the command room of the higher level, to be dispatched again.
        #expect(run.state.status == .accepted)
        #expect(run.state.handler == nil)
        #expect(run.state.clock?.stage == .dispatch)
    }

    @Test func escalateOnlyUpwardsAndNotPastTheTop() throws {
        var run = try CaseRun(category: "04")  // starts at street level
        #expect(run.refusal(.escalate(to: .community, reason: "x", rule: nil), by: "dsp", at: "2026-03-02 09:10")
            == Refusal(.invalidInput, "只能向上升级：案件 C-260302-0001 当前在街道层级"))
        #expect(run.refusal(.escalate(to: nil, reason: " ", rule: nil), by: "dsp", at: "2026-03-02 09:10")
            == Refusal(.invalidInput, "请填写升级理由"))
        try run.act(.escalate(to: .department, reason: "需部门处置", rule: "R-7"), by: "dsp", at: "2026-03-02 09:10")
        #expect(run.state.level == .department)
        #expect(run.refusal(.escalate(to: nil, reason: "x", rule: nil), by: "dsp", at: "2026-03-02 09:20")
            == Refusal(.invalidState, "案件 C-260302-0001 已在最高层级（部门）"))
    }
}
