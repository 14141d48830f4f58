import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

struct ImportEventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "把 export events 导出的事件日志导入到空数据库，重建全部状态",
        discussion: "逐条校验哈希链；配置、事件、投影在一个事务中写入，任何一处有误都不写入。导入后可用 wangge check 校验。")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "事件日志文件（.jsonl）") var file: String

    func run() throws {
        try ErrorReporting.run {
            let path = global.databasePath()
            let store = try global.openStore(path: path)
            do {
                let count = try EventLogFile.importFile(file, into: store)
                let counts = try store.counts()
                Output.say("已导入 \(count) 条事件到 \(path)：哈希链逐条校验通过，重建了 \(counts.cases) 件案件的状态")
            } catch let error as ImportFileError {
                throw AppError.badInput("\(error)")
            } catch let error as EventLogImportError {
                throw AppError.badInput("\(file): \(error.message)")
            }
        }
    }
}

struct ExportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "导出事件日志或 Open311 数据",
        subcommands: [ExportEventsCommand.self, ExportOpen311Command.self])
}

struct ExportEventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "把全部配置和事件日志导出为 JSON Lines（一致的快照，可在其他进程写入时运行）")
    @OptionGroup var global: GlobalOptions
    @Option(help: "输出文件（.jsonl）") var out: String

    func run() throws {
        try ErrorReporting.run {
            let path = global.databasePath()
            guard FileManager.default.fileExists(atPath: path) else { throw AppError.notInitialised(path) }
            let store = try global.openStore(path: path)
            do {
                let summary = try EventLogFile.export(store, to: out)
                Output.say("已导出 \(summary.events) 条事件到 \(out)（最后一条哈希 \(summary.lastHash.prefix(12))）")
            } catch let error as OutputFileError {
                throw AppError.badInput(error.message)
            }
        }
    }
}

struct ExportOpen311Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open311", abstract: "把分类和本人辖区内的案件导出为 Open311 GeoReport v2 JSON（services.json、requests.json）")
    @OptionGroup var global: GlobalOptions
    @Option(help: "输出目录") var out: String

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let cases = try env.service.list(CaseQuery(order: .code), as: env.person)
            do {
                let services = try OutputFile(path: out + "/services.json")
                try services.write(Open311Export.services(env.workspace.context.catalog).serialized() + "\n")
                try services.commit()
                let requests = try OutputFile(path: out + "/requests.json")
                try requests.write("[")
                for (i, s) in cases.enumerated() {
                    try requests.write((i == 0 ? "\n" : ",\n") + Open311Export.request(s, workspace: env.workspace).serialized())
                }
                try requests.write("\n]\n")
                try requests.commit()
            } catch let error as OutputFileError {
                throw AppError.badInput(error.message)
            }
            Output.say("已导出 \(env.workspace.context.catalog.categories.count) 个服务（分类）和 \(cases.count) 个请求（案件）到 \(out)")
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "在线备份：控制台照常工作时复制出一致的数据库快照（VACUUM INTO）",
        discussion: "先写到临时文件并校验（quick_check；--verify 时校验哈希链和投影），通过后才改名为目标文件；不会覆盖已有文件。")
    @OptionGroup var global: GlobalOptions
    @Option(help: "备份文件") var out: String
    @Flag(help: "同时校验副本的哈希链和投影（与 wangge check 相同，大库较慢）") var verify = false

    func run() throws {
        try ErrorReporting.run {
            let path = global.databasePath()
            guard FileManager.default.fileExists(atPath: path) else { throw AppError.notInitialised(path) }
            let store = try global.openStore(path: path)
            do {
                let s = try DatabaseBackup.take(from: store, to: out, verify: verify)
                Output.say("已备份到 \(out)：\(s.events) 条事件，\(s.cases) 件案件，\(s.bytes / 1024) KiB；" + (s.verified ? "哈希链与投影校验通过" : "quick_check 通过"))
            } catch let error as OutputFileError {
                throw AppError.badInput(error.message)
            }
        }
    }
}
