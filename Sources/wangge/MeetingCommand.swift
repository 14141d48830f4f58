import ArgumentParser
import WanggeApp
import WanggeCore
import WanggeRules

/// `wangge meeting`: the agenda of the next 三五联席会议.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "三五联席会议议程：下一个 5 日、15 日或 25 日，各层级未化解的升级案件",
        discussion: "议程包括升级到社区、街道、部门后仍未办结的案件，以及升级规则列入议程（含往期列入仍未化解）的案件。")
    @OptionGroup var global: GlobalOptions
    @Option(help: "从该日期起的下一次会议（默认今天），如 2026-11-20") var date: String?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let day: CivilDate
            if let date {
                guard let d = CivilDate(date.trimmingSpaces()) else { throw ValidationError("无效的日期 \(date)（应形如 2026-11-20）") }
                day = d
            } else {
                day = env.calendar.civil(env.now).date
            }
            let agenda = try MeetingAgendaBuilder.build(env.workspace, date: day, as: env.person)
            Output.say("三五联席会议 \(agenda.meeting) 议程：共 \(agenda.count) 件")
            let ws = env.workspace
            for (level, items) in agenda.levels {
                Output.say("\n【\(level.chineseName)层级】\(items.count) 件")
                var table = TextTable(headers: ["编号", "分类", "网格", "状态", "时限", "上报", "列入原因", "标题"], flexibleColumn: 7)
                for item in items {
                    let s = item.state
                    table.rows.append([
                        s.code, ws.context.catalog.category(s.category)?.nameZh ?? s.category, ws.organisation.grid(s.grid)?.name ?? s.grid,
                        s.status.chineseName, CaseText.timeLeft(s, calendar: ws.calendar, now: env.now).text,
                        CaseText.short(s.reportedAt, ws.calendar),
                        (item.carriedOver ? "（往期遗留）" : "") + item.reasons.joined(separator: "；"), s.title,
                    ])
                }
                Output.say(table.render(maxWidth: 240), terminator: "")
            }
        }
    }
}
