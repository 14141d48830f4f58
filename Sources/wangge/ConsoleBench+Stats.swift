import WanggeTUI

extension ConsoleBench {
    /// The 考核 screen: its first frame after 5 (the figures come in the background), the
    /// time until the figures are drawn, a refresh, a drill into a community, and Enter on
    /// a grid's figure until the queue shows its cases.
    func statsLatencies(runs: Int) -> [(String, Samples)] {
        settle(.char("1"), .char("x"))
        var frame = Samples()
        var table = Samples()
        var figures = Samples()
        var refresh = Samples()
        var drill = Samples()
        var cases = Samples()
        for _ in 0..<max(1, runs) {
            let start = clock.now
            frame.add(press(.char("5")))
            runtime?.waitUntil { $0.stats.result != nil }
            table.add(start.duration(to: clock.now))
            runtime?.waitForCounts()
            runtime?.render()
            figures.add(start.duration(to: clock.now))
            let again = clock.now
            press(.char("r"))
            runtime?.waitForCounts()
            runtime?.render()
            refresh.add(again.duration(to: clock.now))
            let down = clock.now
            press(.enter)
            runtime?.waitUntil { $0.stats.result != nil }
            drill.add(down.duration(to: clock.now))
            runtime?.waitForCounts()
            let open = clock.now
            press(.enter)
            runtime?.waitUntil { $0.screen == .queue && $0.queue.total != nil }
            cases.add(open.duration(to: clock.now))
            runtime?.waitForCounts()
            // Back to the street level, then to the queue; the next 5 starts afresh.
            settle(.char("q"), .backspace, .char("1"), .char("x"))
            runtime?.forgetStats()
        }
        return [
            ("打开考核 5（首帧，数字在后台）", frame), ("打开考核到表格数字画出", table), ("打开考核到 8 周走势画出", figures), ("刷新 r 到数字画出", refresh),
            ("下钻到社区 Enter", drill), ("网格指标 Enter 到案件队列", cases),
        ]
    }
}
