import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "按顺序列出事件日志")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "只看某个案件") var code: String?
    @Option(help: "从该序号之后开始") var after: Int64 = 0
    @Option(help: "最多几条") var limit: Int = 100

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let store = env.workspace.store
            var caseID: Int64?
            if let code { caseID = try env.service.load(code, as: env.person, at: env.now).id }
            var codes: [Int64: CaseState] = [:]
            var table = TextTable(headers: ["序号", "时间", "案件", "版本", "操作人", "事件", "哈希"], flexibleColumn: 5)
            for stored in try store.log(afterSeq: after, limit: limit, caseID: caseID) {
                let e = stored.event
                if codes[e.caseID] == nil { codes[e.caseID] = try store.caseState(id: e.caseID) }
                guard let state = codes[e.caseID],
                      Permissions.check(env.person, .view, grid: state.grid, caseState: state, organisation: env.workspace.organisation) == nil
                else { continue }
                table.rows.append([
                    String(stored.seq), CaseText.full(e.at, env.calendar), state.code, String(e.version),
                    env.workspace.organisation.displayName(ofLogin: e.actor), CaseText.eventDetail(e, workspace: env.workspace),
                    String(stored.hash.prefix(12)),
                ])
            }
            Output.say(table.render(), terminator: "")
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "校验事件哈希链，并核对由事件重建的投影与现有投影是否一致")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "只做控制台启动时的快速校验（触发器、结构版本、新事件、滚动抽查），并报告读了多少、用了多久")
    var quick = false

    func run() throws {
        try ErrorReporting.run {
            let path = global.databasePath()
            guard FileManager.default.fileExists(atPath: path) else { throw AppError.notInitialised(path) }
            let store = try global.openStore(path: path)
            if quick { return try runQuick(store) }
            let report = try store.check()
            if report.isClean {
                // Consoles starting later need verify only what comes after this.
                try? store.markFullyChecked()
                Output.say("完整性校验通过：\(report.eventsChecked) 条事件哈希链完整，\(report.casesChecked) 件案件的投影与重建结果一致，安全日志 \(report.refusalsChecked) 条记录完整")
                return
            }
            if let first = report.firstBadEvent { Output.say("第一个有问题的事件：#\(first)") }
            for problem in report.problems { Output.say("✗ \(problem)") }
            Output.say("完整性校验失败：\(report.problems.count) 处问题（共检查 \(report.eventsChecked) 条事件）")
            throw ExitCode(1)
        }
    }

    func runQuick(_ store: SQLiteCaseStore) throws {
        let clock = ContinuousClock()
        let started = clock.now
        let report = try store.startupCheck(limits: .from(environment: ProcessInfo.processInfo.environment["WANGGE_QUICK_CHECK"]))
        let elapsed = started.duration(to: clock.now)
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let read = "核验 \(report.eventsVerified) 条事件、\(report.casesVerified) 件案件的投影，用时 \(Int(ms.rounded())) ms"
            + (report.partial ? "（新事件过多，只核验了最新的部分）" : "")
        if report.isClean {
            Output.say("快速校验通过：\(read)")
            return
        }
        for problem in report.problems { Output.say("✗ \(problem)") }
        Output.say("快速校验发现 \(report.problems.count) 处问题（\(read)）；请运行 wangge check 全面校验")
        throw ExitCode(1)
    }
}

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rebuild", abstract: "由事件日志重建投影（管理员）")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            try env.service.authorise(.manageOrganisation, as: env.person, at: env.now)
            try env.workspace.store.rebuildProjections()
            Output.say("已由事件日志重建投影")
        }
    }
}

struct PermissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "permissions", abstract: "打印权限矩阵（Markdown）")

    func run() throws {
        Output.say(PermissionMatrixText.markdown())
    }
}
