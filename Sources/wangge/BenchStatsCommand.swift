import ArgumentParser
import Foundation
import WanggeApp
import WanggeAssessment
import WanggeCore
import WanggeStore

/// `wangge bench-stats`: how long the figures take on a big database, beside SQLite
/// summing the same rows itself.
struct BenchStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-stats",
        abstract: "考核统计性能基准：一个月按网格的各项指标（考核事实表），与同样汇总的原始 SQL 对比；以及由事件日志回放的 as-of 统计")
    @OptionGroup var global: GlobalOptions
    @Option(help: "统计月份（默认“现在”的上一个月）") var month: String?
    @Option(help: "每项重复次数") var runs: Int = 5
    @Option(name: .customLong("replay-days"), help: "由事件日志回放统计的天数（从该月第一天起）") var replayDays: Int = 7
    @Flag(name: .customLong("grid-only"), help: "只测按网格统计（便于 perf 剖析）") var gridOnly = false

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let calendar = env.calendar
            let period: AssessmentPeriod
            if let month {
                let parts = month.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 2 else { throw ValidationError("无效的月份 \(month)") }
                period = AssessmentPeriod.month(year: parts[0], month: parts[1], calendar: calendar)
            } else {
                let thisMonth = AssessmentPeriod.month(of: env.now, calendar: calendar)
                period = AssessmentPeriod.month(of: thisMonth.from - 1, calendar: calendar)
            }
            let evaluator = Person(login: "bench.evaluator", name: "基准考核员", role: .evaluator, scope: .county)
            let service = AssessmentService(workspace: env.workspace)
            let store = env.workspace.store
            print("wangge bench-stats —— \(store.path)；\(calendar.civil(period.from).formatted()) 至 \(calendar.civil(period.to).formatted())，截至 \(calendar.civil(env.now).formatted())")

            var report: AssessmentReport?
            let byGrid = try Self.measure(runs) { report = try service.report(.grid, period, as: evaluator, now: env.now) }
            let cases = report?.total.reported ?? 0
            print("按网格统计（考核事实表，\(cases) 件案件，\(report?.rows.count ?? 0) 个网格）：\(byGrid)  目标 ≤ 500 ms")
            if gridOnly { return }
            var rows = 0
            let scanOnly = try Self.measure(runs) {
                rows = 0
                try store.scanAssessmentFacts(reportedFrom: period.from, to: period.to) { _ in rows += 1 }
            }
            print("  其中读出并解码考核事实行（单线程，\(rows) 行，不汇总）：\(scanOnly)")
            var groups = 0
            let sql = try Self.measure(runs) {
                groups = try store.assessmentByGridInSQL(reportedFrom: period.from, to: period.to, judgedAt: env.now)
            }
            print("  同一汇总的原始 SQL（SQLite 自己按网格求和，\(groups) 组）：\(sql)")
            let byDepartment = try Self.measure(runs) { _ = try service.report(.department, period, as: evaluator, now: env.now) }
            print("按部门统计：\(byDepartment)")
            let biggest = report?.rows.max { $0.tally.reported < $1.tally.reported }?.key ?? ""
            var drilled = 0
            let drill = try Self.measure(runs) {
                drilled = try service.cases(behind: .handledOnTime, key: biggest, selection: .failing, dimension: .grid,
                                            period, as: evaluator, now: env.now).count
            }
            print("钻取：网格 \(biggest) 超期处置的案件（\(drilled) 件）：\(drill)")

            var replay = period
            replay.to = min(period.to, period.from + Int64(replayDays) * 86_400)
            replay.asOf = env.now
            var replayed: AssessmentReport?
            let fromLog = try Self.measure(1) { replayed = try service.report(.grid, replay, as: evaluator, now: env.now) }
            var table = replay
            table.asOf = nil
            let same = try service.report(.grid, table, as: evaluator, now: env.now)
            let agree = replayed.map { $0.rows == same.rows && $0.total == same.total } ?? false
            print("由事件日志回放（as-of，\(replayDays) 天，\(replayed?.total.reported ?? 0) 件案件）：\(fromLog)；与考核事实表\(agree ? "一致" : "不一致！")")
        }
    }

    /// Runs `body` `runs` times (after one warm-up run when `runs` > 1): the fastest and
    /// the median wall time, and the processor time of the fastest run (all threads; on
    /// this shared machine the wall time depends on what else runs, the processor time
    /// much less).
    static func measure(_ runs: Int, _ body: () throws -> Void) throws -> String {
        if runs > 1 { try body() }
        var times: [(wall: Double, cpu: Double)] = []
        for _ in 0..<max(1, runs) {
            let (wall0, cpu0) = (now(CLOCK_MONOTONIC), now(CLOCK_PROCESS_CPUTIME_ID))
            try body()
            times.append((now(CLOCK_MONOTONIC) - wall0, now(CLOCK_PROCESS_CPUTIME_ID) - cpu0))
        }
        times.sort { $0.wall < $1.wall }
        func ms(_ s: Double) -> String { "\(Int((s * 1000).rounded())) ms" }
        let fastest = times[0]
        if times.count == 1 { return "\(ms(fastest.wall))（处理器时间 \(ms(fastest.cpu))）" }
        return "最快 \(ms(fastest.wall))（处理器时间 \(ms(fastest.cpu))），中位 \(ms(times[times.count / 2].wall))"
    }

    static func now(_ clock: clockid_t) -> Double {
        var t = timespec()
        clock_gettime(clock, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
