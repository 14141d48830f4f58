import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore

struct RulesReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "回放：用现行或拟用的规则重新跑一段历史，列出升级的差异和考核指标的变化（不修改数据）",
        discussion: "在只读快照上于内存中回放：期初之前的历史保持不变，期内人的操作按原时间发生，引擎的动作由所给规则重新判断。")
    @OptionGroup var global: GlobalOptions
    @Option(help: "开始时间（本地时间，如 2026-10-20）") var from: String
    @Option(help: "结束时间（默认现在）") var to: String?
    @Option(name: .customLong("rules"), help: "拟用的规则文件（默认数据库中正在使用的规则）") var rulesFile: String?
    @Option(help: "最多列出多少件有差异的案件") var limit: Int = 50

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            guard env.person.scope == .county else {
                throw Refusal(.outOfScope, "回放汇总全区县的案件，只有县级范围的人员可以使用（\(env.person.name) 的范围是 \(env.person.scope)）")
            }
            let start = try env.parseTime(from)
            let end = try to.map { try env.parseTime($0) } ?? env.now
            guard start < end else { throw ValidationError("--from 应早于 --to") }
            let rules = try rulesFile.map { try EngineRulesFile.load($0, env.workspace) } ?? EngineRules.load(env.workspace)
            let began = Date()
            let report = try RulesReplay(workspace: env.workspace, rules: rules).run(from: start, to: end)
            let seconds = Date().timeIntervalSince(began)
            Output.say(RulesReplayText.render(report, rules: rules, calendar: env.calendar, seconds: seconds, limit: limit), terminator: "")
        }
    }
}
