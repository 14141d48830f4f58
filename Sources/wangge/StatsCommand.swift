import ArgumentParser
import WanggeApp
import WanggeAssessment
import WanggeCore
import WanggeTUI

extension AssessmentDimension: ExpressibleByArgument {}
extension Figure: ExpressibleByArgument {}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
}

/// `--month` or `--from`/`--to`, and `--as-of`: the period of a set of figures.
struct PeriodOptions: ParsableArguments {
    @Option(help: "统计月份，如 2026-10（默认本月）") var month: String?
    @Option(help: "开始（含），本地日期或时间，如 2026-10-01") var from: String?
    @Option(help: "结束（不含），如 2026-11-01") var to: String?
    @Option(name: .customLong("as-of"), help: "按某一时刻的事件日志统计（该时刻之后的事件不计，未办结的按该时刻判断是否超期）") var asOf: String?

    func period(_ env: CommandEnvironment) throws -> AssessmentPeriod {
        let calendar = env.calendar
        var period: AssessmentPeriod
        if let month {
            let parts = month.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else {
                throw ValidationError("无效的月份 \(month)（应形如 2026-10）")
            }
            guard from == nil, to == nil else { throw ValidationError("--month 与 --from/--to 只能选一种") }
            period = AssessmentPeriod.month(year: y, month: m, calendar: calendar)
        } else {
            period = AssessmentPeriod.month(of: env.now, calendar: calendar)
            if let from { period.from = try env.parseTime(from) }
            if let to { period.to = try env.parseTime(to) }
        }
        guard period.from < period.to else { throw ValidationError("开始时间应早于结束时间") }
        period.asOf = try asOf.map { try env.parseTime($0) }
        return period
    }
}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "考核统计：按网格、网格员、社区、街道、部门或承办人，统计期内上报案件的各项指标",
        discussion: "各项指标的口径见 README“考核指标”一节，或用 --explain 查看某一行的分子、分母和公式。")
    @OptionGroup var global: GlobalOptions
    @Option(help: "分组：\(AssessmentDimension.allCases.map(\.rawValue).joined(separator: "/"))") var by: AssessmentDimension = .grid
    @OptionGroup var period: PeriodOptions
    @Option(help: "输出格式：table/csv/json/markdown") var format: ReportFormat = .table
    @Option(help: "逐项说明某一行（编码，或“合计”）的分子、分母和公式") var explain: String?
    @Option(name: .customLong("cases"), help: "列出某项指标计入的案件（指标名如 handled_on_time），与 --key 一起用") var casesOf: Figure?
    @Option(help: "与 --cases 一起用：哪一行（编码；省略为合计）") var key: String?
    @Flag(help: "与 --cases 一起用：只列拉低该指标的案件（超期、未结案、返工……）") var failing = false

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let period = try period.period(env)
            let service = AssessmentService(workspace: env.workspace)
            if let figure = casesOf {
                let ids = try service.cases(behind: figure, key: key ?? "", selection: failing ? .failing : .counted,
                                            dimension: by, period, as: env.person, now: env.now)
                let states = try ids.compactMap { try env.workspace.store.caseState(id: $0) }
                print(CaseListOutput.render(states, format: .table, env: env, at: period.asOf ?? env.now), terminator: "")
                return
            }
            let report = try service.report(by, period, as: env.person, now: env.now)
            if let explain {
                guard let text = AssessmentExport.explain(report, key: explain, calendar: env.calendar) else {
                    throw ValidationError("按\(by.chineseName)统计时没有编码为 \(explain) 的一行")
                }
                print(TextTable.neutralised(text), terminator: "")
                return
            }
            switch format {
            case .table:
                var table = TextTable(headers: AssessmentExport.header(report))
                table.rows = AssessmentExport.cells(report)
                print(TextTable.neutralised(AssessmentExport.title(report, calendar: env.calendar)))
                print(table.render(maxWidth: 400), terminator: "")
            case .csv: print(TextTable.neutralised(AssessmentExport.csv(report)), terminator: "")
            case .json: print(AssessmentExport.json(report, calendar: env.calendar).serialized())
            case .markdown: print(TextTable.neutralised(AssessmentExport.markdown(report, calendar: env.calendar)), terminator: "")
            }
        }
    }
}

extension TextTable {
    /// Free text for the terminal: escape sequences and control characters made harmless,
    /// line breaks kept.
    static func neutralised(_ text: String) -> String { TextSanitizer.neutralise(text, singleLine: false) }
}
