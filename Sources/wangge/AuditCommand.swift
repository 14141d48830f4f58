import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

/// `wangge audit`: who did what and who was refused, by operator and period.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "审计：按操作人和时段列出执行的操作（事件日志）和被拒绝的尝试（安全日志）",
        discussion: "管理员可看全部；督办员和领导只看其辖区内案件的记录。--to 只写日期时包含该日全天。")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("operator"), help: "只看该登录名（执行人、冒用的身份或系统用户）") var login: String?
    @Option(help: "起始时间（含），如 2026-11-01 或 2026-11-01T08:00") var from: String?
    @Option(help: "截止时间（不含；只写日期时含该日全天）") var to: String?
    @Flag(help: "只列被拒绝的尝试") var refused = false
    @Option(help: "最多列出最近的几条") var limit: Int = 200
    @Option(help: "输出格式：table/json") var format: OutputFormat = .table

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            guard limit > 0 else { throw ValidationError("--limit 应大于 0") }
            var end = try to.map { try env.parseTime($0) }
            if let to, !to.contains(":"), let start = end { end = start + 86_400 }
            let query = AuditQuery(actor: login, from: try from.map { try env.parseTime($0) }, to: end, limit: limit)
            let entries = try env.service.audit(query, refusedOnly: refused, as: env.person, at: env.now)
            Output.say(render(entries, env: env), terminator: "")
        }
    }

    func render(_ entries: [AuditEntry], env: CommandEnvironment) -> String {
        let org = env.workspace.organisation
        if format == .json {
            return Output.terminalSafe(JSONValue.array(entries.map { e in
                JSONValue.object([
                    ("at", .string(CaseText.full(e.at, env.calendar))), ("actor", .string(e.actor)),
                    ("os_login", e.osLogin.map(JSONValue.string) ?? .null), ("channel", e.channel.map(JSONValue.string) ?? .null),
                    ("outcome", .string(e.outcome.rawValue)), ("action", .string(e.action)),
                    ("case", e.caseCode.map(JSONValue.string) ?? .null), ("reason", e.reason.map(JSONValue.string) ?? .null),
                    ("detail", .string(e.detail)),
                ])
            }).serialized()) + "\n"
        }
        var table = TextTable(headers: ["时间", "操作人", "系统用户", "渠道", "结果", "案件", "内容"], flexibleColumn: 6)
        for e in entries {
            table.rows.append([
                CaseText.full(e.at, env.calendar), Self.who(e.actor, org), e.osLogin ?? "—",
                e.channel.flatMap(SecurityLogger.Channel.init(rawValue:))?.chineseName ?? "—", e.outcome.chineseName,
                e.caseCode ?? "—", e.detail,
            ])
        }
        let refusals = entries.filter { $0.outcome == .refused }.count
        return table.render() + "共 \(entries.count) 条：执行 \(entries.count - refusals) 条，拒绝 \(refusals) 条\n"
    }

    /// "李明（li.ming）", or just the login when it names nobody of the organisation.
    static func who(_ login: String, _ organisation: Organisation) -> String {
        let name = organisation.displayName(ofLogin: login)
        return name == login || name.contains(login) ? name : "\(name)（\(login)）"
    }
}
