import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "用配置文件初始化数据库（组织架构、事件分类、工作日历）",
        discussion: "未给出分类或日历文件时使用内置的标准分类和 2026 年日历。重新运行会替换配置（仅管理员）；任一文件有错则什么都不写。")

    @OptionGroup var global: GlobalOptions
    @Option(help: "组织架构文件 org.toml") var org: String
    @Option(help: "事件分类文件 categories.toml") var categories: String?
    @Option(help: "工作日历文件 calendar.toml") var calendar: String?

    func run() throws {
        try ErrorReporting.run {
            // Validate before the database file is even created: a bad file writes nothing.
            let texts = try Self.read(org: org, categories: categories, calendar: calendar)
            let path = global.databasePath()
            let store = try global.openStore(path: path)
            try Self.requireAdminToReplace(store, global)
            let context = try Self.install(texts, into: store)
            Output.say("已初始化 \(path)：\(context.organisation.grids.count) 个网格，\(context.organisation.people.count) 名人员，\(context.catalog.categories.count) 个分类")
        }
    }

    /// Replacing an installed organisation is an administrator's act: anyone else could
    /// otherwise make themselves an admin. When the stored files no longer load, nobody
    /// is an admin any more and only root may replace them.
    static func requireAdminToReplace(_ store: SQLiteCaseStore, _ global: GlobalOptions) throws {
        guard try store.configuration(named: ConfigurationName.organisation) != nil else { return }
        do {
            let env = try global.environment()
            try env.service.authorise(.manageOrganisation, as: env.person, at: env.now)
        } catch AppError.configuration(let error) where geteuid() == 0 {
            ErrorReporting.printError("注意：已安装的配置无法读取（\(error)），以 root 身份替换")
        }
    }

    /// The three files' texts and names, checked together; the built-in categories and
    /// calendar stand in for the files not given.
    struct Texts {
        var organisation: String
        var categories: String
        var calendar: String
        var files: (String, String, String)
    }

    static func read(org: String, categories: String?, calendar: String?) throws -> Texts {
        func read(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else { throw AppError.badInput("无法读取文件 \(path)") }
            guard let text = String(data: data, encoding: .utf8) else { throw AppError.badInput("\(path) 不是 UTF-8 文本") }
            return text
        }
        let texts = Texts(
            organisation: try read(org), categories: try categories.map(read) ?? DemoConfiguration.categoriesTOML,
            calendar: try calendar.map(read) ?? DemoConfiguration.calendarTOML,
            files: (org, categories ?? "（内置）categories.toml", calendar ?? "（内置）calendar.toml"))
        _ = try Workspace.parse(organisation: texts.organisation, categories: texts.categories, calendar: texts.calendar, files: texts.files)
        return texts
    }

    static func install(_ texts: Texts, into store: SQLiteCaseStore) throws -> DomainContext {
        try Workspace.install(organisation: texts.organisation, categories: texts.categories, calendar: texts.calendar,
                              into: store, files: texts.files)
    }
}
