import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "建立（或打开已有的）演示数据库并进入控制台",
        discussion: "演示数据库默认位于 $XDG_DATA_HOME/wangge/demo.sqlite；同一种子总是生成相同的数据。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions
    @Option(help: "案件数量") var cases: Int = 3_000
    @Option(help: "随机种子") var seed: UInt64 = 1
    @Flag(help: "删除已有的演示数据库后重建") var reset = false
    @Flag(name: .customLong("no-console"), help: "只建库，不打开控制台") var noConsole = false
    @Option(name: .customLong("operator-role"), help: "当前系统用户在演示中的角色") var operatorRole: Role = .supervisor

    func run() throws {
        try ErrorReporting.run {
            let path = global.databasePath(defaultName: "demo.sqlite")
            let fm = FileManager.default
            if reset, fm.fileExists(atPath: path) {
                // Only a demo is thrown away: a real deployment's database has no plan.
                let store = try global.openStore(path: path)
                if try store.configuration(named: ConfigurationName.organisation) != nil,
                   try store.configuration(named: ConfigurationName.demoPlan) == nil {
                    throw AppError.badInput("\(path) 不是演示数据库（没有 demo.toml），--reset 不会删除它")
                }
                for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            }
            guard cases >= 0, cases <= 20_000_000 else { throw ValidationError("案件数量应在 0 到 20,000,000 之间") }
            if !fm.fileExists(atPath: path) {
                try build(path: path)
            } else {
                let store = try global.openStore(path: path)
                if try store.configuration(named: ConfigurationName.organisation) == nil {
                    try build(path: path)  // killed before the configuration was installed
                } else if let plan = try DemoBuilder.unfinishedPlan(in: store) {
                    let progress = ProgressLine(label: "继续生成演示案件")
                    FileHandle.standardError.write(Data("演示数据库 \(path) 上次没有建完，按原计划（\(plan.options.cases) 件）继续\n".utf8))
                    try DemoBuilder.resume(plan, into: store, progress: { done, total in progress.update(done, total) })
                    progress.finish()
                } else {
                    FileHandle.standardError.write(Data("使用已有的演示数据库 \(path)（--reset 重建）\n".utf8))
                }
            }
            let env = try GlobalOptions.with(db: path, global).environment(channel: noConsole ? .cli : .console)
            if noConsole {
                Output.say(DemoSummary.text(env))
                return
            }
            try ConsoleLauncher.run(env: env, options: console)
        }
    }

    func build(path: String) throws {
        let store = try global.openStore(path: path)
        let login = Identity.currentLogin()
        let calendar = try CalendarFile.parse(DemoConfiguration.calendarTOML, file: ConfigurationName.calendar)
        let now = try global.currentTime(calendar: calendar)
        let started = Date()
        let progress = ProgressLine(label: "生成演示案件")
        try DemoBuilder.build(
            into: store, options: .init(cases: cases, seed: seed, operatorLogin: login, operatorRole: operatorRole),
            now: now, progress: { done, total in progress.update(done, total) })
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        FileHandle.standardError.write(Data("已建立演示数据库 \(path)：\(cases) 件案件，用时 \(String(format: "%.1f", seconds)) 秒\n".utf8))
    }
}

extension GlobalOptions {
    /// The same options with a given database path.
    static func with(db: String, _ options: GlobalOptions) -> GlobalOptions {
        var copy = options
        copy.db = db
        return copy
    }
}

/// A one-line progress bar on stderr, only when stderr is a terminal.
final class ProgressLine {
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1
    var lastShown = -1

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != lastShown else { return }
        lastShown = percent
        let filled = percent / 5
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)% \(done)/\(total)".utf8))
    }

    func finish() {
        if enabled && lastShown >= 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

enum DemoSummary {
    static func text(_ env: CommandEnvironment) -> String {
        let store = env.workspace.store
        let org = env.workspace.organisation
        let total = (try? store.count(CaseQuery())) ?? 0
        let open = (try? store.count(CaseQuery(openOnly: true))) ?? 0
        let overdue = (try? store.count(CaseQuery(overdueAt: env.now))) ?? 0
        return """
            演示数据库：\(store.path)
            \(org.streets.count) 个街道，\(org.communities.count) 个社区，\(org.grids.count) 个网格（专属网格 \(org.grids.filter { $0.kind.isExclusive }.count) 个），\(org.people.count) 名人员，\(org.units.count) 个部门和物业
            案件 \(total) 件：未办结 \(open) 件，其中超期 \(overdue) 件
            当前操作人：\(env.person.name)（\(env.person.login)，\(env.person.role.chineseName)）
            试试：wangge --db \(store.path) case list --overdue
            """
    }
}
