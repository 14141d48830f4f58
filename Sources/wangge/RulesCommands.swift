import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeRules
import WanggeStore

/// `wangge rules …`: check, export, install, explain and replay the escalation rules.
struct RulesGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "升级规则：检查、导出、安装、解释、回放",
        subcommands: [RulesCheckCommand.self, RulesExportCommand.self, RulesInstallCommand.self, RulesExplainCommand.self,
                      RulesReplayCommand.self])
}

struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "检查规则文件：未知的键、无效的值、互相矛盾或永远不会生效的规则都报出 文件:行:列",
        discussion: "数据库已初始化时，同时核对分类编码和部门编码是否存在。")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "规则文件（省略时检查数据库中的规则或内置规则）") var file: String?

    func run() throws {
        try ErrorReporting.run {
            let path = global.databasePath()
            let workspace = FileManager.default.fileExists(atPath: path) ? try? Workspace(store: try global.openStore(path: path)) : nil
            let loaded: (set: RuleSet, source: String)
            if let file {
                let text = try EngineRulesFile.read(file)
                if let workspace {
                    loaded = (try EngineRules.parse(text, file: file, source: .file(file), workspace: workspace).set, file)
                } else {
                    loaded = (try EngineRules.parseStandalone(text, file: file), file)
                }
            } else if let workspace {
                let rules = try EngineRules.load(workspace)
                loaded = (rules.set, rules.source.chineseName)
            } else {
                loaded = (try EngineRules.parseStandalone(DefaultRules.text, file: DefaultRules.fileName), DefaultRules.fileName)
            }
            let set = loaded.set
            Output.say("规则检查通过：\(loaded.source)，\(set.rules.count) 条规则，\(set.inhibitions.count) 条抑制，重复上报检测\(set.duplicates.enabled ? "已开启" : "已关闭")"
                  + (workspace == nil ? "（未连接数据库，未核对分类和部门编码）" : ""))
            for rule in set.rules {
                Output.say("  \(rule.order)\t\(rule.id)\t\(rule.description)\(rule.stop ? "（stop）" : "")")
            }
        }
    }
}

struct RulesExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "导出规则（默认导出内置规则）")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "导出数据库中正在使用的规则") var current = false
    @Option(name: .shortAndLong, help: "写入该文件（默认标准输出）") var output: String?

    func run() throws {
        try ErrorReporting.run {
            var text = DefaultRules.text
            if current {
                let workspace = try Workspace(store: try global.openStore(path: global.databasePath()))
                text = try EngineRules.load(workspace).text
            }
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                    throw AppError.badInput("无法写入 \(output)")
                }
                FileHandle.standardError.write(Data("已写入 \(output)\n".utf8))
            } else {
                Output.file(text)
            }
        }
    }
}

struct RulesInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install", abstract: "检查并把规则文件存入数据库（管理员）；所有控制台和引擎下一次检查起使用新规则")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "规则文件") var file: String

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            try env.service.authorise(.manageOrganisation, as: env.person, at: env.now)
            let loaded = try EngineRules.install(try EngineRulesFile.read(file), file: file, into: env.workspace)
            Output.say("已安装规则 \(file)：\(loaded.set.rules.count) 条规则；引擎将重新检查全部未办结案件")
        }
    }
}

struct RulesExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "解释规则：哪些规则现在适用于该案件，哪些不适用、为什么")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "案件编号") var code: String
    @Option(name: .customLong("rules"), help: "用该规则文件解释（默认数据库中的规则）") var rulesFile: String?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let rules = try rulesFile.map { try EngineRulesFile.load($0, env.workspace) } ?? EngineRules.load(env.workspace)
            let state = try env.service.load(code, as: env.person, at: env.now)
            Output.say(try RulesExplainText.render(state, rules: rules, workspace: env.workspace, at: env.now), terminator: "")
        }
    }
}
