import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

nonisolated(unsafe) private var engineStopSignal: sig_atomic_t = 0

private func requestEngineStop(_ signal: Int32) { engineStopSignal = signal }

/// `wangge engine`: the escalation engine in the foreground. It logs to stderr, ticks
/// every `tick_seconds`, holds the lease while it runs, and on SIGTERM or SIGINT
/// finishes the tick in progress, gives the lease back and exits 0.
struct EngineRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "运行自动升级引擎（前台运行，日志写到标准错误；收到 SIGTERM 时干净退出）",
        discussion: """
            引擎以系统身份 engine（县级督办员权限）按规则升级、督办、吹哨。多个引擎可同时运行：同一时刻只有持有租约的一个执行，\
            它停止后其他引擎在租约到期后接管；每个动作带幂等键，不会重复执行。--now 固定评估时间（租约仍按真实时间）。
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "只执行一次检查后退出") var once = false
    @Flag(name: .customLong("until-idle"), help: "连续检查，直到没有到期待查的案件再退出（停机后补做、测试）") var untilIdle = false
    @Option(help: "两次检查之间的秒数（默认取规则文件 [engine] tick_seconds）") var tick: Int?
    @Option(name: .customLong("rules"), help: "使用该规则文件而不是数据库中的规则（试运行）") var rulesFile: String?
    @Flag(name: .customLong("without-lease"), help: "（测试用）不取租约，只靠幂等键防止重复") var withoutLease = false
    @Option(help: "引擎名称，写入租约（默认 主机名:进程号）") var name: String?

    func run() throws {
        try ErrorReporting.run {
            let path = global.databasePath()
            guard FileManager.default.fileExists(atPath: path) else { throw AppError.notInitialised(path) }
            let workspace = try Workspace(store: try global.openStore(path: path))
            let rules = try rulesFile.map { try EngineRulesFile.load($0, workspace) } ?? EngineRules.load(workspace)
            let holder = name ?? "\(ProcessInfo.processInfo.hostName):\(getpid())"
            let runner = EngineRunner(workspace: workspace, rules: rules, holder: holder, wallClock: { SystemClock.now() })
            runner.useLease = !withoutLease
            runner.stopwatch = { Date().timeIntervalSinceReferenceDate }
            let interval = max(1, tick ?? rules.set.engine.tickSeconds)
            log("引擎 \(holder) 启动：\(rules.source.chineseName)，\(rules.set.rules.count) 条规则，每 \(interval) 秒检查一次")
            signal(SIGTERM, requestEngineStop)
            signal(SIGINT, requestEngineStop)
            // A parent may have started us with these blocked (a test runner's thread, a
            // supervisor); a service must hear them.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, SIGTERM)
            sigaddset(&unblock, SIGINT)
            sigprocmask(SIG_UNBLOCK, &unblock, nil)
            var standby = false
            var idle = false
            while engineStopSignal == 0 && !idle {
                let now = try global.currentTime(calendar: workspace.calendar)
                let started = Date()
                do {
                    if try runner.reloadRulesIfChanged() { log("规则已更新：\(runner.rules.source.chineseName)，\(runner.rules.set.rules.count) 条规则") }
                    let report = try runner.tick(now: now)
                    if untilIdle, case .active = report.mode, report.evaluated == 0 { idle = true }
                    let ms = Int(Date().timeIntervalSince(started) * 1000)
                    if case .standby = report.mode {
                        if !standby || once { log(report.summary) }
                        standby = true
                    } else {
                        standby = false
                        if report.evaluated > 0 || once { log("\(report.summary)（\(ms) 毫秒）") }
                        for line in report.lines { log("  " + line) }
                        for refusal in report.refusals { log("  拒绝：" + refusal) }
                    }
                    runner.tidySearchIndex(after: report)
                } catch let lost as EngineLeaseLost {
                    log(lost.description)
                }
                if once { break }
                // Catching up: the next tick at once, unless another engine holds the
                // lease (then wait for it, a second at a time, as in standby).
                if untilIdle && !standby { continue }
                let until = Date().addingTimeInterval(Double(untilIdle ? 1 : interval))
                while engineStopSignal == 0 && Date() < until { usleep(100_000) }
            }
            runner.stop()
            if engineStopSignal != 0 { log("收到信号 \(engineStopSignal)，引擎已停止并交还租约") }
        }
    }

    func log(_ line: String) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        FileHandle.standardError.write(Data("[\(stamp)] \(TextSanitizer.neutralise(line, singleLine: false))\n".utf8))
    }
}

/// Reads a rules file from disk for `--rules` and `rules check`.
enum EngineRulesFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw AppError.badInput("无法读取文件 \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw AppError.badInput("\(path) 不是 UTF-8 文本") }
        return text
    }

    static func load(_ path: String, _ workspace: Workspace) throws -> LoadedRules {
        try EngineRules.parse(try read(path), file: path, source: .file(path), workspace: workspace)
    }
}
