import Testing
import WanggeApp
import WanggeAssessment
import WanggeCore
import WanggeTestSupport
@testable import WanggeTUI

/// The 考核 screen: golden snapshots, drilling from the street down to the cases behind
/// a number, sorting, months.
@Suite struct StatsScreenTests {
    static let sizes = [(80, 24), (200, 50)]

    func console(_ width: Int = 80, _ height: Int = 24, language: Language = .zh) -> ConsoleHarness {
        ConsoleHarness(fixture: Fixtures.shared, width: width, height: height, language: language)
    }

    /// The figures the command line gives for `dimension` this month.
    func report(_ dimension: AssessmentDimension, under parent: String? = nil) throws -> AssessmentReport {
        let f = Fixtures.shared
        let period = AssessmentPeriod.month(of: f.now, calendar: f.workspace.calendar)
        return try AssessmentService(workspace: f.workspace).report(dimension, period, under: parent, as: f.supervisor, now: f.now)
    }

    @Test(arguments: sizes) func communitiesThenGrids(width: Int, height: Int) {
        let c = console(width, height)
        c.press(.char("5"))
        #expect(c.text.contains("考核"))
        Fixtures.expectSnapshot(c, "stats-street")
        c.press(.enter)
        Fixtures.expectSnapshot(c, "stats-community")
    }

    @Test func englishStats() {
        let c = console(language: .en)
        c.press(.char("5"))
        #expect(c.text.contains("Assessment"))
        Fixtures.expectSnapshot(c, "stats-en")
    }

    @Test func theNumbersAreTheCommandLinesNumbers() throws {
        let c = console(200, 50)
        c.press(.char("5"))
        let communities = try report(.community, under: "JD01")
        let result = try #require(c.runtime.state.stats.result)
        #expect(result.report.rows == communities.rows)
        #expect(result.report.total == communities.total)
        let first = try #require(communities.rows.first)
        #expect(c.text.contains(first.name))
        #expect(c.text.contains(FigureText.value(.handledOnTime, first.tally)))
    }

    @Test func enterOnAGridOpensExactlyTheCasesTheFigureCounts() throws {
        let c = console(200, 50)
        c.press(.char("5"))
        c.press(.enter)
        guard case .community(let community) = c.runtime.state.stats.level else {
            Issue.record("Enter did not drill into a community")
            return
        }
        let grids = try report(.grid, under: community)
        let grid = try #require(grids.rows.first)
        let closed = Figure.closed.parts(grid.tally)
        // Move to the 结案 column, open its cases.
        c.press(.char("l"))
        #expect(c.runtime.state.stats.figure == .closed)
        c.press(.enter)
        #expect(c.runtime.state.screen == .queue)
        #expect(c.runtime.state.queue.total == closed.denominator)
        #expect(c.text.contains("计入的案件"))
        #expect(c.runtime.state.queue.rows.allSatisfy { $0.grid == grid.key })
        // Back to the figures, then the cases that pull it down: the ones not closed.
        c.press(.char("q"))
        #expect(c.runtime.state.screen == .stats)
        c.press(.char("!"))
        #expect(c.runtime.state.queue.total == closed.denominator - closed.numerator)
        #expect(c.runtime.state.queue.rows.allSatisfy { $0.closedAt == nil })
    }

    @Test func sortBackAndMonths() throws {
        let c = console(200, 50)
        c.press(.char("5"))
        c.press(.enter)
        c.press(.char("s"))
        let values = StatsUpdate.rows(c.runtime.state).compactMap { Figure.handledOnTime.value($0.tally) }
        #expect(values == values.sorted(by: >))
        c.press(.char("s"))
        let reversed = StatsUpdate.rows(c.runtime.state).compactMap { Figure.handledOnTime.value($0.tally) }
        #expect(reversed == values.sorted())
        c.press(.backspace)
        #expect(c.runtime.state.stats.level == .street("JD01"))
        c.press(.char("["))
        #expect(c.text.contains("2026-10 月上报"))
        c.press(.char("]"))
        #expect(c.text.contains("2026-11 月上报"))
        c.press(.char("b"))
        #expect(c.runtime.state.stats.level == .workers)
        c.press(.char("b"))
        #expect(c.runtime.state.stats.level == .departments)
        #expect(!c.text.contains("及时派遣"))
    }
}

/// The routine work log from the console's command line.
@Suite struct ConsoleRoutineTests {
    @Test func recordAVisitAndReportAFinding() throws {
        let fixture = try DemoFixture(cases: 60)
        let c = ConsoleHarness(fixture: fixture, width: 120, height: 30)
        let before = try fixture.workspace.store.routineEntryCount()
        c.type(":routine 0103 走访 安全隐患:楼道 堆放杂物 诉求:希望加装扶手")
        c.press(.enter)
        let id = before + 1
        #expect(c.lines.last?.contains("已记录工作日志 #\(id)：走访，发现 \(id)-1 查安全隐患，\(id)-2 问诉求") == true)
        let entry = try #require(try fixture.workspace.store.routineEntry(id: Int64(id)))
        #expect(entry.findings.map(\.text) == ["楼道 堆放杂物", "希望加装扶手"])
        #expect(entry.worker == fixture.supervisor.login && entry.grid == "0103")
        c.type(":routine-report \(id)-1 1101")
        c.press(.enter)
        #expect(c.lines.last?.contains("已上报 C-") == true)
        #expect(try fixture.workspace.store.routineEntry(id: Int64(id))?.cases[1] != nil)
    }

    @Test func mistakesAreSaidOnTheStatusLine() throws {
        let fixture = try DemoFixture(cases: 60)
        let c = ConsoleHarness(fixture: fixture, width: 120, height: 30)
        let before = try fixture.workspace.store.routineEntryCount()
        c.type(":routine 0103 天气:晴")
        c.press(.enter)
        #expect(c.lines.last?.contains("未知的问题项 天气") == true)
        c.type(":routine-report 999-1 1101")
        c.press(.enter)
        #expect(c.lines.last?.contains("拒绝：找不到工作日志 #999") == true)
        #expect(try fixture.workspace.store.routineEntryCount() == before)
    }
}
