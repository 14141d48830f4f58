import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeRules
import WanggeStore

/// The engine on a real store with fixed clocks: deadlines over a weekend, suspensions,
/// changes by people, duplicates, the joint-meeting agenda and replay.
@Suite(.serialized) struct EngineStoreTests {
    /// Reported and dispatched Friday 17:00 with 4 working hours: nothing happens on
    /// Saturday; on Monday after 11:00 the rule grid-overdue escalates it, once.
    @Test func fridayCaseEscalatesOnMondayNotOnSaturday() throws {
        let f = try EngineFixture(cases: 0)
        let friday = try f.time("2026-11-20 17:00")
        let s = try f.dispatchedCase(category: "0602", at: friday, limit: TimeLimit(amount: 4, clock: .workingHours))
        #expect(s.dueAt == (try f.time("2026-11-23 11:00")))
        let runner = try f.runner()
        _ = try runner.tick(now: try f.time("2026-11-21 10:00"))
        #expect(try f.store.caseState(id: s.id)?.level == .grid)
        // Next: the 75% warning on Monday 10:00, then the deadline.
        #expect(try f.store.engineDueCount(at: try f.time("2026-11-23 09:59")) == 0)
        let warning = try runner.tick(now: try f.time("2026-11-23 10:00"))
        #expect(warning.appliedByRule == ["handling-warning": 1])
        _ = try runner.tick(now: try f.time("2026-11-23 10:01"))
        #expect(try f.store.engineDueCount(at: try f.time("2026-11-23 11:00")) == 0)
        #expect(try f.store.engineDueCount(at: try f.time("2026-11-23 11:01")) == 1, "scheduled for the second after the deadline")
        let monday = try runner.tick(now: try f.time("2026-11-23 11:01"))
        #expect(monday.appliedByRule["grid-overdue"] == 1)
        let after = try #require(try f.store.caseState(id: s.id))
        #expect(after.level == .community && after.status == .accepted)
        let event = try #require(try f.engineEvents().last)
        guard case let .escalated(from, to, reason, rule, _, _) = event.event.body else { Issue.record("not an escalation"); return }
        #expect(from == .grid && to == .community && rule == "grid-overdue")
        #expect(reason.contains("层级 网格；时限 超时 1分（工作时）"), "\(reason)")
        _ = try runner.tick(now: try f.time("2026-11-23 11:02"))
        #expect(try f.engineEvents().count == 2, "one warning, one escalation")
    }

    /// A suspended case is not escalated while the suspension lasts.
    @Test func suspendedCaseIsNotEscalated() throws {
        let f = try EngineFixture(cases: 0)
        let monday = try f.time("2026-11-16 08:00")
        let s = try f.dispatchedCase(category: "0602", at: monday, limit: TimeLimit(amount: 4, clock: .workingHours))
        try f.service.execute(.suspend(reason: "等待产权单位答复", until: try f.time("2026-11-19 08:00")), onCase: s.code, as: f.person,
                              at: try f.time("2026-11-16 09:00"))
        let runner = try f.runner()
        _ = try runner.tick(now: try f.time("2026-11-18 17:00"))
        #expect(try f.engineEvents().isEmpty)
        _ = try runner.tick(now: try f.time("2026-11-19 12:01"))
        #expect(try f.engineEvents().contains { if case .escalated = $0.event.body { true } else { false } })
    }

    /// A change by a person makes the case due at once; the engine then judges the new state.
    @Test func changeByAPersonMakesTheCaseDue() throws {
        let f = try EngineFixture(cases: 0)
        let t = try f.time("2026-11-16 08:00")
        let s = try f.dispatchedCase(category: "0602", at: t, limit: TimeLimit(amount: 3, clock: .workingDays))
        let runner = try f.runner()
        _ = try runner.tick(now: t + 60)
        #expect(try f.store.engineDueCount(at: t + 120) == 0)
        try f.service.execute(.comment(text: "居民来电催办"), onCase: s.code, as: f.person, at: t + 180)
        #expect(try f.store.engineDueCount(at: t + 181) == 1)
        let report = try runner.tick(now: t + 240)
        #expect(report.evaluated == 1 && report.events == 0)
    }

    /// A second report of the same category in the same grid within a day is proposed
    /// to the dispatchers as a duplicate, once.
    @Test func duplicateReportIsProposed() throws {
        let f = try EngineFixture(cases: 0)
        let t = try f.time("2026-11-16 09:00")
        let first = try f.service.report(ReportCommand(title: "路面破损", category: "0602", grid: "0101"), as: f.person, at: t)
        let second = try f.service.report(ReportCommand(title: "路面有坑", category: "0602", grid: "0101"), as: f.person, at: t + 3600)
        let runner = try f.runner()
        _ = try runner.tick(now: t + 3700)
        _ = try runner.tick(now: t + 3800)
        let notes = try f.engineEvents().filter { $0.event.caseID == second.id }
        #expect(notes.count == 1)
        guard case let .notified(roles, note, rule)? = notes.first?.event.body else { Issue.record("no proposal"); return }
        #expect(roles == [.dispatcher] && rule == "duplicates")
        #expect(note.contains("疑似重复上报：与 \(first.code) 同网格同分类，相隔 1时0分"))
    }

    /// An open fire in a grid holds back the escalation of a lesser emergency report
    /// there; once the fire case is closed the escalation happens.
    @Test func emergencyHoldsBackLesserEscalation() throws {
        let f = try EngineFixture(cases: 0)
        let t = try f.time("2026-11-16 08:00")
        let manhole = try f.dispatchedCase(category: "0403", at: t, limit: TimeLimit(amount: 2, clock: .urgentHours))
        try f.service.execute(.comment(text: "轻一些的"), onCase: manhole.code, as: f.person, at: t)
        let fire = try f.service.report(ReportCommand(title: "楼道起火", category: "0401", grid: "0101", severity: .critical), as: f.person, at: t)
        let manholeNow = try #require(try f.store.caseState(id: manhole.id))
        #expect(manholeNow.severity < fire.severity)
        let runner = try f.runner()
        let held = try runner.tick(now: t + 3 * 3600)
        #expect(held.inhibited >= 1)
        #expect(try f.store.caseState(id: manhole.id)?.level == .grid)
        let rules = try EngineRules.load(f.workspace)
        let text = try RulesExplainText.render(try #require(try f.store.caseState(id: manhole.id)), rules: rules, workspace: f.workspace,
                                               at: t + 3 * 3600)
        #expect(text.contains("[被抑制：\(fire.code)"), "\(text)")
        #expect(try f.store.engineDueCount(at: t + 3 * 3600 + 601) >= 1, "looked at again after the recheck interval")
    }

    /// A dispute still unresolved after its deadline at street level goes on the next
    /// joint meeting's agenda (and up to the department).
    @Test func hardDisputeGoesOnTheMeetingAgenda() throws {
        let f = try EngineFixture(cases: 0)
        let t = try f.time("2026-11-16 08:00")
        let s = try f.dispatchedCase(category: "1004", at: t, limit: TimeLimit(amount: 1, clock: .workingDays))
        #expect(s.level == .street)
        let runner = try f.runner()
        _ = try runner.tick(now: try f.time("2026-11-17 09:00"))
        let listed = try f.engineEvents().first { if case .agendaListed = $0.event.body { true } else { false } }
        guard case let .agendaListed(meeting, level, _, rule)? = listed?.event.body else { Issue.record("not listed"); return }
        #expect(meeting == "2026-11-25" && level == .street && rule == "hard-dispute-agenda")
        let agenda = try MeetingAgendaBuilder.build(f.workspace, date: try #require(CivilDate("2026-11-20")), as: f.person)
        #expect(agenda.meeting.description == "2026-11-25")
        let item = try #require(agenda.levels.flatMap(\.items).first { $0.state.id == s.id })
        #expect(item.state.level == .department, "escalated in the same tick by street-overdue")
        #expect(item.reasons.contains { $0.contains("规则 hard-dispute-agenda 列入 2026-11-25 会议") })
        let later = try MeetingAgendaBuilder.build(f.workspace, date: try #require(CivilDate("2026-11-26")), as: f.person)
        #expect(later.levels.flatMap(\.items).first { $0.state.id == s.id }?.carriedOver == true, "still unresolved: carried over")
    }

    /// Replay under a proposed file says what would differ, and writes nothing.
    @Test func replayComparesWithoutWriting() throws {
        let f = try EngineFixture(cases: 1_200)
        let runner = try f.runner()
        for _ in 0..<4 { _ = try runner.tick(now: EngineFixture.demoNow) }
        let seq = try f.store.lastSeq()
        let same = try RulesReplay(workspace: f.workspace, rules: runner.rules)
            .run(from: EngineFixture.demoNow - 86_400, to: EngineFixture.demoNow)
        #expect(same.casesReplayed > 0)
        let gridOverdueNow = same.actualActions["升级→社区"] ?? 0
        #expect(gridOverdueNow > 0)
        #expect(same.replayedActions["升级→社区"] ?? 0 >= gridOverdueNow, "an ideal engine escalates at least as much")
        let text = DefaultRules.text.replacingOccurrences(of: "id = \"grid-overdue\"", with: "id = \"grid-overdue\"\nenabled = false")
        let proposed = try EngineRules.parse(text, file: "proposed.toml", source: .file("proposed.toml"), workspace: f.workspace)
        let report = try RulesReplay(workspace: f.workspace, rules: proposed).run(from: EngineFixture.demoNow - 86_400, to: EngineFixture.demoNow)
        #expect((report.replayedActions["升级→社区"] ?? 0) < gridOverdueNow)
        #expect(report.casesDiffering > 0)
        #expect(report.differences.contains { $0.actual.contains { $0.hasPrefix("升级→社区 grid-overdue") } })
        #expect(report.figures.contains { $0.name.hasPrefix("网格内办结率") })
        #expect(try f.store.lastSeq() == seq, "replay wrote nothing")
        let rendered = RulesReplayText.render(report, rules: proposed, calendar: f.workspace.calendar, seconds: 0.5, limit: 5)
        #expect(rendered.contains("数据库未被修改"))
    }
}
