import WanggeApp
import WanggeAssessment
import WanggeCore

extension WorkspaceConsoleData {
    public func assessment(_ request: StatsRequest, now: Instant) throws -> AssessmentReport {
        try AssessmentService(workspace: workspace).report(
            request.level.dimension, request.period, under: request.level.parent, as: person, now: now)
    }

    public func assessmentSeries(_ request: StatsRequest, now: Instant) throws -> [String: [FigureTally]] {
        try AssessmentService(workspace: workspace).series(
            request.level.dimension, periods: request.weeks, under: request.level.parent, as: person, now: now)
    }

    public func casesBehind(_ drill: StatsDrill, now: Instant) throws -> [Int64] {
        try AssessmentService(workspace: workspace).cases(
            behind: drill.figure, key: drill.key, selection: drill.selection, dimension: drill.dimension, drill.period,
            as: person, now: now)
    }
}

extension WorkspaceConsoleData {
    public func recordRoutine(_ entry: RoutineEntry, now: Instant) throws -> String {
        let stored = try RoutineService(workspace: workspace).record(entry, as: person, at: now)
        let refs = stored.findings.map { "\(stored.id)-\($0.number) \($0.item.chineseName)" }.joined(separator: "，")
        return "已记录工作日志 #\(stored.id)：\(stored.kind.chineseName)\(refs.isEmpty ? "，无异常" : "，发现 " + refs)"
    }

    public func reportRoutineFinding(entry: Int64, finding: Int, category: String, now: Instant) throws -> String {
        let state = try RoutineService(workspace: workspace).report(
            entry: entry, finding: finding, category: category, title: nil, as: person, at: now)
        return "已上报 \(state.code)：\(state.title)（来自工作日志 \(entry)-\(finding)）"
    }
}
