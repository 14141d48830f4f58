import Foundation
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTUI

/// The headless half of `bench-console`: a console on an in-memory terminal, driven key
/// by key, each key timed from `update` to the frame being diffed.
final class ConsoleBench {
    let env: CommandEnvironment
    let clock: ContinuousClock
    private(set) var terminal = InMemoryTerminal(width: 80, height: 24)
    private(set) var runtime: ConsoleRuntime<InMemoryTerminal>?

    init(env: CommandEnvironment, clock: ContinuousClock) {
        self.env = env
        self.clock = clock
    }

    /// Builds the console and renders its first frame; returns when that frame was done.
    func start(size: TerminalSize) -> ContinuousClock.Instant {
        terminal = InMemoryTerminal(size: size)
        let context = ConsoleContext(domain: env.workspace.context, person: env.person, themeNames: ThemeCatalog.builtIn.names)
        let now = env.now
        let runtime = ConsoleRuntime(
            backend: terminal, data: WorkspaceConsoleData(workspace: env.workspace, person: env.person), context: context,
            theme: ThemeCatalog.builtIn.load("dark").theme, clock: { now })
        self.runtime = runtime
        runtime.start()
        return clock.now
    }

    /// Waits for the background counts of the first screen.
    func finishCounts() -> ContinuousClock.Instant {
        runtime?.waitForCounts()
        runtime?.render()
        return clock.now
    }

    /// One key, timed from the key to the frame sent (counts left in the background).
    @discardableResult
    func press(_ key: Key) -> Duration {
        guard let runtime else { return .zero }
        let start = clock.now
        runtime.handle(key)
        runtime.render()
        return start.duration(to: clock.now)
    }

    /// Keys whose time does not matter (navigation between measurements).
    func settle(_ keys: Key...) {
        for key in keys { press(key) }
        runtime?.waitForCounts()
        runtime?.render()
    }

    /// Render time of each screen: the whole frame into a buffer, then the diff.
    func frameTimes(frames: Int) -> [(String, Samples)] {
        var results: [(String, Samples)] = []
        let steps: [(String, [Key])] = [
            ("队列", [.char("1")]), ("案件详情", [.enter]), ("派遣表单", [.char("d")]), ("网格图", [.escape, .char("2")]),
            ("网格图·社区", [.enter]), ("升级看板", [.char("3")]), ("超期督办", [.char("4")]), ("帮助", [.char("?")]),
        ]
        for (name, keys) in steps {
            for key in keys { settle(key) }
            guard let runtime else { break }
            var samples = Samples()
            var previous: ScreenBuffer?
            for _ in 0..<frames {
                let start = clock.now
                var buffer = ScreenBuffer(size: terminal.size)
                ConsoleView.render(runtime.state, theme: runtime.theme, into: &buffer)
                _ = ScreenDiff.runs(from: previous, to: buffer)
                samples.add(start.duration(to: clock.now))
                previous = buffer
            }
            results.append((name, samples))
        }
        settle(.escape, .char("1"))
        return results
    }

    /// Key to frame for moving, typing a filter, applying it, quick filters and opening.
    func keyLatencies(keys: Int) -> [(String, Samples)] {
        settle(.char("1"), .char("x"))
        var move = Samples()
        for index in 0..<keys { move.add(press(index % 200 < 100 ? .char("j") : .char("k"))) }
        var page = Samples()
        for index in 0..<max(20, keys / 10) { page.add(press(index % 20 < 10 ? .pageDown : .pageUp)) }
        settle(.char("g"))
        var typing = Samples()
        var apply = Samples()
        var counted = Samples()
        let words = ["漏水", "井盖", "噪音", "垃圾", "路灯", "电梯", "纠纷", "消防", "停车", "绿化"]
        for index in 0..<max(10, keys / 10) {
            press(.char("/"))
            press(.ctrl("u"))
            for character in words[index % words.count] { typing.add(press(.char(character))) }
            let start = clock.now
            apply.add(press(.enter))
            runtime?.waitForCounts()
            counted.add(start.duration(to: clock.now))
        }
        settle(.char("x"))
        var overdue = Samples()
        var level = Samples()
        var fresh = Samples()
        for index in 0..<max(20, keys / 10) {
            // o on and off, l through the levels and back to all, n on and off.
            overdue.add(press(.char("o")))
            runtime?.waitForCounts()
            level.add(press(.char("l")))
            runtime?.waitForCounts()
            fresh.add(press(.char("n")))
            runtime?.waitForCounts()
        }
        settle(.char("x"), .char("g"))
        var open = Samples()
        var back = Samples()
        for index in 0..<max(20, keys / 5) {
            if index % 3 == 0 { press(.char("j")) }
            open.add(press(.enter))
            back.add(press(.char("q")))
            runtime?.waitForCounts()
        }
        var screens: [(String, Samples)] = []
        for (name, key) in [("切换到网格图 2", Key.char("2")), ("切换到升级看板 3", .char("3")), ("切换到超期督办 4", .char("4")),
                            ("切换回队列 1", .char("1"))] {
            var samples = Samples()
            for _ in 0..<10 {
                samples.add(press(key))
                runtime?.waitForCounts()
                settle(.char(key == .char("1") ? "2" : "1"))
            }
            screens.append((name, samples))
        }
        return [
            ("移动光标 j/k", move), ("翻页 PgDn/PgUp", page), ("筛选框输入一个字", typing), ("筛选回车（出结果行）", apply),
            ("筛选回车到总数算完", counted), ("超期 o（开/关）", overdue),
            ("层级 l（轮换）", level), ("待受理 n（开/关）", fresh), ("打开案件 Enter", open), ("返回队列 q", back),
        ] + screens
    }
}
