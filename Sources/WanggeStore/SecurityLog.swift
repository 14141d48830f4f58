import WanggeCore

/// One refused attempt: who (the OS login and the person it acted as), through which
/// channel, what (the action), on which case, when, and why.
public struct RefusalRecord: Sendable, Hashable {
    /// The command's time (`--now` or the clock), the same time events carry.
    public var at: Instant
    /// The wall clock when the refusal was written; `--now` cannot move it.
    public var recordedAt: Instant
    /// The OS login of the process that tried.
    public var osLogin: String
    /// The person it acted as: the OS login's person, or the one named by `--as`.
    public var actor: String
    /// `cli` or `console`.
    public var channel: String
    /// The action tried: an `Action` raw value, or `impersonate` / `identify`.
    public var action: String
    public var caseCode: String?
    /// The grid of the case (or of the report), so scoped auditors see their own grids.
    public var grid: String?
    /// Why, as a kind: `forbidden`, `outOfScope`, `invalidState`, `conflict`, … .
    public var reason: String
    /// Why, in the sentence the operator was shown.
    public var message: String

    public init(
        at: Instant, recordedAt: Instant, osLogin: String, actor: String, channel: String, action: String,
        caseCode: String?, grid: String?, reason: String, message: String
    ) {
        self.at = at; self.recordedAt = recordedAt; self.osLogin = osLogin; self.actor = actor; self.channel = channel
        self.action = action; self.caseCode = caseCode; self.grid = grid; self.reason = reason; self.message = message
    }
}

/// A refusal as stored, with its place in the security log's own hash chain.
public struct StoredRefusal: Sendable, Hashable {
    public var seq: Int64
    public var record: RefusalRecord
    public var prevHash: String
    public var hash: String
}

/// An event of the log with the code and grid of its case, for the audit.
public struct AuditedEvent: Sendable, Hashable {
    public var stored: StoredEvent
    public var caseCode: String
    public var grid: String
}

/// What `wangge audit` asks for: one operator (or everyone), a period, and for
/// auditors with a limited scope the grids they may see.
public struct AuditQuery: Sendable, Hashable {
    /// The person's login (matches the acting person, and for refusals the OS login too).
    public var actor: String?
    /// From this instant (inclusive).
    public var from: Instant?
    /// Up to this instant (exclusive).
    public var to: Instant?
    /// Only rows about cases in these grids; nil for every row.
    public var grids: [String]?
    /// At most this many rows, the newest.
    public var limit: Int

    public init(actor: String? = nil, from: Instant? = nil, to: Instant? = nil, grids: [String]? = nil, limit: Int = 200) {
        self.actor = actor; self.from = from; self.to = to; self.grids = grids; self.limit = limit
    }
}
