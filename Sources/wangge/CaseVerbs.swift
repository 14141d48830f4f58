import Foundation
import ArgumentParser
import WanggeApp
import WanggeCore
import WanggeStore

/// The case a verb acts on, the version the operator saw, and an idempotency key.
struct CaseTarget: ParsableArguments {
    @Argument(help: "案件编号，如 C-261120-0012")
    var code: String

    @Option(name: .customLong("expect-version"), help: "只有案件仍是该版本时才执行（防止覆盖他人的修改）")
    var expectVersion: Int?

    @Option(name: .customLong("key"), help: "幂等键：同一个键只执行一次")
    var idempotencyKey: String?
}

/// A loop verb: parse, build the command, execute through `CaseService`, print one line.
protocol CaseVerb: ParsableCommand {
    var global: GlobalOptions { get }
    var target: CaseTarget { get }
    func command(in env: CommandEnvironment) throws -> CaseCommand
}

extension CaseVerb {
    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let outcome = try env.service.execute(
                try command(in: env), onCase: target.code, as: env.person, at: env.now,
                expectedVersion: target.expectVersion, idempotencyKey: target.idempotencyKey)
            Output.say(CaseText.outcomeLine(outcome, workspace: env.workspace))
        }
    }
}

struct AcceptCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "立案（受理上报的案件）")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "备注") var note: String?
    func command(in env: CommandEnvironment) throws -> CaseCommand { .accept(note: note) }
}

struct DeclineCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "decline", abstract: "不予立案（须写理由）")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "理由") var reason: String = ""
    func command(in env: CommandEnvironment) throws -> CaseCommand { .decline(reason: reason) }
}

struct DispatchCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "dispatch", abstract: "派遣给承办人或承办单位")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("to"), help: "承办人登录名，或 unit:单位编码（如 unit:CG）")
    var handler: String
    @Option(help: "处置时限，如 \"4 working_hours\"（默认取分类时限）") var limit: String?
    @Option(help: "备注") var note: String?
    func command(in env: CommandEnvironment) throws -> CaseCommand {
        guard let h = Handler(text: handler) else { throw ValidationError("无效的承办人 \(handler)") }
        var timeLimit: TimeLimit?
        if let limit {
            guard let parsed = TimeLimit(text: limit) else { throw ValidationError("无效的时限 \(limit)（如 \"4 working_hours\"）") }
            timeLimit = parsed
        }
        return .dispatch(handler: h, limit: timeLimit, note: note)
    }
}

struct TakeCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "take", abstract: "承办人接单")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    func command(in env: CommandEnvironment) throws -> CaseCommand { .handlerAccept }
}

struct SendBackCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "send-back", abstract: "回退（须写理由，如非本单位职责）")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "理由") var reason: String = ""
    func command(in env: CommandEnvironment) throws -> CaseCommand { .sendBack(reason: reason) }
}

struct FeedbackCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "feedback", abstract: "处置反馈")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "处置结果") var text: String = ""
    @Option(name: .customLong("text-file"), help: "从文件读取处置结果（- 为标准输入），用于命令行放不下的长文") var textFile: String?
    func command(in env: CommandEnvironment) throws -> CaseCommand { .feedback(text: try LongText.resolve(text, file: textFile)) }
}

struct VerifyCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "现场核查：--pass 通过，--fail 不通过（返工，须写原因）")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Flag(name: .customLong("pass")) var passed = false
    @Flag(name: .customLong("fail")) var failed = false
    @Option(help: "核查意见") var note: String?
    func validate() throws {
        guard passed != failed else { throw ValidationError("请选择 --pass 或 --fail 之一") }
    }
    func command(in env: CommandEnvironment) throws -> CaseCommand { .verify(passed: passed, note: note) }
}

extension Satisfaction: ExpressibleByArgument {}
extension SupervisionKind: ExpressibleByArgument {}
extension Level: ExpressibleByArgument {}
extension CaseStatus: ExpressibleByArgument {}
extension CaseSource: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}

struct EvaluateCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "evaluate", abstract: "评价：satisfied 满意 / basically_satisfied 基本满意 / dissatisfied 不满意")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option var satisfaction: Satisfaction
    @Option(help: "备注") var note: String?
    func command(in env: CommandEnvironment) throws -> CaseCommand { .evaluate(satisfaction, note: note) }
}

struct CloseCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "结案")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "备注") var note: String?
    func command(in env: CommandEnvironment) throws -> CaseCommand { .close(note: note) }
}

struct ArchiveCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: "归档")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    func command(in env: CommandEnvironment) throws -> CaseCommand { .archive }
}

struct ExtendCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "extend", abstract: "申请延期（每次增加一个原时限，最多两次，须审批）")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "理由") var reason: String = ""
    func command(in env: CommandEnvironment) throws -> CaseCommand { .requestExtension(reason: reason) }
}

struct DecideExtensionCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "approve-extension", abstract: "审批延期申请（--reject 驳回）")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Flag(help: "驳回") var reject = false
    @Option(help: "备注") var note: String?
    func command(in env: CommandEnvironment) throws -> CaseCommand { .decideExtension(approve: !reject, note: note) }
}

struct SuspendCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "suspend", abstract: "挂账：暂停计时至指定时间（最长一年），到期自动恢复")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "理由") var reason: String = ""
    @Option(help: "恢复时间，如 2026-12-31") var until: String
    func command(in env: CommandEnvironment) throws -> CaseCommand { .suspend(reason: reason, until: try env.parseTime(until)) }
}

struct ResumeCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "提前结束挂账，恢复计时")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    func command(in env: CommandEnvironment) throws -> CaseCommand { .resume }
}

struct SuperviseCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "supervise", abstract: "督办：timeout 超时 / leader 领导 / important 重点")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option var kind: SupervisionKind = .timeout
    @Option(help: "督办意见") var note: String = ""
    func command(in env: CommandEnvironment) throws -> CaseCommand { .supervise(kind, note: note) }
}

struct SummonCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "summon", abstract: "吹哨：召集部门在时限内报到，共同处置")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "部门编码，逗号分隔，如 GA,CG") var units: String
    @Option(help: "报到时限，如 \"2 working_hours\"") var limit: String?
    @Option(help: "备注") var note: String?
    func command(in env: CommandEnvironment) throws -> CaseCommand {
        var timeLimit: TimeLimit?
        if let limit {
            guard let parsed = TimeLimit(text: limit) else { throw ValidationError("无效的时限 \(limit)") }
            timeLimit = parsed
        }
        return .summon(units: units.split(separator: ",").map { String($0).trimmingSpaces() }, limit: timeLimit, note: note)
    }
}

struct ReportInCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "report-in", abstract: "被吹哨部门报到")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "部门编码（默认为本人所在单位）") var unit: String?
    @Option(help: "备注") var note: String?
    func command(in env: CommandEnvironment) throws -> CaseCommand { .reportIn(unit: unit, note: note) }
}

struct LinkCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "link", abstract: "并案：标为另一案件的重复上报")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("to"), help: "主案件编号") var primary: String
    func command(in env: CommandEnvironment) throws -> CaseCommand { .linkDuplicate(primary: primary) }
}

struct ReopenCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "重新打开已结案或不予立案的案件")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "理由") var reason: String = ""
    func command(in env: CommandEnvironment) throws -> CaseCommand { .reopen(reason: reason) }
}

struct EscalateCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "escalate", abstract: "升级到上一层级（网格→社区→街道→部门）并重新派遣")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(name: .customLong("to"), help: "目标层级：community / street / department（默认上一级）") var level: Level?
    @Option(help: "理由") var reason: String = ""
    func command(in env: CommandEnvironment) throws -> CaseCommand { .escalate(to: level, reason: reason, rule: nil) }
}

struct CommentCommand: CaseVerb {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "添加备注")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: CaseTarget
    @Option(help: "内容") var text: String = ""
    @Option(name: .customLong("text-file"), help: "从文件读取内容（- 为标准输入），用于命令行放不下的长文") var textFile: String?
    func command(in env: CommandEnvironment) throws -> CaseCommand { .comment(text: try LongText.resolve(text, file: textFile)) }
}

/// `--text` or `--text-file`: a single command-line argument holds at most 128 KiB on
/// Linux (about 43,000 Chinese characters), so long notes come from a file or stdin.
enum LongText {
    static func resolve(_ text: String, file: String?) throws -> String {
        guard let file else { return text }
        guard text.isEmpty else { throw ValidationError("--text 和 --text-file 只能用一个") }
        let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
        guard let data else { throw AppError.badInput("无法读取文件 \(file)") }
        guard let decoded = String(data: data, encoding: .utf8) else { throw AppError.badInput("\(file) 不是 UTF-8 文本") }
        return decoded
    }
}
