import WanggeCore
import WanggeTOML

/// A whole rules file: the engine's settings, duplicate detection, inhibitions and the
/// rules in evaluation order. Built by `RulesFile.parse`, which rejects anything it
/// cannot run; so a `RuleSet` is always valid.
public struct RuleSet: Sendable {
    public var engine: EngineSettings
    public var duplicates: DuplicateSettings
    public var inhibitions: [InhibitRule]
    /// Sorted by `order`, then by position in the file.
    public var rules: [Rule]
    /// The file name the rules came from, for messages.
    public var file: String

    public init(engine: EngineSettings = EngineSettings(), duplicates: DuplicateSettings = DuplicateSettings(),
                inhibitions: [InhibitRule] = [], rules: [Rule], file: String) {
        self.engine = engine; self.duplicates = duplicates; self.inhibitions = inhibitions
        self.rules = rules; self.file = file
    }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}

/// How the engine runs: read by the engine process and by consoles that run it themselves.
public struct EngineSettings: Hashable, Sendable {
    /// Seconds between two ticks of a running engine.
    public var tickSeconds: Int = 15
    /// How long a lease lasts without renewal: a dead engine is replaced after this.
    public var leaseSeconds: Int = 45
    /// Whether a console with no engine running runs the ticks itself (so the demo escalates live).
    public var consoleRunsEngine: Bool = true
    /// At most this many due cases are evaluated per tick; the rest wait for the next.
    public var maxCasesPerTick: Int = 50_000
    /// A case whose escalation an emergency holds back is looked at again after this.
    public var inhibitedRecheckSeconds: Int = 600

    public init() {}
}

/// Which places count as "the same place" for duplicates, repeats and inhibitions.
public enum PlaceScope: String, Sendable, Hashable, CaseIterable {
    case grid
    case building

    public var chineseName: String { self == .grid ? "同网格" : "同楼栋" }
}

/// Which categories count as "the same kind": the same leaf category, or the same top
/// class (the first two digits: 04 突发事件).
public enum KindMatch: String, Sendable, Hashable, CaseIterable {
    case category
    case `class`

    public var chineseName: String { self == .category ? "同分类" : "同大类" }

    /// Whether two category codes are of the same kind.
    public func same(_ a: String, _ b: String) -> Bool {
        switch self {
        case .category: a == b
        case .class: a.prefix(2) == b.prefix(2)
        }
    }

    /// The code range `[low, high)` of the kind of `code`, for an index range scan.
    public func range(of code: String) -> (low: String, high: String) {
        switch self {
        case .category: (code, code + "\u{1}")
        case .class: (String(code.prefix(2)), String(code.prefix(2)) + "\u{7F}")
        }
    }
}

/// `[duplicates]`: a new report of the same kind at the same place within the window is
/// proposed to the dispatchers as a duplicate (or linked, with `auto_link`).
public struct DuplicateSettings: Hashable, Sendable {
    public var enabled = true
    public var window = RuleDuration(amount: 24, unit: .hours, clock: .urgentHours)
    public var scope = PlaceScope.grid
    public var match = KindMatch.category
    public var autoLink = false
    /// Who is told about a proposed duplicate.
    public var notify: [Role] = [.dispatcher]
    public var position: SourcePosition = .start

    public init() {}
}

/// `[[inhibit]]`: while an open case matching the source (an emergency) sits at a
/// place, lesser cases of the same kind there are not escalated (or not supervised...):
/// the command room is already on it.
public struct InhibitRule: Hashable, Sendable {
    public var id: String
    public var description: String
    public var sourceCategories: [String]
    public var sourceSeverityAtLeast: Severity
    public var scope: PlaceScope
    public var match: KindMatch
    /// The action kinds held back.
    public var actions: Set<RuleActionKind>
    public var position: SourcePosition

    public init(id: String, description: String, sourceCategories: [String], sourceSeverityAtLeast: Severity,
                scope: PlaceScope, match: KindMatch, actions: Set<RuleActionKind>, position: SourcePosition) {
        self.id = id; self.description = description; self.sourceCategories = sourceCategories
        self.sourceSeverityAtLeast = sourceSeverityAtLeast; self.scope = scope; self.match = match
        self.actions = actions; self.position = position
    }

    /// Whether `source` is a case that holds back others (an open emergency).
    public func isSource(category: String, severity: Severity) -> Bool {
        severity >= sourceSeverityAtLeast && sourceCategories.contains { category.hasPrefix($0) }
    }
}

/// One rule: when all conditions hold for an open case, the actions are taken, once per
/// case and deadline (or once per case, see `once`). A class with constant fields, so
/// that a match refers to its rule without copying it (the engine makes millions).
public final class Rule: Hashable, Sendable {
    public let id: String
    public let description: String
    public let order: Int
    /// When this rule matches, later rules are not looked at for that case.
    public let stop: Bool
    /// Fire at most once per case, whatever its deadlines.
    public let once: Bool
    public let conditions: [RuleCondition]
    public let actions: [RuleActionEntry]
    /// A note for supervision and alerts; the description is used when absent.
    public let note: String?
    /// Where `[[rule]]` is written.
    public let position: SourcePosition

    public init(id: String, description: String, order: Int, stop: Bool = false, once: Bool = false,
                conditions: [RuleCondition], actions: [RuleActionEntry], note: String? = nil, position: SourcePosition = .start) {
        self.id = id; self.description = description; self.order = order; self.stop = stop; self.once = once
        self.conditions = conditions; self.actions = actions; self.note = note; self.position = position
    }

    /// Whether an action of this kind is among the rule's actions.
    public func has(_ kind: RuleActionKind) -> Bool { actions.contains { $0.action.kind == kind } }

    public static func == (a: Rule, b: Rule) -> Bool {
        a.id == b.id && a.description == b.description && a.order == b.order && a.stop == b.stop && a.once == b.once
            && a.conditions == b.conditions && a.actions == b.actions && a.note == b.note
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A condition with where it was written.
public struct RuleCondition: Hashable, Sendable {
    public var key: String
    public var position: SourcePosition
    public var condition: Condition

    public init(key: String, position: SourcePosition = .start, _ condition: Condition) {
        self.key = key; self.position = position; self.condition = condition
    }
}

/// What a rule can look at (the `[rule.when]` keys).
public enum Condition: Hashable, Sendable {
    /// Category code or prefix (`04` covers 0401...).
    case category([String])
    case notCategory([String])
    case severity(Set<Severity>)
    case level(Set<Level>)
    case status(Set<CaseStatus>)
    case stage(Set<Stage>)
    case source(Set<CaseSource>)
    case gridKind(Set<GridKind>)
    /// Past the current stage's deadline (true), or not (false).
    case overdue(Bool)
    case overdueAtLeast(RuleDuration)
    /// Time left until the deadline is at most this (true when overdue too).
    case timeLeftAtMost(RuleDuration)
    /// Share of the limit (with extensions) used, 0.8 = 80%.
    case limitUsedAtLeast(Double)
    /// Time in the current stage (suspensions excluded), on the duration's clock.
    case stageElapsedAtLeast(RuleDuration)
    case reworkAtLeast(Int)
    case sendBackAtLeast(Int)
    case supervisionAtLeast(Int)
    /// Linked duplicate reports (并案) of this case.
    case duplicatesAtLeast(Int)
    /// Time since the report (calendar time unless a clock is named).
    case ageAtLeast(RuleDuration)
    /// At least `count` reports of the same kind at the same place within `window`
    /// before this one (this one included).
    case repeats(count: Int, window: RuleDuration, scope: PlaceScope, match: KindMatch)
    /// A summoned department has not reported in by its deadline.
    case summonsOverdue(Bool)
    /// One of these words appears in the title or description.
    case keywords([String])
}

/// A rule's action with where it was written.
public struct RuleActionEntry: Hashable, Sendable {
    public var key: String
    public var position: SourcePosition
    public var action: RuleAction

    public init(key: String, position: SourcePosition = .start, _ action: RuleAction) {
        self.key = key; self.position = position; self.action = action
    }
}

/// The level an escalation goes to.
public enum LevelTarget: Hashable, Sendable {
    case next
    case level(Level)
}

/// A department summoned by a rule, with its own report-in limit (nil: the stage policy's).
public struct SummonTarget: Hashable, Sendable {
    public var unit: String
    public var limit: TimeLimit?
    public init(unit: String, limit: TimeLimit?) { self.unit = unit; self.limit = limit }
}

/// What a rule can do (the `[rule.then]` keys).
public enum RuleAction: Hashable, Sendable {
    case escalate(LevelTarget)
    case summon([SummonTarget])
    case supervise(SupervisionKind)
    case raiseSeverity(Severity)
    case agenda
    case notify([Role])

    public var kind: RuleActionKind {
        switch self {
        case .escalate: .escalate
        case .summon: .summon
        case .supervise: .supervise
        case .raiseSeverity: .raiseSeverity
        case .agenda: .agenda
        case .notify: .notify
        }
    }
}

/// The kinds of action, as written in `[[inhibit]] actions = [...]`.
public enum RuleActionKind: String, Hashable, Sendable, CaseIterable {
    case escalate, summon, supervise
    case raiseSeverity = "raise_severity"
    case agenda, notify

    public var chineseName: String {
        switch self {
        case .escalate: "升级"
        case .summon: "吹哨"
        case .supervise: "督办"
        case .raiseSeverity: "提高严重程度"
        case .agenda: "列入联席会议议程"
        case .notify: "提醒"
        }
    }
}
