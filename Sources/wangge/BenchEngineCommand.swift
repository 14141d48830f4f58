import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

/// `wangge bench-engine`: the escalation engine's figures on a county-sized database,
/// each printed beside the same selection done as one raw SQL query on the same machine.
struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-engine",
        abstract: "升级引擎性能基准：到期检查、全量重新检查、30 天回放，并与同一选择的原始 SQL 查询对比")

    @Option(help: "未办结案件数") var cases: Int = 1_000_000
    @Option(help: "其中到期待查的案件数") var due: Int = 10_000
    @Option(help: "回放的天数") var days: Int = 30
    @Option(help: "工作目录（默认临时目录；给出时保留数据库）") var dir: String?
    @Option(help: "只测其中一项：full / tick / replay / history（配合 --dir 复用已建的数据库）") var only: String?

    func run() throws {
        try ErrorReporting.run {
            let fm = FileManager.default
            let base = dir ?? (NSTemporaryDirectory() + "wangge-bench-engine-\(getpid())")
            try fm.createDirectory(atPath: base, withIntermediateDirectories: true)
            defer { if dir == nil { try? fm.removeItem(atPath: base) } }
            let path = base + "/engine.sqlite"
            if only == "history" {
                try EngineBenchHistory(cases: cases, days: days).run(path: base + "/history.sqlite")
                return
            }
            let reuse = only != nil && fm.fileExists(atPath: path)
            if !reuse { for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) } }
            print("wangge bench-engine —— \(ProcessInfo.processInfo.processorCount) 核；\(cases) 件未办结案件，\(EngineBenchData.grids) 个网格")
            let store = try SQLiteCaseStore(path: path)
            let workspace = reuse ? try Workspace(store: store) : try build(store)
            let start = Instant(secondsSinceEpoch: 1_795_000_000)
            let rules = try EngineRules.load(workspace)
            let runner = EngineRunner(workspace: workspace, rules: rules, holder: "bench-engine", wallClock: { SystemClock.now() })
            runner.stopwatch = { Date().timeIntervalSinceReferenceDate }
            let runs = EngineBenchRuns(store: store, runner: runner, workspace: workspace, rules: rules)
            if only == nil || only == "full" { try runs.fullReevaluation(at: start) }
            if only == nil || only == "tick" { try runs.dueTick(at: start + 86_400 + 7_200, expected: due) }
            if only == nil || only == "replay" { try runs.replay(to: start + 86_400 + 7_200, days: days) }
            runner.stop()
        }
    }

    func build(_ store: SQLiteCaseStore) throws -> Workspace {
        _ = try Workspace.install(
            organisation: EngineBenchData.organisationTOML(operatorLogin: "bench.operator"),
            categories: DemoConfiguration.categoriesTOML, calendar: DemoConfiguration.calendarTOML, into: store,
            files: ("bench-org.toml", ConfigurationName.categories, ConfigurationName.calendar))
        let workspace = try Workspace(store: store)
        let writer = BulkCaseWriter(store: store)
        let began = Date()
        let progress = ProgressLine(label: "生成基准案件")
        for chunk in stride(from: 0, to: cases, by: 50_000) {
            let batch = EngineBenchData.histories(
                range: chunk..<min(chunk + 50_000, cases), firstID: 1, hot: due, start: Instant(secondsSinceEpoch: 1_795_000_000),
                calendar: workspace.calendar)
            try writer.write(batch, codeCounters: [:])
            progress.update(min(chunk + 50_000, cases), cases)
        }
        progress.finish()
        print("建库：\(cases) 件案件、\(cases * 4) 条事件，用时 \(EngineBenchRuns.fmt(Date().timeIntervalSince(began))) 秒")
        return workspace
    }
}

/// The replay figure on a year of ordinary history (most cases closed), beside the
/// same selection as one raw SQL query.
struct EngineBenchHistory {
    let cases: Int
    let days: Int

    func run(path: String) throws {
        let fm = FileManager.default
        let end = Instant(secondsSinceEpoch: 1_795_000_000)
        let store: SQLiteCaseStore
        let workspace: Workspace
        if fm.fileExists(atPath: path) {
            store = try SQLiteCaseStore(path: path)
            workspace = try Workspace(store: store)
        } else {
            store = try SQLiteCaseStore(path: path)
            _ = try Workspace.install(
                organisation: EngineBenchData.organisationTOML(operatorLogin: "bench.operator"),
                categories: DemoConfiguration.categoriesTOML, calendar: DemoConfiguration.calendarTOML, into: store,
                files: ("bench-org.toml", ConfigurationName.categories, ConfigurationName.calendar))
            workspace = try Workspace(store: store)
            let writer = BulkCaseWriter(store: store)
            let began = Date()
            let progress = ProgressLine(label: "生成一年的历史")
            for chunk in stride(from: 0, to: cases, by: 50_000) {
                try writer.write(EngineBenchData.yearOfHistory(range: chunk..<min(chunk + 50_000, cases), total: cases, firstID: 1,
                                                               end: end, calendar: workspace.calendar), codeCounters: [:])
                progress.update(min(chunk + 50_000, cases), cases)
            }
            progress.finish()
            print("建库（一年历史）：\(cases) 件案件，其中未办结 \(try store.count(CaseQuery(openOnly: true))) 件，用时 \(EngineBenchRuns.fmt(Date().timeIntervalSince(began))) 秒")
        }
        let rules = try EngineRules.load(workspace)
        let runner = EngineRunner(workspace: workspace, rules: rules, holder: "bench-engine", wallClock: { SystemClock.now() })
        try EngineBenchRuns(store: store, runner: runner, workspace: workspace, rules: rules).replayFigure(to: end, days: days, label: "一年历史")
    }
}

/// The three measured runs, each beside its raw SQL selection.
struct EngineBenchRuns {
    let store: SQLiteCaseStore
    let runner: EngineRunner
    let workspace: Workspace
    let rules: LoadedRules

    static func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
    static func ms(_ x: Double) -> String { String(format: "%.0f", x * 1000) }

    func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let began = Date()
        let value = try body()
        return (value, Date().timeIntervalSince(began))
    }

    /// `body`'s wall time and the processor time of all the process's threads while it
    /// ran: on this shared machine the wall time depends on what else runs, the
    /// processor time much less.
    func timedWithProcessor<T>(_ body: () throws -> T) rethrows -> (T, Double, Double) {
        let cpu0 = BenchStatsCommand.now(CLOCK_PROCESS_CPUTIME_ID)
        let (value, seconds) = try timed(body)
        return (value, seconds, BenchStatsCommand.now(CLOCK_PROCESS_CPUTIME_ID) - cpu0)
    }

    /// The best of three runs of a raw selection (caches warm, like the engine's run).
    func raw(_ sql: String, _ args: [Int64]) throws -> (rows: Int, seconds: Double) {
        var best = Double.infinity
        var rows = 0
        for _ in 0..<3 {
            let (n, s) = try timed { try store.rawSelection(sql, arguments: args) }
            rows = n
            best = min(best, s)
        }
        return (rows, best)
    }

    func fullReevaluation(at now: Instant) throws {
        let sql = "SELECT c.*, s.next_at FROM cases c LEFT JOIN engine_schedule s ON s.case_id = c.id WHERE c.id > 0 AND c.is_open = 1 ORDER BY c.id"
        let r = try raw(sql, [])
        let (report, seconds, cpu) = try timedWithProcessor { try runner.tick(now: now) }
        print("""
            全量重新检查（规则变化后）：\(report.evaluated) 件用时 \(Self.fmt(seconds)) 秒（目标 ≤ 5 秒；处理器时间 \(Self.fmt(cpu)) 秒），\
            执行 \(report.applied) 条规则、写入 \(report.events) 条事件（读取和判断 \(Self.fmt(report.readAndEvaluateSeconds)) 秒，写入 \(Self.fmt(report.writeSeconds)) 秒）
              同一选择的原始 SQL（\(r.rows) 行，读出全部列）：\(Self.fmt(r.seconds)) 秒；比值 \(Self.fmt(seconds / max(r.seconds, 1e-6)))×
              SQL：\(sql)
            """)
        // The cases the full pass acted on are due again at once (they changed); a running
        // engine settles them in its next ticks. Settle them here so the tick figure below
        // counts only the cases whose deadline passed.
        var settled = 0
        while try store.engineDueCount(at: now) > 0 && settled < 10 {
            _ = try runner.tick(now: now)
            settled += 1
        }
    }

    func dueTick(at now: Instant, expected: Int) throws {
        let sql = """
            SELECT c.*, s.next_at FROM engine_schedule s JOIN cases c ON c.id = s.case_id \
            WHERE s.next_at <= ? ORDER BY s.next_at LIMIT \(rules.set.engine.maxCasesPerTick)
            """
        let dueCount = try store.engineDueCount(at: now)
        let plan = try store.queryPlan(sql, arguments: [now.secondsSinceEpoch])
        let r = try raw(sql, [now.secondsSinceEpoch])
        let (report, seconds, cpu) = try timedWithProcessor { try runner.tick(now: now) }
        print("""
            到期检查一次（tick）：\(try store.count(CaseQuery(openOnly: true))) 件未办结中 \(dueCount) 件到期（预期 \(expected)），\
            用时 \(Self.ms(seconds)) 毫秒（目标 ≤ 200 毫秒；处理器时间 \(Self.ms(cpu)) 毫秒）；检查 \(report.evaluated) 件，执行 \(report.applied) 条规则、写入 \(report.events) 条事件\
            （选出和判断 \(Self.ms(report.readAndEvaluateSeconds)) 毫秒，写入 \(Self.ms(report.writeSeconds)) 毫秒）
              同一选择的原始 SQL（\(r.rows) 行，读出全部列）：\(Self.ms(r.seconds)) 毫秒；比值 \(Self.fmt(seconds / max(r.seconds, 1e-6)))×
              查询计划：\(plan.joined(separator: "；"))
            """)
    }

    func replay(to end: Instant, days: Int) throws {
        try replayFigure(to: end, days: days, label: "全部未办结")
    }

    func replayFigure(to end: Instant, days: Int, label: String) throws {
        let from = end - Int64(days) * 86_400
        let sql = """
            SELECT e.* FROM cases c JOIN events e ON e.case_id = c.id \
            WHERE c.reported_at <= ? AND (c.is_open = 1 OR c.last_at >= ? OR c.reported_at >= ?) ORDER BY e.case_id, e.case_version
            """
        let r = try raw(sql, [end.secondsSinceEpoch, from.secondsSinceEpoch, from.secondsSinceEpoch])
        let (report, seconds, cpu) = try timedWithProcessor { try RulesReplay(workspace: workspace, rules: rules).run(from: from, to: end) }
        print("""
            回放 \(days) 天（\(label)）：重新判断 \(report.casesReplayed) 件、读取 \(report.eventsRead) 条事件，用时 \(Self.fmt(seconds)) 秒（目标 ≤ 60 秒；处理器时间 \(Self.fmt(cpu)) 秒）；\
            动作不同的案件 \(report.casesDiffering) 件
              同一选择的原始 SQL（\(r.rows) 行事件，读出全部列）：\(Self.fmt(r.seconds)) 秒；比值 \(Self.fmt(seconds / max(r.seconds, 1e-6)))×
            """)
    }
}
