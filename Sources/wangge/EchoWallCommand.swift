import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore

/// `wangge echo-wall`: the public page of settled cases (回音壁).
struct EchoWallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo-wall", abstract: "回音壁：把期内办结的案件写成静态网页（index.html，无脚本，手机可看）和 Markdown（echo-wall.md）",
        discussion: "姓名、手机和座机号码、身份证号、门牌号在标题、处理结果等所有文字中一律隐去；治安（13）和重点人员（14）类不予公开。")
    @OptionGroup var global: GlobalOptions
    @Option(help: "输出目录（不存在则创建）") var out: String
    @Option(help: "办结月份，如 2026-10（默认本月）") var month: String?
    @Option(help: "办结时间起（含）") var from: String?
    @Option(help: "办结时间止（不含）") var to: String?
    @Option(help: "最多公开多少件（最近办结的在前）") var limit: Int = 500
    @Option(help: "不予公开的分类编码前缀，逗号分隔") var withhold: String = EchoWall.defaultWithheld.joined(separator: ",")

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let period = try PeriodOptions(month: month, from: from, to: to, asOf: nil).period(env)
            guard limit > 0 else { throw ValidationError("--limit 至少为 1") }
            let wall = try EchoWall.build(env.workspace, from: period.from, to: period.to, limit: limit,
                                          withheld: withhold.split(separator: ",").map { String($0).trimmingSpaces() }, as: env.person)
            let fm = FileManager.default
            do {
                try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
                let county = env.workspace.organisation.county
                let html = (out as NSString).appendingPathComponent("index.html")
                let markdown = (out as NSString).appendingPathComponent("echo-wall.md")
                try Data(EchoWallPages.html(wall, county: county, calendar: env.calendar).utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
                try Data(EchoWallPages.markdown(wall, county: county, calendar: env.calendar).utf8).write(to: URL(fileURLWithPath: markdown), options: .atomic)
                print("回音壁：\(wall.items.count) 件已办结案件（另有 \(wall.withheld) 件不予公开）→ \(html)、\(markdown)")
            } catch {
                throw AppError.badInput("无法写入 \(out)：\(error.localizedDescription)")
            }
        }
    }
}

extension PeriodOptions {
    init(month: String?, from: String?, to: String?, asOf: String?) {
        self.init()
        self.month = month
        self.from = from
        self.to = to
        self.asOf = asOf
    }
}
