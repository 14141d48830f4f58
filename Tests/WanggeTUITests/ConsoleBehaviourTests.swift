import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTestSupport
@testable import WanggeTUI

/// What the console does, in the operator's terms: filter, dispatch, conflicts, live
/// updates across consoles, permissions, help from the binding tables.
@Suite struct ConsoleBehaviourTests {
    @Test func slashFilterNarrowsTheQueueToTheSameCasesAsTheCommandLine() throws {
        let fixture = Fixtures.shared
        let c = ConsoleHarness(fixture: fixture)
        c.press(.char("/"))
        c.type("漏水")
        c.press(.enter)
        let expected = try CaseService(workspace: fixture.workspace).count(CaseQuery(openOnly: true, text: "漏水"), as: fixture.supervisor)
        #expect(c.runtime.state.queue.total == expected)
        #expect(c.text.contains("含“漏水”"))
        #expect(c.runtime.state.queue.rows.allSatisfy { ($0.title + $0.description + $0.code).contains("漏水") })
    }

    @Test func filterWordsPickGridCategoryAndText() {
        let org = Fixtures.shared.workspace.organisation
        let catalog = Fixtures.shared.workspace.context.catalog
        var filter = QueueFilter()
        filter.apply(typed: "g:0103 c:01 漏水", organisation: org, catalog: catalog)
        #expect(filter.grid == "0103" && filter.categoryPrefix == "01" && filter.text == "漏水")
        filter.apply(typed: "幸福第3网格", organisation: org, catalog: catalog)
        #expect(filter.grid == "0103" && filter.text == nil)
        filter.apply(typed: "04", organisation: org, catalog: catalog)  // no grid is "04": a category
        #expect(filter.categoryPrefix == "04" && filter.grid == nil)
        #expect(filter.typedForm == "c:04")
        filter.apply(typed: "0402", organisation: org, catalog: catalog)  // both: the grid wins, c: says category
        #expect(filter.grid == "0402" && filter.categoryPrefix == nil)
    }

    @Test func dispatchThroughTheFormWritesTheEventWithTheCategoryLimit() throws {
        let fixture = try DemoFixture(cases: 60)
        let reported = try fixture.report(title: "路灯不亮", category: "0101", grid: "0103")
        let c = ConsoleHarness(fixture: fixture)
        c.type(":open \(reported.code)")
        c.press(.enter, .char("d"))
        let form = try #require(c.runtime.state.form)
        #expect(form.value(.limit) == fixture.workspace.context.catalog.category("0101")?.limit.description)
        c.type("wang")
        c.press(.enter)
        let after = try #require(try fixture.workspace.store.caseState(code: reported.code))
        #expect(after.status == .dispatched)
        #expect(c.runtime.state.form == nil)
        #expect(c.text.contains("派遣给"))  // the timeline shows it at once
        #expect(c.runtime.state.status?.text.contains("待接单") == true)
    }

    @Test func aStaleActionIsRefusedShownAndReloaded() throws {
        let fixture = try DemoFixture(cases: 60)
        let reported = try fixture.report(title: "楼道堆物", category: "0101", grid: "0103")
        let c = ConsoleHarness(fixture: fixture)
        c.type(":open \(reported.code)")
        c.press(.enter, .char("x"))  // decline form, version 1 seen
        c.type("不属于本辖区")
        // Meanwhile a dispatcher in another process accepts the case.
        let other = try fixture.reopen()
        let dispatcher = try #require(fixture.person(.dispatcher))
        try CaseService(workspace: other).execute(.accept(note: nil), onCase: reported.code, as: dispatcher, at: fixture.now)
        c.press(.enter)
        let status = try #require(c.runtime.state.status)
        #expect(status.kind == .error)
        #expect(status.text.contains("冲突") && status.text.contains("请刷新"))
        #expect(c.runtime.state.detail?.state?.version == 2)  // reloaded
        #expect(try fixture.workspace.store.caseState(code: reported.code)?.status == .accepted)  // nothing lost, nothing doubled
    }

    @Test func aCaseReportedByAnotherConsoleAppearsMarkedWithoutAKeyPress() throws {
        let fixture = try DemoFixture(cases: 60)
        let first = ConsoleHarness(fixture: fixture)
        first.press(.char("s"))  // newest first
        let second = try fixture.reopen()
        let worker = try #require(fixture.person(.gridWorker))
        guard case .grids(let grids) = worker.scope, let grid = grids.first else { throw AppError.badInput("worker") }
        let reported = try CaseService(workspace: second).report(
            ReportCommand(title: "消防通道被电动车堵塞", category: "0101", grid: grid), as: worker, at: fixture.now)
        first.idle()
        #expect(first.runtime.state.newCaseIDs.contains(reported.id))
        #expect(first.lines[0].contains("新到 1 件"))
        #expect(first.text.contains(reported.code))
    }

    @Test func aCaseEscalatedElsewhereMovesColumnOnTheBoard() throws {
        let fixture = try DemoFixture(cases: 60)
        let reported = try fixture.report(title: "小区围墙倒塌", category: "0101", grid: "0103")
        let c = ConsoleHarness(fixture: fixture, width: 200, height: 50)
        c.press(.char("3"))
        #expect(c.runtime.state.board.columns[.grid]?.contains { $0.code == reported.code } == true)
        try CaseService(workspace: fixture.reopen()).execute(
            .escalate(to: .street, reason: "影响范围大", rule: nil), onCase: reported.code, as: fixture.supervisor, at: fixture.now)
        c.idle()
        #expect(c.runtime.state.board.columns[.grid]?.contains { $0.code == reported.code } == false)
        #expect(c.runtime.state.board.columns[.street]?.contains { $0.code == reported.code } == true)
    }

    @Test func aConsoleRunsTheEngineItselfAndAnotherStandsBy() throws {
        let fixture = try DemoFixture(cases: 120)
        let reported = try fixture.report(title: "楼道堆放杂物", category: "0101", grid: "0103", minutesAgo: 60 * 24 * 6)
        #expect(reported.level == .grid)
        let now = fixture.now
        let engine = try ConsoleEngine(workspace: fixture.workspace, holder: "console:a", wallClock: { now })
        let c = ConsoleHarness(fixture: fixture, width: 200, height: 50, engine: engine)
        #expect(c.lines[0].contains("引擎●"))
        #expect(c.lines[49].contains("升级引擎："))
        c.press(.char("3"))
        #expect(c.runtime.state.board.columns[.grid]?.contains { $0.code == reported.code } == false)
        #expect(c.runtime.state.board.columns[.community]?.contains { $0.code == reported.code } == true)
        let escalation = try fixture.workspace.store.events(ofCase: reported.id).last
        #expect(escalation?.event.actor == Person.escalationEngine.login)

        let standbyEngine = try ConsoleEngine(workspace: fixture.reopen(), holder: "console:b", wallClock: { now })
        let other = ConsoleHarness(fixture: fixture, width: 200, height: 50, engine: standbyEngine)
        #expect(other.lines[0].contains("引擎○"))
        #expect(other.runtime.state.engine == .standby(holder: "console:a"))
    }

    @Test func bulkDispatchOfTaggedCases() throws {
        let fixture = try DemoFixture(cases: 60)
        let a = try fixture.report(title: "垃圾满溢一", category: "0101", grid: "0103", minutesAgo: 2)
        let b = try fixture.report(title: "垃圾满溢二", category: "0101", grid: "0103", minutesAgo: 1)
        let c = ConsoleHarness(fixture: fixture)
        c.press(.char("n"), .char("s"))  // new reports, newest first: b, a
        c.press(.char(" "), .char(" "), .char("D"))
        #expect(c.runtime.state.form?.targets.count == 2)
        c.type("城市管理")
        c.press(.enter)
        for code in [a.code, b.code] {
            #expect(try fixture.workspace.store.caseState(code: code)?.handler == .unit("CG"))
        }
        #expect(c.runtime.state.queue.tagged.isEmpty)
    }

    @Test func commandLineDispatchAndGrid() throws {
        let fixture = try DemoFixture(cases: 60)
        let reported = try fixture.report(title: "井盖松动", category: "0101", grid: "0103")
        let worker = try #require(fixture.workspace.organisation.people.first { $0.role == .gridWorker })
        let c = ConsoleHarness(fixture: fixture)
        c.type(":dispatch \(reported.code) \(worker.login)")
        c.press(.enter)
        #expect(try fixture.workspace.store.caseState(code: reported.code)?.handler == .person(worker.login))
        c.type(":grid 0103")
        c.press(.enter)
        #expect(c.runtime.state.queue.filter.grid == "0103")
        #expect(c.runtime.state.queue.rows.allSatisfy { $0.grid == "0103" })
        c.type(":theme mono")
        c.press(.enter)
        #expect(c.runtime.theme.name == "mono")
        #expect(c.terminal.palette == ThemeCatalog.builtIn.load("mono").theme.palette)
        c.type(":q")
        c.press(.enter)
        #expect(c.runtime.state.quitting)
    }

    @Test func aGridWorkerIsOfferedOnlyWhatTheRoleAllows() throws {
        let fixture = Fixtures.shared
        let worker = try #require(fixture.person(.gridWorker))
        let c = ConsoleHarness(fixture: fixture, person: worker)
        let visible = c.runtime.state.queue.rows
        #expect(visible.allSatisfy { Permissions.inScope(worker.scope, grid: $0.grid, organisation: fixture.workspace.organisation) })
        c.press(.enter)
        let actions = c.runtime.state.detail?.actions ?? []
        #expect(!actions.contains(.dispatch) && !actions.contains(.supervise))
        c.press(.char("d"))
        #expect(c.runtime.state.form == nil)
        #expect(c.runtime.state.status?.kind == .error)
    }

    @Test func helpAt80x24ScrollsToEveryKeyUncutAndAnyOtherKeyClosesIt() {
        let c = ConsoleHarness(fixture: Fixtures.shared, width: 80, height: 24)
        c.press(.char("?"))
        var seen = c.text
        for _ in 0..<6 {
            c.press(.pageDown)
            seen += c.text
        }
        for binding in KeyBindings.table(for: .queue) + KeyBindings.global {
            #expect(seen.contains(binding.help.zh), "whole description of \(binding.keyLabel): \(binding.help.zh)")
        }
        #expect(c.runtime.state.helpFor == .queue)
        c.press(.char("x"))
        #expect(c.runtime.state.helpFor == nil)
    }

    @Test func helpListsEveryKeyOfTheScreenFromTheBindingTable() {
        let c = ConsoleHarness(fixture: Fixtures.shared, width: 200, height: 50)
        for screen in [ScreenID.queue, .map, .board, .overdue] {
            c.press(.char(screen == .queue ? "1" : screen == .map ? "2" : screen == .board ? "3" : "4"), .char("?"))
            for binding in KeyBindings.table(for: screen) + KeyBindings.global {
                #expect(c.text.contains(binding.help.zh), "\(screen): \(binding.help.zh)")
            }
            c.press(.escape)
        }
    }

    @Test func everyBoundKeyOfTheQueueDoesWhatTheHelpSays() {
        for binding in KeyBindings.queue {
            for key in binding.keys {
                #expect(KeyBindings.intent(for: key, on: .queue) == binding.intent)
            }
        }
    }

    @Test func mapDrillsToAGridAndOpensItsQueue() {
        let c = ConsoleHarness(fixture: Fixtures.shared)
        c.press(.char("2"), .enter, .right, .right, .enter)
        #expect(c.runtime.state.screen == .queue)
        #expect(c.runtime.state.queue.filter.grid == "0103")
    }

    @Test func movingTheCursorSendsOnlyTheChangedCells() {
        let c = ConsoleHarness(fixture: Fixtures.shared)
        c.press(.char("j"))
        #expect(c.terminal.cellsWrittenInLastFrame < 80 * 4)
        #expect(c.terminal.cellsWrittenInLastFrame > 0)
    }

    @Test func ctrlZSuspendsAndCtrlCQuits() {
        let c = ConsoleHarness(fixture: Fixtures.shared)
        c.press(.ctrl("z"))
        #expect(c.terminal.suspendCount == 1)
        c.press(.ctrl("c"))
        #expect(c.runtime.state.quitting)
    }

    @Test func escapeNeverQuitsTheQueue() {
        let c = ConsoleHarness(fixture: Fixtures.shared)
        c.press(.char("o"), .escape, .escape)
        #expect(!c.runtime.state.quitting)
        #expect(!c.runtime.state.queue.filter.overdue)
        c.press(.char("q"))
        #expect(c.runtime.state.quitting)
    }
}
