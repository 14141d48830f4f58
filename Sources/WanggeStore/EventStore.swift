import WanggeCore

/// One row of the event log as stored: the event plus its place in the hash chain.
public struct StoredEvent: Sendable, Hashable {
    public var seq: Int64
    public var event: CaseEvent
    public var idempotencyKey: String?
    public var prevHash: String
    public var hash: String

    public init(seq: Int64, event: CaseEvent, idempotencyKey: String?, prevHash: String, hash: String) {
        self.seq = seq; self.event = event; self.idempotencyKey = idempotencyKey; self.prevHash = prevHash; self.hash = hash
    }
}

/// The result of an append: the new state, and whether the events were written now or
/// had already been written under the same idempotency key.
public struct AppendOutcome: Sendable {
    public var state: CaseState
    public var events: [CaseEvent]
    public var alreadyApplied: Bool
}

/// How the queue is sorted.
public enum CaseOrder: String, Sendable, CaseIterable {
    case dueAt = "due"
    case reportedAtDescending = "newest"
    case reportedAt = "oldest"
    case code
}

/// A filter over the case projection. Every field narrows; nil means "any".
public struct CaseQuery: Sendable, Hashable {
    public var statuses: Set<CaseStatus>?
    public var openOnly: Bool
    /// Cases whose deadline has passed at this instant (and are not suspended then).
    public var overdueAt: Instant?
    public var grids: [String]?
    public var community: String?
    public var street: String?
    public var level: Level?
    public var handler: Handler?
    /// Cases a unit handles or was summoned to (the liaison's view).
    public var involvingUnit: String?
    public var categoryPrefix: String?
    public var text: String?
    public var reportedBefore: Instant?
    /// Cases linked as duplicates of this code.
    public var duplicateOf: String?
    public var order: CaseOrder
    public var limit: Int?
    public var offset: Int
    /// Only these cases (the cases behind an assessment figure).
    public var ids: [Int64]?

    public init(
        statuses: Set<CaseStatus>? = nil, openOnly: Bool = false, overdueAt: Instant? = nil, grids: [String]? = nil,
        community: String? = nil, street: String? = nil, level: Level? = nil, handler: Handler? = nil,
        involvingUnit: String? = nil, categoryPrefix: String? = nil, text: String? = nil, reportedBefore: Instant? = nil,
        duplicateOf: String? = nil, order: CaseOrder = .dueAt, limit: Int? = nil, offset: Int = 0
    ) {
        self.statuses = statuses; self.openOnly = openOnly; self.overdueAt = overdueAt; self.grids = grids
        self.community = community; self.street = street; self.level = level; self.handler = handler
        self.involvingUnit = involvingUnit; self.categoryPrefix = categoryPrefix; self.text = text
        self.reportedBefore = reportedBefore; self.duplicateOf = duplicateOf; self.order = order; self.limit = limit; self.offset = offset
    }

    /// A query for exactly the cases `ids` (further narrowed by the other fields).
    public init(ids: [Int64], openOnly: Bool = false, order: CaseOrder = .dueAt) {
        self.init(openOnly: openOnly, order: order)
        self.ids = ids
    }
}

/// The case store as the rest of the program sees it. Narrow on purpose: a PostgreSQL
/// store for a city that outgrows one host only has to provide these operations.
public protocol CaseStore: Sendable {
    /// Appends the `reported` event of a new case, giving it an id and a readable code
    /// (`C-YYMMDD-NNNN`, the day in local time passed by the caller).
    func createCase(_ reported: Reported, codeDay: String, actor: String, at: Instant, idempotencyKey: String?) throws -> AppendOutcome

    /// Appends events to a case if its version is still `expectedVersion`; otherwise
    /// throws `StoreError.conflict` with the current state. All or nothing.
    func append(_ bodies: [EventBody], toCase id: Int64, expectedVersion: Int, actor: String, at: Instant, idempotencyKey: String?) throws -> AppendOutcome

    /// Reads a case inside one write transaction, lets `decide` turn it into events and
    /// appends them: the read and the write see the same version, so a command never
    /// acts on a stale state. `decide` may throw to refuse; nothing is written then.
    /// With `expectedVersion`, a case that has moved on is reported as a conflict.
    func update(
        code: String, expectedVersion: Int?, actor: String, at: Instant, idempotencyKey: String?,
        decide: (CaseState) throws -> [EventBody]
    ) throws -> AppendOutcome

    func caseState(code: String) throws -> CaseState?
    func caseState(id: Int64) throws -> CaseState?
    func cases(_ query: CaseQuery) throws -> [CaseState]
    func count(_ query: CaseQuery) throws -> Int
    func events(ofCase id: Int64) throws -> [StoredEvent]
    /// The log in order, for `wangge log`: events after `afterSeq`, at most `limit`.
    func log(afterSeq: Int64, limit: Int, caseID: Int64?) throws -> [StoredEvent]
    /// Open cases per grid, kept as a projection for the map.
    func openCountsByGrid() throws -> [String: Int]

    /// Verifies the hash chain and compares a rebuild of the projections with the live ones.
    func check() throws -> IntegrityReport
    /// Rebuilds the projections from the log (after a crash of an old version, or by hand).
    func rebuildProjections() throws

    /// A counter that changes whenever any process commits; polled by consoles.
    func changeCounter() throws -> Int64

    func configuration(named name: String) throws -> String?
    func setConfiguration(_ files: [String: String]) throws
}
