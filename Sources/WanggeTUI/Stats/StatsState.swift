import WanggeApp
import WanggeAssessment
import WanggeCore

/// Which groups the 考核 screen lists: the places under a place (drilled street →
/// community → grid), or all workers, or all departments and property companies.
public enum StatsLevel: Hashable, Sendable {
    /// Streets.
    case county
    /// The communities of a street.
    case street(String)
    /// The grids of a community.
    case community(String)
    case workers
    case departments

    public var dimension: AssessmentDimension {
        switch self {
        case .county: .street
        case .street: .community
        case .community: .grid
        case .workers: .worker
        case .departments: .department
        }
    }

    /// The place whose groups are listed (nil: all of them).
    public var parent: String? {
        switch self {
        case .street(let s): s
        case .community(let c): c
        default: nil
        }
    }

    /// The level a row of this level drills into (nil: its cases).
    func child(of key: String) -> StatsLevel? {
        switch self {
        case .county: .street(key)
        case .street: .community(key)
        default: nil
        }
    }
}

/// What the 考核 screen asks for: one level's figures for a period, and the weekly
/// series behind its sparklines.
public struct StatsRequest: Hashable, Sendable {
    public var level: StatsLevel
    public var period: AssessmentPeriod
    /// Consecutive weeks, oldest first, ending with the current one.
    public var weeks: [AssessmentPeriod]
    /// Bumped for every request; an answer to an older one is dropped.
    public var generation: Int

    public init(level: StatsLevel, period: AssessmentPeriod, weeks: [AssessmentPeriod], generation: Int) {
        self.level = level; self.period = period; self.weeks = weeks; self.generation = generation
    }
}

/// The answer: the period's report and, per row key ("" for the total), a tally per week.
public struct StatsResult: Sendable {
    public var report: AssessmentReport
    public var weekly: [String: [FigureTally]]

    public init(report: AssessmentReport, weekly: [String: [FigureTally]]) {
        self.report = report
        self.weekly = weekly
    }
}

/// The cases behind one figure of one row, for the queue.
public struct StatsDrill: Hashable, Sendable {
    public var figure: Figure
    public var dimension: AssessmentDimension
    /// The row's key ("" for the total line).
    public var key: String
    public var period: AssessmentPeriod
    public var selection: FigureDrill.Selection
    /// What the queue's title says about the filter.
    public var label: String

    public init(figure: Figure, dimension: AssessmentDimension, key: String, period: AssessmentPeriod,
                selection: FigureDrill.Selection, label: String) {
        self.figure = figure; self.dimension = dimension; self.key = key; self.period = period
        self.selection = selection; self.label = label
    }
}

/// The 考核 screen.
public struct StatsState: Sendable {
    public var level: StatsLevel
    /// Where each level above was left, to come back to the same row.
    public var trail: [(level: StatsLevel, cursor: Int)] = []
    /// Months before the current one (0: this month).
    public var monthsBack = 0
    public var result: StatsResult?
    public var loading = false
    public var generation = 0
    /// The selected row, in the order shown.
    public var cursor = 0
    public var scrollTop = 0
    /// The selected figure column.
    public var figure: Figure = .handledOnTime
    /// The column the rows are sorted by (nil: the organisation's order) and the direction.
    public var sortFigure: Figure?
    public var descending = true
    /// The store changed since the figures were computed (they are recomputed at most
    /// every `StatsUpdate.autoReloadSeconds`, or with r).
    public var stale = false
    public var loadedAt: Instant?

    public init(level: StatsLevel) { self.level = level }

    /// The figures this level shows, in the README's order.
    public var figures: [Figure] { Figure.allCases.filter { $0.applies(to: level.dimension) } }
}
