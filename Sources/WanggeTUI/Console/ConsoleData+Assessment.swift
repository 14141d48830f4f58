import WanggeApp
import WanggeAssessment
import WanggeCore

extension WorkspaceConsoleData {
    public func assessment(_ request: StatsRequest, now: Instant) throws -> StatsResult {
        let service = AssessmentService(workspace: workspace)
        let dimension = request.level.dimension
        let parent = request.level.parent
        let report = try service.report(dimension, request.period, under: parent, as: person, now: now)
        let weekly = try service.series(dimension, periods: request.weeks, under: parent, as: person, now: now)
        return StatsResult(report: report, weekly: weekly)
    }

    public func casesBehind(_ drill: StatsDrill, now: Instant) throws -> [Int64] {
        try AssessmentService(workspace: workspace).cases(
            behind: drill.figure, key: drill.key, selection: drill.selection, dimension: drill.dimension, drill.period,
            as: person, now: now)
    }
}
