import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeRules
import WanggeStore

/// Consoles running the engine themselves: one acts, the others stand by, at most one
/// tick per `tick_seconds`, and new rules are picked up without a restart.
@Suite(.serialized) struct EngineConsoleTests {
    @Test func consolesShareTheLeaseAndTickOnTheirInterval() throws {
        let f = try EngineFixture(cases: 300)
        let wall = ManualWallClock(EngineFixture.demoNow)
        let a = try ConsoleEngine(workspace: f.workspace, holder: "console:a", wallClock: { wall.now })
        let b = try ConsoleEngine(workspace: f.workspace, holder: "console:b", wallClock: { wall.now })
        #expect(a.enabled)
        let first = try #require(a.tickIfDue(now: EngineFixture.demoNow))
        #expect(first.mode == .active && first.events > 0)
        #expect(a.tickIfDue(now: EngineFixture.demoNow) == nil, "not again within tick_seconds")
        let other = try #require(b.tickIfDue(now: EngineFixture.demoNow))
        #expect(other.mode == .standby(holder: "console:a", until: EngineFixture.demoNow + 45))
        wall.advance(15)
        #expect(a.tickIfDue(now: EngineFixture.demoNow)?.mode == .active)
        a.stop()
        wall.advance(15)
        #expect(b.tickIfDue(now: EngineFixture.demoNow)?.mode == .active, "the other console takes over once the first quits")
    }

    /// Only the lease holder brings the open cases' text index up to date, after its tick.
    @Test func theActingConsoleTakesTheCasesThatClosedIntoTheTextIndex() throws {
        let f = try EngineFixture(cases: 200)
        let wall = ManualWallClock(EngineFixture.demoNow)
        let a = try ConsoleEngine(workspace: f.workspace, holder: "console:a", wallClock: { wall.now })
        let b = try ConsoleEngine(workspace: f.workspace, holder: "console:b", wallClock: { wall.now })
        #expect(a.tickIfDue(now: EngineFixture.demoNow)?.mode == .active)
        let open = try f.store.cases(CaseQuery(openOnly: true, order: .code))
        for state in open.prefix(3) {
            _ = try f.store.append([.closed(note: "测试结案")], toCase: state.id, expectedVersion: state.version, actor: "tester",
                                   at: EngineFixture.demoNow, idempotencyKey: nil)
        }
        #expect(try f.store.openSearchLag() == 3)
        #expect(b.tickIfDue(now: EngineFixture.demoNow)?.mode == .standby(holder: "console:a", until: EngineFixture.demoNow + 45))
        #expect(try f.store.openSearchLag() == 3, "a console on standby writes nothing")
        wall.advance(15)
        #expect(a.tickIfDue(now: EngineFixture.demoNow)?.mode == .active)
        #expect(try f.store.openSearchLag() == 0)
    }

    @Test func runningEngineFollowsInstalledRules() throws {
        let f = try EngineFixture(cases: 100)
        let runner = try f.runner()
        _ = try runner.tick(now: EngineFixture.demoNow)
        #expect(try runner.reloadRulesIfChanged() == false)
        let text = DefaultRules.text.replacingOccurrences(of: "console_runs_engine = true", with: "console_runs_engine = false")
        try EngineRules.install(text, file: "rules.toml", into: f.workspace)
        #expect(try runner.reloadRulesIfChanged())
        #expect(runner.rules.source == .database && !runner.rules.set.engine.consoleRunsEngine)
        #expect(try runner.tick(now: EngineFixture.demoNow).fullReevaluation)
        let console = try ConsoleEngine(workspace: f.workspace, holder: "console:c", wallClock: { EngineFixture.demoNow })
        #expect(!console.enabled)
        #expect(console.tickIfDue(now: EngineFixture.demoNow) == nil)
    }
}
