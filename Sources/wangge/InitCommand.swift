import ArgumentParser
import Foundation
import WanggeApp
import WanggeStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "用配置文件初始化数据库（组织架构、事件分类、工作日历）",
        discussion: "未给出分类或日历文件时使用内置的标准分类和 2026 年日历。重新运行会替换配置；任一文件有错则什么都不写。")

    @OptionGroup var global: GlobalOptions
    @Option(help: "组织架构文件 org.toml") var org: String
    @Option(help: "事件分类文件 categories.toml") var categories: String?
    @Option(help: "工作日历文件 calendar.toml") var calendar: String?

    func run() throws {
        try ErrorReporting.run {
            func read(_ path: String) throws -> String {
                guard let data = FileManager.default.contents(atPath: path) else { throw AppError.badInput("无法读取文件 \(path)") }
                guard let text = String(data: data, encoding: .utf8) else { throw AppError.badInput("\(path) 不是 UTF-8 文本") }
                return text
            }
            let orgText = try read(org)
            let categoriesText = try categories.map(read) ?? DemoConfiguration.categoriesTOML
            let calendarText = try calendar.map(read) ?? DemoConfiguration.calendarTOML
            // Validate before the database file is even created: a bad file writes nothing.
            _ = try Workspace.parse(organisation: orgText, categories: categoriesText, calendar: calendarText,
                                    files: (org, categories ?? "（内置）categories.toml", calendar ?? "（内置）calendar.toml"))
            let path = global.databasePath()
            let store = try global.openStore(path: path)
            let context = try Workspace.install(
                organisation: orgText, categories: categoriesText, calendar: calendarText, into: store,
                files: (org, categories ?? "categories.toml", calendar ?? "calendar.toml"))
            print("已初始化 \(path)：\(context.organisation.grids.count) 个网格，\(context.organisation.people.count) 名人员，\(context.catalog.categories.count) 个分类")
        }
    }
}
