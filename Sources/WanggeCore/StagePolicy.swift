/// Limits of the stages that are not set per category (DOMAIN.md §5): how long the
/// command room has to dispatch, how long the on-site verification may take, how long
/// a summoned department has to report in, and the extension and suspension caps.
public struct StagePolicy: Hashable, Sendable {
    public var dispatch: TimeLimit
    public var verification: TimeLimit
    public var reportIn: TimeLimit
    public var maxExtensions: Int
    public var maxSuspensionSeconds: Int64

    public init(
        dispatch: TimeLimit = TimeLimit(amount: 24, clock: .urgentHours),
        verification: TimeLimit = TimeLimit(amount: 24, clock: .urgentHours),
        reportIn: TimeLimit = TimeLimit(amount: 2, clock: .workingHours),
        maxExtensions: Int = 2,
        maxSuspensionSeconds: Int64 = 366 * 86_400
    ) {
        self.dispatch = dispatch; self.verification = verification; self.reportIn = reportIn
        self.maxExtensions = maxExtensions; self.maxSuspensionSeconds = maxSuspensionSeconds
    }

    public static let standard = StagePolicy()
}

/// Everything a decision reads besides the case: the organisation, categories,
/// calendar and stage limits. Built once from configuration.
public struct DomainContext: Sendable {
    public var organisation: Organisation
    public var catalog: CategoryCatalog
    public var calendar: WorkCalendar
    public var stages: StagePolicy

    public init(organisation: Organisation, catalog: CategoryCatalog, calendar: WorkCalendar, stages: StagePolicy = .standard) {
        self.organisation = organisation; self.catalog = catalog; self.calendar = calendar; self.stages = stages
    }
}
