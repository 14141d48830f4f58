import WanggeCore

/// A necessary condition of a rule that can be checked without touching any
/// reference-counted value: which levels, statuses, severities, sources, stages and
/// category classes (the first two digits) its plain conditions allow, as bit masks.
/// A case outside them cannot match, so `RuleEvaluator.evaluate` skips the rule before
/// judging its conditions one by one; a case inside still has every condition judged.
/// Most cases fail most rules on exactly these fields (emergency categories, hotline
/// sources, other levels), and judging a condition copied its sets and arrays.
struct RuleGate: Sendable {
    var levels: UInt64 = ~0
    var statuses: UInt64 = ~0
    var severities: UInt64 = ~0
    var sources: UInt64 = ~0
    var stages: UInt64 = ~0
    var classes: (low: UInt64, high: UInt64) = (~0, ~0)

    init(_ conditions: [Condition]) {
        for condition in conditions {
            switch condition {
            case .level(let set): levels &= Self.mask(set, Self.bit)
            case .status(let set): statuses &= Self.mask(set, Self.bit)
            case .severity(let set): severities &= Self.mask(set, Self.bit)
            case .source(let set): sources &= Self.mask(set, Self.bit)
            case .stage(let set): stages &= Self.mask(set, Self.bit)
            case .category(let prefixes):
                // Only when every prefix names its class: a shorter prefix ("0") or
                // anything not two digits leaves the classes open.
                var low: UInt64 = 0, high: UInt64 = 0
                var complete = true
                for prefix in prefixes {
                    guard let c = Self.categoryClass(prefix) else { complete = false; break }
                    if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
                }
                if complete { classes = (classes.low & low, classes.high & high) }
            default: break
            }
        }
    }

    /// Whether a case with these facts may match (false: it cannot).
    func admits(_ facts: Facts) -> Bool {
        levels & facts.level != 0 && statuses & facts.status != 0 && severities & facts.severity != 0
            && sources & facts.source != 0 && stages & facts.stage != 0
            && (classes.low & facts.classes.low != 0 || classes.high & facts.classes.high != 0)
    }

    /// A case's fields as single bits, computed once per evaluation.
    struct Facts {
        var level: UInt64
        var status: UInt64
        var severity: UInt64
        var source: UInt64
        /// Bit 63 when the case has no clock: no stage condition admits it, no rule
        /// without one refuses it.
        var stage: UInt64
        /// The category's class bit, or every bit when the category has no numeric class.
        var classes: (low: UInt64, high: UInt64)

        init(_ s: CaseState) {
            level = RuleGate.bit(s.level)
            status = RuleGate.bit(s.status)
            severity = RuleGate.bit(s.severity)
            source = RuleGate.bit(s.source)
            stage = s.clock.map { RuleGate.bit($0.stage) } ?? (1 << 63)
            if let c = RuleGate.categoryClass(s.category) {
                classes = c < 64 ? (1 << UInt64(c), 0) : (0, 1 << UInt64(c - 64))
            } else {
                classes = (~0, ~0)
            }
        }
    }

    static func mask<T>(_ set: Set<T>, _ bit: (T) -> UInt64) -> UInt64 { set.reduce(0) { $0 | bit($1) } }

    static func bit(_ l: Level) -> UInt64 {
        switch l {
        case .grid: 1
        case .community: 2
        case .street: 4
        case .department: 8
        }
    }

    static func bit(_ s: Severity) -> UInt64 {
        switch s {
        case .normal: 1
        case .serious: 2
        case .major: 4
        case .critical: 8
        }
    }

    static func bit(_ s: Stage) -> UInt64 {
        switch s {
        case .dispatch: 1
        case .handling: 2
        case .verification: 4
        }
    }

    static func bit(_ s: CaseSource) -> UInt64 {
        switch s {
        case .patrol: 1
        case .hotline: 2
        case .walkIn: 4
        case .camera: 8
        case .inspection: 16
        case .meeting: 32
        }
    }

    static func bit(_ s: CaseStatus) -> UInt64 {
        switch s {
        case .reported: 1
        case .declined: 2
        case .accepted: 4
        case .dispatched: 8
        case .inProgress: 16
        case .handled: 32
        case .verified: 64
        case .evaluated: 128
        case .closed: 256
        case .archived: 512
        case .merged: 1024
        }
    }

    /// The class of a category code or prefix: its first two characters as a number
    /// 0-99 when they are ASCII digits and there are at least two; nil otherwise.
    static func categoryClass(_ code: String) -> Int? {
        var utf8 = code.utf8.makeIterator()
        guard let a = utf8.next(), let b = utf8.next(),
              (48...57).contains(a), (48...57).contains(b) else { return nil }
        return Int(a - 48) * 10 + Int(b - 48)
    }
}
