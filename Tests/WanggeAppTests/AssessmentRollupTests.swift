import Foundation
import GRDB
import Testing
import WanggeApp
import WanggeAssessment
import WanggeCore
@testable import WanggeStore

/// The roll-up of settled cases (`FactsRollup`): figures read through it equal the log
/// folded again, for periods on day starts (read almost wholly from the roll-up) and off
/// them (partial days from the facts table); it follows cases that are reopened, closed
/// and archived; `check` names a damaged row and `rebuild` repairs it.
struct AssessmentRollupTests {
    let dir: TemporaryDirectory
    let workspace: Workspace
    let admin: Person
    let now: Instant

    init() throws {
        dir = try TemporaryDirectory()
        let store = try SQLiteCaseStore(path: dir.path("demo.sqlite"))
        try DemoBuilder.build(into: store, options: .init(cases: 1200, seed: 11, operatorLogin: "tester", operatorRole: .admin), now: AppFixture.t0)
        workspace = try Workspace(store: store)
        admin = try #require(workspace.organisation.person("tester"))
        now = AppFixture.t0 + 7200
        // Reopen three closed cases: their settled counts leave the roll-up.
        let service = CaseService(workspace: workspace)
        let supervisor = try #require(workspace.organisation.people.first { $0.role == .supervisor && $0.login != "tester" })
        for s in try service.list(CaseQuery(statuses: [.closed], order: .code, limit: 3), as: supervisor) {
            try service.execute(.reopen(reason: "问题复发"), onCase: s.code, as: supervisor, at: AppFixture.t0 + 60)
        }
    }

    /// Day starts of the roll-up (UTC+8) around the demo's history.
    func dayStart(_ daysBefore: Int64) -> Instant {
        FactsRollup.start(ofDay: FactsRollup.day(AppFixture.t0) - daysBefore)
    }

    func figures(_ dimension: AssessmentDimension, _ from: Instant, _ to: Instant, asOf: Instant? = nil) throws -> AssessmentReport {
        try AssessmentService(workspace: workspace).report(
            dimension, AssessmentPeriod(from: from, to: to, asOf: asOf), as: admin, now: now)
    }

    @Test func rolledUpFiguresEqualTheLogFoldedAgain() throws {
        let periods: [(Instant, Instant)] = [
            (dayStart(40), dayStart(-1)),                      // whole days only
            (dayStart(40) + 3 * 3600 + 17, dayStart(-1) - 5),  // partial days at both ends
            (dayStart(3) + 600, dayStart(2) + 7200),           // inside one day
        ]
        for (from, to) in periods {
            for dimension in [AssessmentDimension.grid, .community, .street] {
                let rolled = try figures(dimension, from, to)
                let replayed = try figures(dimension, from, to, asOf: now)
                #expect(rolled.rows == replayed.rows, "\(dimension) \(from)-\(to)")
                #expect(rolled.total == replayed.total, "\(dimension) \(from)-\(to)")
            }
        }
        #expect(try workspace.store.rawSelection("SELECT 1 FROM assessment_rollup") > 30, "the roll-up is in use")
        let all = try figures(.grid, dayStart(40), dayStart(-1))
        #expect(all.total.closed > 50 && all.total.openLate > 0 && all.total.closeSeconds.count == all.total.closed)
    }

    @Test func weeklySeriesThroughTheRollupEqualEachWeekFoldedAgain() throws {
        let service = AssessmentService(workspace: workspace)
        let weeks = (0..<5).map { i in AssessmentPeriod(from: dayStart(35 - 7 * Int64(i)), to: dayStart(28 - 7 * Int64(i))) }
        let series = try service.series(.community, periods: weeks, under: nil, as: admin, now: now)
        for (i, week) in weeks.enumerated() {
            let replayed = try figures(.community, week.from, week.to, asOf: now)
            for row in replayed.rows where row.tally.reported > 0 {
                // The sparklines count cases only (no routine work), in no particular order.
                var expected = row.tally
                (expected.routineEntries, expected.routineFindings, expected.routineCases) = (0, 0, 0)
                var got = try #require(series[row.key]?[i])
                got.closeSeconds.sort()
                #expect(got == expected, "week \(i) \(row.key)")
            }
        }
    }

    /// Running cases are in the roll-up by the instant their round turns late: judged
    /// later and later, with cases suspended and dispatched after the build, the figures
    /// still equal the log folded again and judged at the same instant.
    @Test func runningCasesTurnLateInTheRollupWhenTheLogSaysSo() throws {
        let service = CaseService(workspace: workspace)
        let supervisor = try #require(workspace.organisation.people.first { $0.role == .supervisor && $0.login != "tester" })
        let running = try service.list(CaseQuery(statuses: [.inProgress], order: .code, limit: 2), as: supervisor)
        #expect(running.count == 2)
        for s in running {
            try service.execute(.suspend(reason: "等待配件", until: AppFixture.t0 + 3 * 86_400), onCase: s.code, as: supervisor, at: AppFixture.t0 + 120)
        }
        let report = AssessmentService(workspace: workspace)
        var late: [Int] = []
        for days: Int64 in [0, 1, 3, 10, 90] {
            let judged = now + days * 86_400
            for dimension in [AssessmentDimension.grid, .street] {
                let period = AssessmentPeriod(from: dayStart(40), to: dayStart(-1))
                let rolled = try report.report(dimension, period, as: admin, now: judged)
                var replay = period
                replay.asOf = judged
                let replayed = try report.report(dimension, replay, as: admin, now: judged)
                #expect(rolled.rows == replayed.rows, "\(dimension) judged \(days) days on")
                #expect(rolled.total == replayed.total, "\(dimension) judged \(days) days on")
                if dimension == .grid { late.append(rolled.total.openLate) }
            }
        }
        #expect(late == late.sorted() && late.first.map { $0 < late.last ?? 0 } == true, "more cases late as time passes: \(late)")
        #expect(try workspace.store.check().isClean)
    }

    @Test func archivedCasesMoveWithinTheRollup() throws {
        let store = workspace.store
        let service = CaseService(workspace: workspace)
        let supervisor = try #require(workspace.organisation.people.first { $0.role == .supervisor && $0.login != "tester" })
        let closed = try service.list(CaseQuery(statuses: [.closed], order: .code, limit: 5), as: supervisor)
        #expect(closed.count == 5)
        for s in closed { try service.execute(.archive, onCase: s.code, as: supervisor, at: AppFixture.t0 + 900) }
        let rolled = try figures(.street, dayStart(60), dayStart(-1))
        let replayed = try figures(.street, dayStart(60), dayStart(-1), asOf: now)
        #expect(rolled.total == replayed.total)
        #expect(try store.check().isClean)
    }

    /// A row that lost one running case's late instant still adds up in its counts, and
    /// `check` names it all the same.
    @Test func aRowMissingARunningCaseIsNamedByCheck() throws {
        let store = workspace.store
        try DatabaseQueue(path: store.path).write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT day, grid, cell FROM assessment_rollup")
            let damaged = rows.lazy.compactMap { row -> RollupCell? in
                let data: Data = row[2]
                return data.withUnsafeBytes { RollupCellCoding.decode($0, day: row[0], grid: row[1]) }
            }.first { !$0.late.isEmpty }
            var cell = try #require(damaged)
            cell.late[0].from.removeLast()
            try db.execute(sql: "UPDATE assessment_rollup SET cell = ? WHERE day = ? AND grid = ?",
                           arguments: [Data(RollupCellCoding.encode(cell)), cell.day, cell.grid])
        }
        let report = try store.check()
        let named = report.problems.filter { if case .assessmentRollupDiffers = $0 { true } else { false } }
        #expect(named.count == 1, "\(report.problems.prefix(4))")
        #expect(named.first?.description.contains("计时中") == true, "\(named)")
        try store.rebuildProjections()
        #expect(try store.check().isClean)
    }

    @Test func aDamagedRollupRowIsNamedByCheckAndRebuiltFromTheFacts() throws {
        let store = workspace.store
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE assessment_rollup SET cell = x'01020304' WHERE rowid = (SELECT MIN(rowid) FROM assessment_rollup)")
            try db.execute(sql: "DELETE FROM assessment_rollup WHERE rowid = (SELECT MAX(rowid) FROM assessment_rollup)")
        }
        let report = try store.check()
        let named = report.problems.filter { if case .assessmentRollupDiffers = $0 { true } else { false } }
        #expect(named.count == 2, "\(report.problems.prefix(4))")
        #expect(named.map(\.description).allSatisfy { $0.contains("考核汇总与考核事实不符") && $0.contains("wangge rebuild") })
        try store.rebuildProjections()
        #expect(try store.check().isClean)
    }
}
