import ArgumentParser
import WanggeApp
import WanggeAssessment
import WanggeCore
import WanggeTUI

/// `wangge ranking`: the monthly 红黑榜 of property companies and departments.
struct RankingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ranking", abstract: "红黑榜：物业公司和部门的月度排名（前几名和后几名，附每一名次背后的指标）",
        discussion: "得分 = 按期处置率×40% + 满意率×30% + (1−返工率)×15% + (1−回退率)×15%；某项无数据时不计，其余权重按比例放大。期内判定的处置轮次少于 --min-rounds 的单位不排名。")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "property（物业）、department（部门）或 all") var kind: String = "all"
    @Option(help: "红榜、黑榜各列几名") var top: Int = 3
    @Option(name: .customLong("min-rounds"), help: "参与排名至少需要的已判定处置轮次") var minRounds: Int = 5
    @Option(help: "输出格式：table/markdown/json") var format: ReportFormat = .table

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let period = try period.period(env)
            let kinds: [UnitKind]
            switch kind {
            case "all": kinds = [.property, .department]
            default:
                guard let k = UnitKind(rawValue: kind) else { throw ValidationError("无效的 --kind \(kind)（property/department/all）") }
                kinds = [k]
            }
            guard top > 0 else { throw ValidationError("--top 至少为 1") }
            let service = AssessmentService(workspace: env.workspace)
            let results = try kinds.map { try service.ranking(period, kind: $0, top: top, minimumRounds: minRounds, as: env.person, now: env.now) }
            let title = "红黑榜：\(RankingText.periodText(period, env.calendar))上报的案件，截至 \(env.calendar.civil(period.asOf ?? env.now).formatted())"
            switch format {
            case .json: print(RankingText.json(results, title: title).serialized())
            case .markdown: print(TextTable.neutralised(RankingText.markdown(results, title: title)), terminator: "")
            case .table, .csv:
                print(TextTable.neutralised(title))
                for result in results {
                    for (name, entries) in RankingText.sections(result) {
                        print("\n\(name)")
                        var table = TextTable(headers: RankingText.header)
                        table.rows = entries
                        print(table.render(), terminator: "")
                    }
                }
            }
        }
    }
}
