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
