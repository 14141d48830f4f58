/// A case as another system recorded it (a hotline work order, an Open311 request, a
/// row of our own `case list` export): what the importer read from one record, already
/// resolved to our codes. `HistoricTimeline` turns it into the events the loop would
/// have written at the source's times.
public struct HistoricCase: Hashable, Sendable {
    public var report: ReportCommand
    /// Where the case stands in the source, in our terms.
    public var status: HistoricStatus
    public var reportedAt: Instant
    /// When the source dispatched it; the report time when the source does not say.
    public var dispatchedAt: Instant?
    public var handler: Handler?
    /// The source's own deadline of the current stage (for a closed case: of handling).
    /// It wins over the limit of the category.
    public var dueAt: Instant?
    /// The source's handling deadline when it gives one apart from `dueAt`.
    public var handlingDueAt: Instant?
    public var handledAt: Instant?
    public var closedAt: Instant?
    public var satisfaction: Satisfaction?
    /// The primary case of a duplicate (`merged`).
    public var duplicateOf: String?
    /// The level the source had the case at, when it differs from the category's.
    public var level: Level?

    public init(
        report: ReportCommand, status: HistoricStatus, reportedAt: Instant, dispatchedAt: Instant? = nil,
        handler: Handler? = nil, dueAt: Instant? = nil, handlingDueAt: Instant? = nil, handledAt: Instant? = nil,
        closedAt: Instant? = nil, satisfaction: Satisfaction? = nil, duplicateOf: String? = nil, level: Level? = nil
    ) {
        self.report = report; self.status = status; self.reportedAt = reportedAt; self.dispatchedAt = dispatchedAt
        self.handler = handler; self.dueAt = dueAt; self.handlingDueAt = handlingDueAt; self.handledAt = handledAt
        self.closedAt = closedAt; self.satisfaction = satisfaction; self.duplicateOf = duplicateOf
        self.level = level
    }
}

/// The states an imported case may be in. They are our own states: a mapping file says
/// which source status is which.
public enum HistoricStatus: String, Sendable, CaseIterable {
    case reported, accepted, dispatched
    case inProgress = "in_progress"
    case handled, verified, evaluated, closed, archived, declined, merged

    public init?(_ status: CaseStatus) { self.init(rawValue: status.rawValue) }

    /// Whether the case went through a dispatch (and so needs a handler).
    public var needsHandler: Bool {
        switch self {
        case .reported, .accepted, .declined, .merged: false
        default: true
        }
    }

    /// Whether the source must say when it was closed.
    public var needsClosedAt: Bool { self == .closed || self == .archived }
}

/// Which field of a historic case a problem is about, so the importer can point at
/// the column it came from.
public enum HistoricField: String, Sendable, CaseIterable {
    case title, text, category, grid, building, status, handler, channel
    case reportedAt = "reported_at"
    case dispatchedAt = "dispatched_at"
    case dueAt = "due_at"
    case handlingDueAt = "handling_due_at"
    case handledAt = "handled_at"
    case closedAt = "closed_at"
    case satisfaction, level
    case duplicateOf = "duplicate_of"
}

/// Why a historic case cannot be imported: the field and a sentence for the person
/// fixing the file.
public struct HistoricProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: HistoricField
    public var message: String
    public init(_ field: HistoricField, _ message: String) { self.field = field; self.message = message }
    public var description: String { message }
}

extension Person {
    /// The identity imported history is written as: a county-wide supervisor (督办员),
    /// so every imported step goes through `CaseDecider` and the permission matrix like
    /// anyone's, and the log says the step came from an import. Like `engine`, nobody
    /// can log in as it: `import` is not a person of the organisation.
    public static let importer = Person(login: "import", name: "数据导入", role: .supervisor, scope: .county)
}
