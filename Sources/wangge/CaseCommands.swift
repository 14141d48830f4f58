import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTUI

struct CaseGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "查询案件", subcommands: [CaseListCommand.self, CaseShowCommand.self])
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出本人辖区内的案件")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("state"), help: "状态：\(CaseStatus.allCases.map(\.rawValue).joined(separator: "/"))") var status: [CaseStatus] = []
    @Flag(help: "只列未办结的案件") var open = false
    @Option(help: "网格编码") var grid: [String] = []
    @Option(help: "社区编码") var community: String?
    @Option(help: "层级：grid/community/street/department") var level: Level?
    @Flag(help: "只列已超期的案件") var overdue = false
    @Option(help: "承办人登录名或 unit:编码") var handler: String?
    @Option(help: "分类编码前缀") var category: String?
    @Option(help: "在编号、标题和描述中查找") var text: String?
    @Option(help: "排序：due/newest/oldest/code") var sort: String = "due"
    @Option(help: "最多列出几条（0 = 全部）") var limit: Int = 50
    @Option(help: "输出格式：table/json/csv") var format: OutputFormat = .table
    @Option(name: .customLong("as-of"), help: "按某一时刻的状态列出（由事件回放得到）") var asOf: String?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            guard let order = CaseOrder(rawValue: sort) else { throw ValidationError("无效的排序 \(sort)") }
            var h: Handler?
            if let handler {
                guard let parsed = Handler(text: handler) else { throw ValidationError("无效的承办人 \(handler)") }
                h = parsed
            }
            let asOfInstant = try asOf.map { try env.parseTime($0) }
            let at = asOfInstant ?? env.now
            let query = CaseQuery(
                statuses: status.isEmpty ? nil : Set(status), openOnly: open, overdueAt: overdue ? at : nil,
                grids: grid.isEmpty ? nil : grid, community: community, level: level, handler: h,
                categoryPrefix: category, text: text, order: order, limit: limit > 0 ? limit : nil)
            let cases = try asOfInstant.map { try env.service.list(query, asOf: $0, as: env.person) }
                ?? env.service.list(query, as: env.person)
            Output.say(CaseListOutput.render(cases, format: format, env: env, at: at), terminator: "")
        }
    }
}

enum CaseListOutput {
    static func render(_ cases: [CaseState], format: OutputFormat, env: CommandEnvironment, at now: Instant) -> String {
        let ws = env.workspace
        let org = ws.organisation
        switch format {
        case .table:
            var table = TextTable(headers: ["编号", "层级", "状态", "分类", "网格", "承办", "时限", "时长", "标题"], flexibleColumn: 8)
            for s in cases {
                table.rows.append([
                    s.code, s.level.chineseName, s.status.chineseName, ws.context.catalog.category(s.category)?.nameZh ?? s.category,
                    org.grid(s.grid)?.name ?? s.grid, CaseText.handlerName(s, org),
                    CaseText.timeLeft(s, calendar: ws.calendar, now: now).text, CaseText.age(s, now: now), s.title,
                ])
            }
            return table.render() + "共 \(cases.count) 条\n"
        case .json:
            return Output.terminalSafe(JSONValue.array(cases.map { CaseExport.json($0, workspace: ws, now: now) }).serialized()) + "\n"
        case .csv:
            var out = CaseExport.csvHeader.joined(separator: ",") + "\n"
            // Cells are neutralised like every other text we print: an escape sequence in a
            // title must not reach the terminal (line breaks stay, inside quoted cells).
            for s in cases {
                out += CaseExport.csvRow(s, workspace: ws, now: now)
                    .map { CaseExport.csvQuote(TextSanitizer.neutralise($0, singleLine: false)) }
                    .joined(separator: ",") + "\n"
            }
            return out
        }
    }
}

struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "显示案件的全部字段和完整时间线")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "案件编号") var code: String
    @Option(help: "输出格式：table/json") var format: OutputFormat = .table

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let state = try env.service.load(code, as: env.person, at: env.now)
            let events = try env.workspace.store.events(ofCase: state.id)
            let duplicates = try env.workspace.store.cases(CaseQuery(duplicateOf: state.code, order: .reportedAt))
            if format == .json {
                var json = CaseExport.json(state, workspace: env.workspace, now: env.now)
                if case .object(var pairs) = json {
                    pairs.append(("timeline", .array(events.map { e in
                        .object([("seq", .int(e.seq)), ("version", .int(Int64(e.event.version))), ("type", .string(e.event.body.kind.rawValue)),
                                 ("actor", .string(e.event.actor)), ("at", .string(CaseText.full(e.event.at, env.calendar))),
                                 ("payload", e.event.body.payload)])
                    })))
                    json = .object(pairs)
                }
                Output.json(json)
                return
            }
            // CaseDetailText returns titles and notes raw; neutralise before they reach the terminal.
            let text = CaseDetailText.render(state, events: events.map(\.event), duplicates: duplicates.map(\.code), workspace: env.workspace, now: env.now)
            Output.say(TextSanitizer.neutralise(text, singleLine: false), terminator: "")
        }
    }
}
