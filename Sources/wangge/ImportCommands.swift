import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTUI

struct ImportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "导入案件或事件日志：热线 CSV、本系统导出的 JSON、Open311、事件日志",
        subcommands: [ImportCSVCommand.self, ImportJSONCommand.self, ImportOpen311Command.self, ImportEventsCommand.self])
}

extension TextEncodingChoice: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

/// Options shared by the case imports.
struct CaseImportOptions: ParsableArguments {
    @Option(help: "映射文件（TOML）；不给时按文件格式使用内置映射（本系统的 case list 导出、Open311）") var map: String?
    @Flag(name: .customLong("skip-bad"), help: "导入无误的记录，有误的写入 --rejects 文件（默认：有任何一条有误就什么都不导入）") var skipBad = false
    @Option(help: "--skip-bad 时有误记录写入的 CSV 文件（默认：输入文件名加 .rejects.csv）") var rejects: String?
    @Flag(name: .customLong("dry-run"), help: "只检查，不写入") var dryRun = false
    @Option(name: .customLong("as-of"), help: "按该时刻判定导入案件是否超期（默认：现在）") var asOf: String?
    @Flag(name: .customLong("defer-text-index"), help: "导入后不补全文本筛选的索引（控制台启动时会在后台补上；未索引的案件照样能被筛选到）") var deferTextIndex = false
}

struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv", abstract: "导入 CSV（如 12345 热线工单导出）为历史案件",
        discussion: "支持带引号的多行字段、BOM、GBK 编码（自动识别或 --encoding gbk）。按来源编号幂等：重复导入不改变任何内容。")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "CSV 文件") var file: String
    @OptionGroup var options: CaseImportOptions
    @Option(help: "文件编码：auto/utf-8/gbk（默认取映射文件的 encoding，否则自动识别）") var encoding: TextEncodingChoice?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let mapping = try CaseImportRun.mapping(options.map, env: env)
            let source = try CSVRecordSource(
                path: file, encoding: encoding ?? mapping?.encoding ?? .auto, delimiter: mapping?.delimiter ?? UInt8(ascii: ","))
            let chosen: ImportMapping
            if let mapping {
                chosen = mapping
            } else if BuiltInMappings.isCaseListHeader(source.header) {
                chosen = try BuiltInMappings.caseList(env.workspace.context)
            } else {
                throw AppError.badInput("\(file) 不是本系统 case list 的导出：请用 --map 指定映射文件（格式见 README「导入案件」）")
            }
            try CaseImportRun.run(source, mapping: chosen, options: options, env: env, input: file)
        }
    }
}

struct ImportJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json", abstract: "导入 JSON 记录数组（如 case list --format json 的输出）为历史案件")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "JSON 文件") var file: String
    @OptionGroup var options: CaseImportOptions

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let mapping = try CaseImportRun.mapping(options.map, env: env) ?? BuiltInMappings.caseList(env.workspace.context)
            var seen: Set<String> = []
            let columns = mapping.columns.map(\.column).filter { seen.insert($0).inserted }
            let source = try JSONRecordSource(path: file, columns: columns)
            try CaseImportRun.run(source, mapping: mapping, options: options, env: env, input: file)
        }
    }
}

struct ImportOpen311Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open311", abstract: "导入 Open311 GeoReport v2 服务请求（JSON 或 XML）为历史案件")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "requests.json 或 requests.xml") var file: String
    @OptionGroup var options: CaseImportOptions

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let mapping = try CaseImportRun.mapping(options.map, env: env) ?? BuiltInMappings.open311(env.workspace.context)
            let source = try Open311Requests.source(path: file, mapping: mapping)
            try CaseImportRun.run(source, mapping: mapping, options: options, env: env, input: file)
        }
    }
}

/// The common part of the case imports: reading the mapping, running the importer with
/// a progress bar on a terminal, printing bad records and the summary.
enum CaseImportRun {
    static func mapping(_ path: String?, env: CommandEnvironment) throws -> ImportMapping? {
        guard let path else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw AppError.badInput("无法读取映射文件 \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw AppError.badInput("映射文件 \(path) 不是 UTF-8 文本") }
        do { return try ImportMapping.parse(text, file: path, context: env.workspace.context) } catch {
            throw AppError.configuration(ConfigurationError(error))
        }
    }

    static func run(_ source: any ImportRecordSource, mapping: ImportMapping, options: CaseImportOptions, env: CommandEnvironment, input: String) throws {
        var importOptions = ImportOptions(skipBad: options.skipBad, dryRun: options.dryRun)
        importOptions.asOf = try options.asOf.map { try env.parseTime($0) }
        let importer = CaseImporter(workspace: env.workspace, mapping: mapping, operator: env.person, now: env.now, options: importOptions)
        let bar = ProgressBar(label: "导入")
        var rejects: RejectsFile?
        let rejectsPath = options.rejects ?? input + ".rejects.csv"
        let summary: ImportSummary
        do {
            summary = try importer.run(source, report: { problem in
                bar.clear()
                ErrorReporting.printError(problem.description)
            }, rejects: options.skipBad ? { record, problems in
                if rejects == nil { rejects = try RejectsFile(path: rejectsPath, header: source.header) }
                try rejects?.write(record, problems)
            } : nil, progress: { _, progress in
                bar.update(done: progress.done, total: progress.total)
            })
        } catch {
            bar.clear()
            throw error
        }
        bar.clear()
        for (grid, count) in summary.refusedByGrid.sorted(by: { $0.key < $1.key }) {
            if let failure = env.securityLog.record(
                reason: Refusal.Reason.outOfScope.rawValue, action: SecurityLogger.importAction, actor: env.person.login,
                message: "导入 \(input)：\(count) 条记录要导入网格 \(grid)，不在权限范围内", grid: grid, at: env.now,
                in: env.workspace.store) {
                ErrorReporting.printError(failure)
            }
        }
        try rejects?.commit()
        let cal = env.calendar
        let verdicts = HandlingVerdict.allCases.filter { $0 != .none }.map { "\($0.chineseName) \(summary.verdicts[$0] ?? 0)" }
        let counts = "共 \(summary.records) 条记录：新导入 \(summary.imported) 件，已导入过且未变 \(summary.unchanged) 条，有误 \(summary.bad) 条"
        if summary.bad > 0 && !options.skipBad {
            ErrorReporting.printError("未导入任何内容：共 \(summary.records) 条记录，其中有误 \(summary.bad) 条。请改正以上有误的记录后重新导入，或用 --skip-bad 只导入无误的记录（有误的写入 .rejects.csv）")
            throw ExitCode(3)
        }
        var line = (options.dryRun ? "检查完成（--dry-run，未写入）：" : "导入完成：") + counts
        if summary.imported > 0 {
            line += "\n新导入案件按 \(cal.civil(summary.verdictsAt).formatted()) 判定：" + verdicts.joined(separator: "，")
        }
        if summary.bad > 0, let rejects { line += "\n有误的记录已写入 \(rejects.path)" }
        Output.say(line)
        if summary.committed && summary.imported > 0 && !options.deferTextIndex {
            try env.workspace.store.catchUpSearchIndex()
        }
    }
}

/// The rejected records of a `--skip-bad` import, as CSV: the original columns, then
/// where and why each was rejected. Fix them and import this file again with the same
/// mapping (the extra columns are ignored).
final class RejectsFile {
    let path: String
    let out: OutputFile

    init(path: String, header: [String]) throws {
        self.path = path
        out = try OutputFile(path: path)
        // A byte-order mark so that spreadsheet programs read the Chinese text as UTF-8.
        try out.write("\u{FEFF}" + (header + ["错误行号", "错误列", "错误原因"]).map(CaseExport.csvQuote).joined(separator: ",") + "\n")
    }

    func write(_ record: ImportRecord, _ problems: [ImportProblem]) throws {
        let line = problems.first?.line ?? record.line
        let columns = problems.compactMap(\.column).joined(separator: "；")
        let reasons = problems.map(\.reason).joined(separator: "；")
        let cells = record.fields + [line.map(String.init) ?? "第 \(record.number) 条", columns, reasons]
        try out.write(cells.map(CaseExport.csvQuote).joined(separator: ",") + "\n")
    }

    func commit() throws { try out.commit() }
}

/// A one-line progress bar on standard error, drawn only when it is a terminal and
/// redrawn only when the percentage changes.
final class ProgressBar {
    let label: String
    let enabled = isatty(2) == 1
    var lastPercent = -1
    var drawn = false

    init(label: String) { self.label = label }

    func update(done: Int64, total: Int64) {
        guard enabled, total > 0 else { return }
        let percent = Int(min(100, done * 100 / total))
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%".utf8))
        drawn = true
    }

    func clear() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
        lastPercent = -1
    }
}
