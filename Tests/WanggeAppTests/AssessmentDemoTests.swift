import Testing
import WanggeApp
import WanggeAssessment
import WanggeCore
import WanggeStore

/// The figures on a demo database (plus send-backs, a reopening and a suspension made
/// through the real commands afterwards): the facts table, the replay of the log and a
/// plain recount of the log must all agree.
struct AssessmentDemoTests {
    let dir: TemporaryDirectory
    let workspace: Workspace
    let now: Instant
    let admin: Person
    let period: AssessmentPeriod

    init() throws {
        dir = try TemporaryDirectory()
        let store = try SQLiteCaseStore(path: dir.path("demo.sqlite"))
        try DemoBuilder.build(into: store, options: .init(cases: 1500, seed: 5, operatorLogin: "tester", operatorRole: .admin), now: AppFixture.t0)
        workspace = try Workspace(store: store)
        admin = try #require(workspace.organisation.person("tester"))
        now = AppFixture.t0 + 3600
        period = AssessmentPeriod(from: AppFixture.t0 - 40 * 86_400, to: AppFixture.t0 + 86_400)
        try livelyDay()
    }

    /// Send-backs, a reopening and a suspension: paths the demo generator never takes.
    func livelyDay() throws {
        let service = CaseService(workspace: workspace)
        let org = workspace.organisation
        func liaison(of unit: String) -> Person? { org.people.first { $0.role == .liaison && $0.scope == .unit(unit) } }
        var sentBack = 0
        for s in try service.list(CaseQuery(statuses: [.dispatched, .inProgress], order: .code), as: admin) where sentBack < 12 {
            guard case .unit(let u)? = s.handler, let person = liaison(of: u) else { continue }
            try service.execute(.sendBack(reason: "非本单位职责"), onCase: s.code, as: person, at: AppFixture.t0 + 60)
            sentBack += 1
        }
        #expect(sentBack == 12)
        let supervisor = try #require(org.people.first { $0.role == .supervisor && $0.login != "tester" })
        let closed = try #require(try service.list(CaseQuery(statuses: [.closed], order: .code, limit: 1), as: supervisor).first)
        try service.execute(.reopen(reason: "居民反映问题复发"), onCase: closed.code, as: supervisor, at: AppFixture.t0 + 120)
        let running = try service.list(CaseQuery(statuses: [.inProgress], order: .code, limit: 2), as: supervisor)
        #expect(running.count == 2)
        for s in running {
            try service.execute(.suspend(reason: "等待答复", until: AppFixture.t0 + 5 * 86_400), onCase: s.code, as: supervisor,
                                at: AppFixture.t0 + 180)
        }
    }

    func report(_ dimension: AssessmentDimension, asOf: Instant? = nil) throws -> AssessmentReport {
        var p = period
        p.asOf = asOf
        return try AssessmentService(workspace: workspace).report(dimension, p, as: admin, now: now)
    }

    @Test func theFactsWrittenWithEachCommandEqualTheLogFoldedAgain() throws {
        let report = try workspace.store.check()
        #expect(report.isClean, "\(report.problems.prefix(3))")
    }

    @Test func factsTableAndReplayOfTheLogGiveTheSameFigures() throws {
        for dimension in AssessmentDimension.allCases {
            let fromTable = try report(dimension)
            let replayed = try report(dimension, asOf: now)
            #expect(fromTable.rows == replayed.rows, "\(dimension)")
            #expect(fromTable.total == replayed.total, "\(dimension)")
        }
    }

    @Test func figuresEqualAPlainRecountOfTheLog() throws {
        var byCase: [Int64: [CaseEvent]] = [:]
        for stored in try workspace.store.log(afterSeq: 0, limit: Int.max, caseID: nil) {
            byCase[stored.event.caseID, default: []].append(stored.event)
        }
        var recount = NaiveRecount(now: now)
        for (_, events) in byCase.sorted(by: { $0.key < $1.key }) {
            guard let first = events.first, first.at >= period.from, first.at < period.to else { continue }
            recount.add(events)
        }
        func counts(_ t: FigureTally) -> NaiveRecount.Counts {
            NaiveRecount.Counts(
                reported: t.reported, filed: t.filed, closed: t.closed, closedOnTime: t.closedOnTime, lateOpen: t.openLate,
                dispatchInTime: t.dispatchInTime, dispatchLate: t.dispatchLate, handledOnTime: t.handledOnTime,
                handledLate: t.handledLate, dispatches: t.dispatches, sendBacks: t.sendBacks, checksPassed: t.checksPassed,
                checksFailed: t.checksFailed, evaluations: t.evaluations, satisfied: t.satisfied, complaints: t.complaints,
                closedAtGrid: t.closedAtGridLevel)
        }
        let grids = try report(.grid)
        #expect(counts(grids.total) == recount.total)
        #expect(recount.total.sendBacks == 12)
        #expect(recount.total.handledLate > 0 && recount.total.lateOpen > 0 && recount.total.closed > 0)
        for row in grids.rows {
            #expect(counts(row.tally) == recount.byGrid[row.key] ?? NaiveRecount.Counts(), "grid \(row.key)")
        }
        let units = try report(.department)
        for row in units.rows {
            let expected = recount.byUnit[row.key] ?? NaiveRecount.Counts()
            let t = row.tally
            #expect([t.handledOnTime, t.handledLate, t.dispatches, t.sendBacks, t.checksPassed, t.checksFailed, t.evaluations, t.satisfied]
                    == [expected.handledOnTime, expected.handledLate, expected.dispatches, expected.sendBacks, expected.checksPassed,
                        expected.checksFailed, expected.evaluations, expected.satisfied], "unit \(row.key)")
        }
    }

    @Test func countsEqualTheEventRowsCountedInSQL() throws {
        let t = try report(.grid).total
        let cohort = "case_id IN (SELECT id FROM cases WHERE reported_at >= ? AND reported_at < ?)"
        let range = [period.from.secondsSinceEpoch, period.to.secondsSinceEpoch]
        func events(_ type: String) throws -> Int {
            try workspace.store.rawSelection("SELECT 1 FROM events WHERE type = '\(type)' AND \(cohort)", arguments: range)
        }
        #expect(t.reported == (try events("reported")))
        #expect(t.dispatches == (try events("dispatched")))
        #expect(t.sendBacks == (try events("sent_back")))
        #expect(t.checksPassed == (try events("verification_passed")))
        #expect(t.checksFailed == (try events("verification_failed")))
        #expect(t.evaluations == (try events("evaluated")))
        let closedNow = try workspace.store.rawSelection(
            "SELECT 1 FROM cases WHERE closed_at IS NOT NULL AND reported_at >= ? AND reported_at < ?", arguments: range)
        #expect(t.closed == closedNow)
    }

    @Test func theDrillSelectsExactlyTheCountedCases() throws {
        let report = try report(.grid)
        let service = AssessmentService(workspace: workspace)
        let row = try #require(report.rows.max { $0.tally.reported < $1.tally.reported })
        let late = try service.cases(behind: .handledOnTime, key: row.key, selection: .failing, dimension: .grid, period, as: admin, now: now)
        let counted = try service.cases(behind: .closed, key: row.key, selection: .counted, dimension: .grid, period, as: admin, now: now)
        #expect(counted.count == row.tally.filed)
        // Each case has at most one late handling round here, so the late cases are the late rounds.
        #expect(late.count <= row.tally.handledLate && !late.isEmpty)
        let states = try late.map { try #require(try workspace.store.caseState(id: $0)) }
        #expect(states.allSatisfy { $0.grid == row.key })
    }
}
