import Testing
@testable import WanggeCore

/// Imported history: the events a source's record becomes, and the verdicts those
/// events give, against answers worked out by hand on the standard calendar
/// (Mon-Fri, 08:00-12:00 and 14:00-18:00; 2026-03-02 is a Monday).
struct HistoricTimelineTests {
    let timeline = HistoricTimeline(decider: Fixture.decider)

    func historic(
        _ status: HistoricStatus, category: String = "0101", reported: String = "2026-03-02 09:00", dispatched: String? = nil,
        handler: Handler? = .unit("CG"), due: String? = nil, handled: String? = nil, closed: String? = nil,
        satisfaction: Satisfaction? = nil
    ) -> HistoricCase {
        HistoricCase(
            report: ReportCommand(title: "楼道堆放垃圾", category: category, grid: "G1", source: .hotline, sourceRef: "H-1"),
            status: status, reportedAt: Fixture.at(reported), dispatchedAt: dispatched.map(Fixture.at), handler: handler,
            dueAt: due.map(Fixture.at), handledAt: handled.map(Fixture.at), closedAt: closed.map(Fixture.at),
            satisfaction: satisfaction)
    }

    func build(_ h: HistoricCase) throws -> (events: [CaseEvent], state: CaseState) {
        try timeline.events(for: h, id: 7, code: "C-260302-0007")
    }

    func problem(_ h: HistoricCase) -> HistoricProblem? {
        do throws(HistoricProblem) {
            _ = try timeline.events(for: h, id: 7, code: "C-260302-0007")
            return nil
        } catch {
            return error
        }
    }

    @Test func closedCaseIsReportedDispatchedAndClosedAtTheSourcesTimes() throws {
        let (events, state) = try build(historic(.closed, dispatched: "2026-03-02 10:00", closed: "2026-03-03 09:30"))
        #expect(events.map(\.body.kind) == [.reported, .accepted, .dispatched, .closed])
        #expect(events.map(\.version) == [1, 2, 3, 4])
        #expect(events.map { Fixture.local($0.at) } == ["2026-03-02 09:00", "2026-03-02 10:00", "2026-03-02 10:00", "2026-03-03 09:30"])
        #expect(events.allSatisfy { $0.actor == Person.importer.login && $0.caseID == 7 })
        #expect(state.code == "C-260302-0007" && state.status == .closed && state.sourceRef == "H-1")
        // 1 working day from Monday 10:00 ends Tuesday 10:00.
        #expect(Fixture.local(state.handlingDueAt) == "2026-03-03 10:00")
        #expect(state.handlingVerdict(at: Fixture.at("2026-03-10 09:00")) == .onTime)
        #expect(CaseState.fold(events) == state)
    }

    @Test func closedOneMinuteAfterTheLimitIsLate() throws {
        let (_, state) = try build(historic(.closed, dispatched: "2026-03-02 10:00", closed: "2026-03-03 10:01"))
        #expect(state.handlingVerdict(at: Fixture.at("2026-03-10 09:00")) == .late)
    }

    @Test func theDeadlineIsTheOneALiveDispatchAtTheSameTimeGets() throws {
        let (_, imported) = try build(historic(.dispatched, category: "0102", reported: "2026-03-06 15:00", dispatched: "2026-03-06 16:00"))
        var live = try CaseRun(category: "0102", at: "2026-03-06 15:00")
        try live.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-06 16:00")
        // 4 working hours from Friday 16:00: two on Friday, two on Monday morning.
        #expect(Fixture.local(imported.dueAt) == "2026-03-09 10:00")
        #expect(imported.dueAt == live.state.dueAt && imported.clock == live.state.clock)
        #expect(imported.handlingVerdict(at: Fixture.at("2026-03-09 09:59")) == .pending)
        #expect(imported.handlingVerdict(at: Fixture.at("2026-03-09 10:01")) == .overdue)
        #expect(imported.isOverdue(at: Fixture.at("2026-03-09 10:01")) == live.state.isOverdue(at: Fixture.at("2026-03-09 10:01")))
    }

    @Test func theSourcesOwnDueTimeWinsOverTheCategoryLimit() throws {
        // The category allows until Tuesday 10:00; the source said Monday 12:00.
        let (events, state) = try build(historic(.closed, dispatched: "2026-03-02 10:00", due: "2026-03-02 12:00", closed: "2026-03-02 13:00"))
        #expect(Fixture.local(state.handlingDueAt) == "2026-03-02 12:00")
        #expect(state.handlingVerdict(at: Fixture.at("2026-03-10 09:00")) == .late)
        guard case let .dispatched(_, limit, due, _) = events[2].body else { Issue.record("no dispatch"); return }
        #expect(limit == TimeLimit(amount: 2, clock: .urgentHours))
        #expect(Fixture.local(due) == "2026-03-02 12:00")
    }

    @Test func anOpenReportUsesTheSourceDueForItsDispatchStage() throws {
        let (events, state) = try build(historic(.reported, handler: nil, due: "2026-03-02 11:00"))
        #expect(events.map(\.body.kind) == [.reported])
        #expect(state.status == .reported && Fixture.local(state.dueAt) == "2026-03-02 11:00")
        #expect(state.handlingVerdict(at: Fixture.at("2026-03-02 11:30")) == .overdue)
    }

    @Test func withoutDispatchTimeTheReportTimeIsUsed() throws {
        let (events, state) = try build(historic(.inProgress))
        #expect(events.map(\.body.kind) == [.reported, .accepted, .dispatched, .handlerAccepted])
        #expect(Fixture.local(state.dispatchedAt) == "2026-03-02 09:00")
        #expect(state.status == .inProgress)
    }

    @Test func aFullLoopGoesThroughFeedbackVerificationEvaluationAndClose() throws {
        let (events, state) = try build(historic(
            .archived, dispatched: "2026-03-02 10:00", handled: "2026-03-02 16:00", closed: "2026-03-04 09:00", satisfaction: .satisfied))
        #expect(events.map(\.body.kind) == [
            .reported, .accepted, .dispatched, .handlerAccepted, .feedback, .verificationPassed, .evaluated, .closed, .archived,
        ])
        #expect(state.status == .archived && state.satisfaction == .satisfied)
        #expect(Fixture.local(state.handledAt) == "2026-03-02 16:00" && Fixture.local(state.closedAt) == "2026-03-04 09:00")
        // Handled within the day, closed later: on time (the finish is the feedback).
        #expect(state.handlingVerdict(at: Fixture.at("2026-03-10 09:00")) == .onTime)
    }

    @Test func declinedAndMergedCasesHaveNoVerdict() throws {
        let declined = try build(historic(.declined, handler: nil, closed: "2026-03-02 09:30")).state
        #expect(declined.status == .declined && declined.handlingVerdict(at: Fixture.at("2026-03-10 09:00")) == .none)
        var merged = historic(.merged, handler: nil)
        merged.duplicateOf = "C-260301-0001"
        let state = try build(merged).state
        #expect(state.status == .merged && state.duplicateOf == "C-260301-0001")
    }

    @Test func impossibleTimelinesAreRefusedNamingTheField() {
        #expect(problem(historic(.closed, dispatched: "2026-03-02 08:00", closed: "2026-03-03 09:00"))?.field == .dispatchedAt)
        let closedFirst = problem(historic(.closed, dispatched: "2026-03-02 10:00", closed: "2026-03-01 09:00"))
        #expect(closedFirst?.field == .closedAt)
        #expect(closedFirst?.message == "办结时间 2026-03-01 09:00 早于受理时间 2026-03-02 09:00")
        #expect(problem(historic(.closed, dispatched: "2026-03-02 10:00", closed: "2026-03-02 09:30"))?.field == .closedAt)
        #expect(problem(historic(.dispatched, due: "2026-03-02 08:00"))?.field == .dueAt)
        #expect(problem(historic(.closed, handler: nil, closed: "2026-03-03 09:00"))?.field == .handler)
        #expect(problem(historic(.closed, dispatched: "2026-03-02 10:00"))?.field == .closedAt)
        #expect(problem(historic(.merged, handler: nil))?.field == .duplicateOf)
        #expect(problem(historic(.evaluated, handled: "2026-03-02 10:00"))?.field == .satisfaction)
        var unknownCategory = historic(.reported, handler: nil)
        unknownCategory.report.category = "9999"
        #expect(problem(unknownCategory)?.field == .category)
        #expect(problem(historic(.dispatched, handler: .person("nobody")))?.field == .handler)
    }

    @Test func aDraftRenumberedIsTheTimelineBuiltWithItsIdAndCode() throws {
        var archived = historic(.archived, dispatched: "2026-03-02 10:00", handled: "2026-03-02 16:00", closed: "2026-03-04 09:00",
                                satisfaction: .satisfied)
        archived.level = .community
        let cases = [
            historic(.reported, handler: nil, due: "2026-03-03 09:00"), historic(.accepted, handler: nil),
            historic(.dispatched, due: "2026-03-05 12:00"), historic(.inProgress, dispatched: "2026-03-02 10:00"),
            historic(.closed, dispatched: "2026-03-02 10:00", closed: "2026-03-03 09:30"),
            historic(.declined, handler: nil, closed: "2026-03-02 09:30"), archived,
        ]
        for h in cases {
            let draft = try #require(timeline.draft(for: h))
            let renumbered = HistoricTimeline.renumbered(draft, id: 7, code: "C-260302-0007")
            let built = try build(h)
            #expect(renumbered.events == built.events)
            #expect(renumbered.state == built.state)
        }
        // Left to `events`: a refused step (its message names the code) and a merged case.
        #expect(timeline.draft(for: historic(.closed, handler: nil, closed: "2026-03-03 09:00")) == nil)
        var merged = historic(.merged, handler: nil)
        merged.duplicateOf = "C-260302-0007"
        #expect(timeline.draft(for: merged) == nil)
        #expect(problem(merged)?.field == .duplicateOf)
    }

    @Test func importedStepsAreWrittenAsTheImporterNotALoginOfTheOrganisation() {
        #expect(Fixture.organisation.person(Person.importer.login) == nil)
        #expect(Fixture.organisation.displayName(ofLogin: "import") == "数据导入")
    }
}
