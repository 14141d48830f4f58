import ArgumentParser
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTUI

/// `wangge routine`: the routine work log (五查三问).
struct RoutineGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routine", abstract: "日常工作日志（五查三问）：记录巡查走访、列出记录、把发现的问题转为案件",
        subcommands: [RoutineAddCommand.self, RoutineListCommand.self, RoutineReportCommand.self])
}

struct RoutineAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "记录一次巡查或入户走访",
        discussion: "--finding 可写多次，形如 hazard:楼道堆放杂物 或 安全隐患:楼道堆放杂物。问题项：\(RoutineItem.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }.joined(separator: "、"))。")
    @OptionGroup var global: GlobalOptions
    @Option(help: "网格编码") var grid: String
    @Option(help: "楼栋编码") var building: String?
    @Option(help: "patrol（巡查）或 visit（入户走访）") var kind: String = "patrol"
    @Option(help: "走访时间（默认现在）") var at: String?
    @Option(help: "发现的问题：问题项:内容（可多次）") var finding: [String] = []
    @Option(help: "备注（五查三问一切正常时可写“无异常”）") var note: String = ""
    @Option(help: "幂等键：同一键只记录一次") var key: String?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            guard let kind = RoutineKind(rawValue: kind) else { throw ValidationError("无效的 --kind \(kind)（patrol 或 visit）") }
            var findings: [(item: RoutineItem, text: String)] = []
            for (i, typed) in finding.enumerated() {
                guard let colon = typed.firstIndex(where: { $0 == ":" || $0 == "：" }),
                      let item = RoutineItem(typed: String(typed[..<colon])) else {
                    throw ValidationError("第 \(i + 1) 个 --finding「\(typed)」应形如 hazard:内容；问题项为 \(RoutineItem.allCases.map(\.rawValue).joined(separator: "/"))")
                }
                findings.append((item, String(typed[typed.index(after: colon)...])))
            }
            let when = try at.map { try env.parseTime($0) } ?? env.now
            let entry = try RoutineService(workspace: env.workspace).record(
                RoutineEntry(worker: env.person.login, grid: grid, building: building, kind: kind, at: when, note: note, found: findings),
                as: env.person, at: env.now, idempotencyKey: key)
            print("已记录工作日志 #\(entry.id)：\(kind.chineseName) \(env.workspace.organisation.grid(entry.grid)?.name ?? entry.grid)，发现 \(entry.findings.count) 条")
            for f in entry.findings {
                print("  \(entry.id)-\(f.number) \(f.item.chineseName)：\(TextSanitizer.neutralise(f.text))（转为案件：wangge routine report \(entry.id)-\(f.number) --category 分类编码）")
            }
        }
    }
}

struct RoutineListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出期内的工作日志")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "只看某位网格员（登录名）") var worker: String?
    @Option(help: "只看某个网格") var grid: String?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let p = try period.period(env)
            let entries = try RoutineService(workspace: env.workspace).list(from: p.from, to: p.to, worker: worker, grid: grid, as: env.person)
            let org = env.workspace.organisation
            var table = TextTable(headers: ["编号", "时间", "网格员", "网格", "类型", "发现", "转为案件", "备注"], flexibleColumn: 5)
            for e in entries {
                let findings = e.findings.map { "\($0.number).\($0.item.chineseName)：\($0.text)" }.joined(separator: "；")
                table.rows.append([
                    String(e.id), CaseText.full(e.at, env.calendar), org.displayName(ofLogin: e.worker), org.grid(e.grid)?.name ?? e.grid,
                    e.kind.chineseName, findings.isEmpty ? "无" : findings,
                    e.cases.sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }.joined(separator: " "), e.note,
                ])
            }
            print(table.render(maxWidth: 240) + "共 \(entries.count) 条，发现 \(entries.reduce(0) { $0 + $1.findings.count }) 条，转为案件 \(entries.reduce(0) { $0 + $1.caseCount }) 件")
        }
    }
}

struct RoutineReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "把工作日志中的一条发现转为案件（发现上报，来源：网格巡查）；重复转换得到同一件案件")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "发现编号，形如 12-1（日志 12 的第 1 条）") var finding: String
    @Option(help: "分类编码") var category: String
    @Option(help: "标题（默认取发现的内容）") var title: String?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            guard let ref = RoutineEntry.parseReference(finding) else {
                throw ValidationError("无效的发现编号 \(finding)（应形如 12-1）")
            }
            let state = try RoutineService(workspace: env.workspace).report(
                entry: ref.entry, finding: ref.finding, category: category, title: title, as: env.person, at: env.now)
            print("已上报 \(state.code)：\(TextSanitizer.neutralise(state.title))（来自工作日志 \(ref.entry)-\(ref.finding)）")
        }
    }
}
