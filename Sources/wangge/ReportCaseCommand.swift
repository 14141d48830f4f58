import ArgumentParser
import WanggeApp
import WanggeCore
import WanggeTUI

struct ReportCaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "上报新案件")
    @OptionGroup var global: GlobalOptions
    @Option(help: "标题") var title: String
    @Option(help: "分类编码，如 1102") var category: String
    @Option(help: "网格编码") var grid: String
    @Option(help: "楼栋编码") var building: String?
    @Option(help: "描述") var description: String = ""
    @Option(help: "来源：patrol/12345/walk_in/camera/inspection/meeting") var source: CaseSource = .patrol
    @Option(help: "严重程度：normal/serious/major/critical（默认取分类）") var severity: Severity?
    @Option(name: .customLong("ref"), help: "来源系统中的编号（如 12345 工单号）") var sourceRef: String?
    @Option(name: .customLong("key"), help: "幂等键：同一个键只上报一次") var idempotencyKey: String?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let state = try env.service.report(
                ReportCommand(title: title, description: description, category: category, grid: grid, building: building,
                              source: source, severity: severity, sourceRef: sourceRef),
                as: env.person, at: env.now, idempotencyKey: idempotencyKey)
            Output.say("已上报 \(state.code)：\(TextSanitizer.neutralise(state.title))（\(env.workspace.organisation.grid(state.grid)?.name ?? state.grid)，派遣截止 \(state.dueAt.map { CaseText.short($0, env.calendar) } ?? "—")）")
        }
    }
}
