import ArgumentParser
import WanggeApp
import WanggeCore
import WanggeTUI

/// `wangge meeting`: the agenda of the next 三五联席会议 (the default), the decision taken
/// on an agenda case, and the minutes of a meeting.
struct MeetingGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "三五联席会议：议程（默认）、记录对议程案件的决定、会议纪要",
        subcommands: [MeetingCommand.self, MeetingDecideCommand.self, MeetingMinutesCommand.self], defaultSubcommand: MeetingCommand.self)
}

struct MeetingDecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "记录联席会议对一件议程案件的决定（谁决定、决定什么、何时前办结），作为该案件的一条事件",
        discussion: "可记录者与督办相同（督办员、领导，辖区内）。会议日须为 5 日、15 日或 25 日，且案件在该次会议的议程上。")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "案件编号") var code: String
    @Option(help: "会议日期，如 2026-11-25") var meeting: String
    @Option(help: "会议决定") var decision: String
    @Option(name: .customLong("by"), help: "作出决定的人（如 街道党工委书记 王某）") var decidedBy: String
    @Option(help: "办结期限（本地时间）") var deadline: String?
    @Option(name: .customLong("expect-version"), help: "案件应处于的版本（否则拒绝）") var expectVersion: Int?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            guard let date = CivilDate(meeting.trimmingSpaces()) else { throw ValidationError("无效的会议日期 \(meeting)（应形如 2026-11-25）") }
            let outcome = try MeetingMinutes.record(
                env.workspace, code: code, meeting: date, decision: decision, decidedBy: decidedBy,
                deadline: try deadline.map { try env.parseTime($0) }, as: env.person, at: env.now)
            print(TextSanitizer.neutralise(CaseText.outcomeLine(outcome, workspace: env.workspace)))
        }
    }
}

struct MeetingMinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "minutes", abstract: "会议纪要：某次联席会议记录的全部决定")
    @OptionGroup var global: GlobalOptions
    @Option(help: "会议日期，如 2026-11-25") var meeting: String

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            guard let date = CivilDate(meeting.trimmingSpaces()) else { throw ValidationError("无效的会议日期 \(meeting)（应形如 2026-11-25）") }
            let decisions = try MeetingMinutes.decisions(env.workspace, meeting: date, as: env.person)
            print("三五联席会议 \(date) 纪要：共 \(decisions.count) 项决定")
            var table = TextTable(headers: ["编号", "层级", "决定", "决定人", "办结期限", "记录人", "标题"], flexibleColumn: 6)
            for d in decisions {
                table.rows.append([
                    d.code, d.level.chineseName, d.decision, d.decidedBy, d.deadline.map { CaseText.full($0, env.calendar) } ?? "—",
                    env.workspace.organisation.displayName(ofLogin: d.recordedBy), d.title,
                ])
            }
            print(table.render(maxWidth: 240), terminator: "")
        }
    }
}
