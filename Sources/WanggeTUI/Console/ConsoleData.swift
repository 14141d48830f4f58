import Foundation
import WanggeApp
import WanggeAssessment
import WanggeCore
import WanggeStore

/// What the console reads and writes, narrowed to the operator: the runtime answers the
/// effects of `update` through this, and tests or benchmarks may pass their own.
public protocol ConsoleData: AnyObject, Sendable {
    /// Changes whenever any process commits (PRAGMA data_version).
    func changeCounter() throws -> Int64
    /// Cases in the operator's scope matching `query`.
    func list(_ query: CaseQuery) throws -> [CaseState]
    /// How many cases in scope match `query`.
    func count(_ query: CaseQuery) throws -> Int
    /// A case with its timeline and duplicates.
    func detail(code: String) throws -> CaseDetail
    /// Open and overdue cases per grid at `now`.
    func gridLoads(now: Instant) throws -> [String: GridLoad]
    /// Carries out a command, refusing it when the case is no longer at `expectedVersion`.
    func execute(_ request: ActionRequest, now: Instant) throws -> String
    /// The start-up check for changes made behind the program's back (bounded work).
    func startupCheck() throws -> QuickCheckReport
    /// Who is told while a call waits for another process's write lock.
    func onBusyWait(_ handler: (@Sendable (BusyWait) -> Void)?)
    /// The 考核 screen's figures, over the cases in scope.
    func assessment(_ request: StatsRequest, now: Instant) throws -> AssessmentReport
    /// Per row key ("" for the total), a tally per week of `request.weeks`.
    func assessmentSeries(_ request: StatsRequest, now: Instant) throws -> [String: [FigureTally]]
    /// The ids of the cases behind one figure of one group.
    func casesBehind(_ drill: StatsDrill, now: Instant) throws -> [Int64]
    /// Records a routine work entry as the operator; the line to show.
    func recordRoutine(_ entry: RoutineEntry, now: Instant) throws -> String
    /// Reports a routine finding as a case; the line to show.
    func reportRoutineFinding(entry: Int64, finding: Int, category: String, now: Instant) throws -> String
}

extension ConsoleData {
    /// Data that is not a database has nothing to check.
    public func startupCheck() throws -> QuickCheckReport { QuickCheckReport() }
    /// Data that is not a database never waits for a lock.
    public func onBusyWait(_ handler: (@Sendable (BusyWait) -> Void)?) {}
}

/// `ConsoleData` over a workspace, through `CaseService`: the same verbs, scope and
/// refusals as the command line.
public final class WorkspaceConsoleData: ConsoleData, Sendable {
    public let workspace: Workspace
    public let person: Person
    let service: CaseService

    /// `securityLog` records the operator's refused attempts (the console passes one;
    /// tests may not).
    public init(workspace: Workspace, person: Person, securityLog: SecurityLogger? = nil) {
        self.workspace = workspace
        self.person = person
        service = CaseService(workspace: workspace, securityLog: securityLog)
    }

    public func changeCounter() throws -> Int64 { try workspace.store.changeCounter() }

    public func list(_ query: CaseQuery) throws -> [CaseState] { try service.list(query, as: person) }

    public func count(_ query: CaseQuery) throws -> Int { try service.count(query, as: person) }

    public func detail(code: String) throws -> CaseDetail {
        let state = try service.load(code, as: person)
        let events = try workspace.store.events(ofCase: state.id).map(\.event)
        let duplicates = try workspace.store.cases(CaseQuery(duplicateOf: state.code, order: .code, limit: 50)).map(\.code)
        return CaseDetail(state: state, events: events, duplicates: duplicates)
    }

    public func gridLoads(now: Instant) throws -> [String: GridLoad] {
        var loads: [String: GridLoad] = [:]
        for (grid, open) in try workspace.store.openCountsByGrid() { loads[grid, default: GridLoad()].open = open }
        for (grid, overdue) in try workspace.store.overdueCountsByGrid(at: now) {
            loads[grid, default: GridLoad()].overdue = overdue
        }
        return loads
    }

    public func startupCheck() throws -> QuickCheckReport {
        try workspace.store.startupCheck(limits: .from(environment: ProcessInfo.processInfo.environment["WANGGE_QUICK_CHECK"]))
    }

    public func onBusyWait(_ handler: (@Sendable (BusyWait) -> Void)?) { workspace.store.busyWaits.setHandler(handler) }

    public func execute(_ request: ActionRequest, now: Instant) throws -> String {
        let outcome = try service.execute(
            request.command, onCase: request.code, as: person, at: now, expectedVersion: request.expectedVersion)
        return CaseText.outcomeLine(outcome, workspace: workspace)
    }
}
