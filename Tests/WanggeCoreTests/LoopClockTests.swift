import Testing
@testable import WanggeCore

/// Extensions (延期) and suspensions (挂账): what they do to the deadline.
struct LoopClockTests {
    let cal = Fixture.calendar
    let fourHours = TimeLimit(amount: 4, clock: .workingHours)

    /// Dispatched Monday 09:00 to CG with 4 working hours: due Monday 15:00.
    func fourHourCase() throws -> CaseRun {
        let run = try CaseRun.dispatched(to: .unit("CG"), category: "0102")
        #expect(Fixture.local(run.state.dueAt) == "2026-03-02 15:00")
        return run
    }

    @Test func anApprovedExtensionAddsExactlyOneOriginalLimit() throws {
        var run = try fourHourCase()
        let before = try #require(run.state.dueAt)
        #expect(try run.act(.requestExtension(reason: "需协调施工方"), by: "lcg", at: "2026-03-02 10:00")
            == [.extensionRequested(reason: "需协调施工方")])
        #expect(run.state.pendingExtension == "需协调施工方")
        #expect(run.state.dueAt == before)

        let approved = try run.act(.decideExtension(approve: true, note: nil), by: "sup", at: "2026-03-02 10:30")
        // Monday 15:00-18:00 and Tuesday 08:00-09:00: four more working hours.
        #expect(approved == [.extensionDecided(approved: true, note: nil, dueAt: Fixture.at("2026-03-03 09:00"))])
        let after = try #require(run.state.dueAt)
        #expect(cal.measure(from: before, to: after, clock: .workingHours) == cal.limitSeconds(fourHours))
        #expect(run.state.extensionCount == 1)
        #expect(run.state.clock?.extensions == 1)
        #expect(run.state.pendingExtension == nil)
        #expect(run.state.handlingDueAt == after)
    }

    @Test func atMostTwoExtensions() throws {
        var run = try fourHourCase()
        for (i, due) in ["2026-03-03 09:00", "2026-03-03 15:00"].enumerated() {
            try run.act(.requestExtension(reason: "第\(i + 1)次"), by: "lcg", at: "2026-03-02 10:0\(i)")
            try run.act(.decideExtension(approve: true, note: nil), by: "sup", at: "2026-03-02 11:0\(i)")
            #expect(Fixture.local(run.state.dueAt) == due)
        }
        #expect(run.state.extensionCount == 2)
        #expect(run.refusal(.requestExtension(reason: "第3次"), by: "lcg", at: "2026-03-02 11:30")
            == Refusal(.invalidState, "案件 C-260302-0001 已延期 2 次，最多 2 次"))
    }

    @Test func aRejectedExtensionLeavesTheDeadline() throws {
        var run = try fourHourCase()
        try run.act(.requestExtension(reason: "人手不足"), by: "lcg", at: "2026-03-02 10:00")
        #expect(run.refusal(.requestExtension(reason: "再申请"), by: "lcg", at: "2026-03-02 10:05")
            == Refusal(.invalidState, "案件 C-260302-0001 已有一条待审批的延期申请"))
        #expect(try run.act(.decideExtension(approve: false, note: "理由不足"), by: "sup", at: "2026-03-02 10:30")
            == [.extensionDecided(approved: false, note: "理由不足", dueAt: nil)])
        #expect(Fixture.local(run.state.dueAt) == "2026-03-02 15:00")
        #expect(run.state.extensionCount == 0)
        #expect(run.state.pendingExtension == nil)
    }

    @Test func extensionRefusals() throws {
        var run = try fourHourCase()
        let none = try #require(run.refusal(.decideExtension(approve: true, note: nil), by: "sup", at: "2026-03-02 10:00"))
        #expect(none.reason == .invalidState)
        #expect(none.message.hasPrefix("案件 C-260302-0001 没有待审批的延期申请"))
        #expect(run.refusal(.requestExtension(reason: ""), by: "lcg", at: "2026-03-02 10:00") == Refusal(.invalidInput, "请填写延期理由"))
        // Only the handler asks; only a supervisor decides.
        #expect(run.refusal(.requestExtension(reason: "x"), by: "lga", at: "2026-03-02 10:00")?.reason == .outOfScope)
        try run.act(.requestExtension(reason: "x"), by: "lcg", at: "2026-03-02 10:00")
        #expect(run.refusal(.decideExtension(approve: true, note: nil), by: "dsp", at: "2026-03-02 10:10")?.reason == .forbidden)
    }

    @Test func suspensionMovesTheDeadlineByTheSuspendedWorkingTime() throws {
        var run = try CaseRun.dispatched(to: .unit("CG"))  // 1 working day: due Tuesday 09:00
        let before = try #require(run.state.dueAt)
        #expect(Fixture.local(before) == "2026-03-03 09:00")
        let until = Fixture.at("2026-03-02 16:00")
        let events = try run.act(.suspend(reason: "等待业主回家", until: until), by: "sup", at: "2026-03-02 10:00")
        // Suspended 10:00-12:00 and 14:00-16:00: four working hours, so Tuesday 09:00 becomes 15:00.
        #expect(events == [.suspended(reason: "等待业主回家", until: until, dueAt: Fixture.at("2026-03-03 15:00"))])
        let after = try #require(run.state.dueAt)
        let suspended = cal.measure(from: Fixture.at("2026-03-02 10:00"), to: until, clock: .workingHours)
        #expect(suspended == 4 * 3600)
        #expect(cal.measure(from: before, to: after, clock: .workingHours) == suspended)
        #expect(run.state.suspendedUntil == until)
        #expect(run.state.isSuspended(at: Fixture.at("2026-03-02 12:00")))
        #expect(!run.state.isOverdue(at: Fixture.at("2026-03-02 15:59")))
        #expect(run.state.clock?.suspensions == [TimeSpan(start: Fixture.at("2026-03-02 10:00"), end: until)])

        let again = run.refusal(.suspend(reason: "再挂", until: Fixture.at("2026-03-05 09:00")), by: "sup", at: "2026-03-02 11:00")
        #expect(again == Refusal(.invalidState, "案件 C-260302-0001 已挂账至 2026-03-02 16:00"))
    }

    @Test func resumingEarlyGivesBackTheUnusedSuspension() throws {
        var run = try CaseRun.dispatched(to: .unit("CG"))
        try run.act(.suspend(reason: "等待材料", until: Fixture.at("2026-03-02 16:00")), by: "sup", at: "2026-03-02 10:00")
        // Resumed at 11:00: only one working hour was suspended.
        #expect(try run.act(.resume, by: "sup", at: "2026-03-02 11:00") == [.resumed(dueAt: Fixture.at("2026-03-03 10:00"))])
        #expect(run.state.suspendedUntil == nil)
        #expect(!run.state.isSuspended(at: Fixture.at("2026-03-02 11:30")))
        #expect(run.state.clock?.suspensions == [TimeSpan(start: Fixture.at("2026-03-02 10:00"), end: Fixture.at("2026-03-02 11:00"))])
        let notSuspended = try #require(run.refusal(.resume, by: "sup", at: "2026-03-02 11:30"))
        #expect(notSuspended.reason == .invalidState)
        #expect(notSuspended.message.hasPrefix("案件 C-260302-0001 没有处于挂账状态"))
    }

    @Test func aSuspensionEndsByItselfAtItsEnd() throws {
        var run = try CaseRun.dispatched(to: .unit("CG"))
        try run.act(.suspend(reason: "等待材料", until: Fixture.at("2026-03-02 16:00")), by: "sup", at: "2026-03-02 10:00")
        #expect(run.state.isSuspended(at: Fixture.at("2026-03-02 15:59")))
        #expect(!run.state.isSuspended(at: Fixture.at("2026-03-02 16:00")))
        #expect(run.refusal(.resume, by: "sup", at: "2026-03-02 17:00")?.reason == .invalidState)
        // The moved deadline (Tuesday 15:00) is the one that counts.
        #expect(!run.state.isOverdue(at: Fixture.at("2026-03-03 14:59")))
        #expect(run.state.isOverdue(at: Fixture.at("2026-03-03 15:01")))
    }

    @Test func suspensionRefusals() throws {
        let run = try CaseRun.dispatched(to: .unit("CG"))
        #expect(run.refusal(.suspend(reason: "", until: Fixture.at("2026-03-03 09:00")), by: "sup", at: "2026-03-02 10:00")
            == Refusal(.invalidInput, "请填写挂账理由"))
        #expect(run.refusal(.suspend(reason: "x", until: Fixture.at("2026-03-02 10:00")), by: "sup", at: "2026-03-02 10:00")
            == Refusal(.invalidInput, "挂账截止时间必须晚于现在"))
        #expect(run.refusal(.suspend(reason: "x", until: Fixture.at("2027-03-05 10:00")), by: "sup", at: "2026-03-02 10:00")
            == Refusal(.invalidInput, "挂账最长一年"))
        #expect(run.refusal(.suspend(reason: "x", until: Fixture.at("2026-03-05 10:00")), by: "dsp", at: "2026-03-02 10:00")?.reason
            == .forbidden)
        let reported = try CaseRun()
        #expect(reported.refusal(.suspend(reason: "x", until: Fixture.at("2026-03-05 10:00")), by: "sup", at: "2026-03-02 10:00")?.reason
            == .invalidState)
    }
}
