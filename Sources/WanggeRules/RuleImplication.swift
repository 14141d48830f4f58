import WanggeCore

/// Whether every case one rule matches is also matched by another: used to find rules
/// that an earlier `stop = true` rule makes unreachable. Conservative: "not implied"
/// whenever it cannot be shown, so a valid file is never refused.
enum RuleImplication {
    /// True when `b`'s conditions guarantee that `a` matches.
    static func implies(_ b: Rule, _ a: Rule) -> Bool {
        let bs = RuleScope(b)
        for c in a.conditions where !implied(c.condition, by: b, scope: bs) { return false }
        return actionsAlwaysEffective(a, under: bs)
    }

    /// `a` only "matches" when one of its actions would do something; show that under
    /// `b`'s conditions it always would.
    static func actionsAlwaysEffective(_ a: Rule, under bs: RuleScope) -> Bool {
        var sawEscalate = false
        for entry in a.actions {
            switch entry.action {
            case .supervise, .notify, .agenda: return true
            case .escalate(let target):
                let top: Level = if case .level(let l) = target { l } else { .department }
                if bs.statuses.isSubset(of: RuleScope.escalatableStatuses), bs.levels.allSatisfy({ $0 < top }) { return true }
                sawEscalate = true
            case .raiseSeverity(let s):
                if bs.severities.allSatisfy({ $0 < s }) { return true }
            case .summon:
                continue
            }
        }
        _ = sawEscalate
        return false
    }

    static func implied(_ c: Condition, by b: Rule, scope bs: RuleScope) -> Bool {
        let bc = b.conditions.map(\.condition)
        switch c {
        case .severity(let s): return bs.severities.isSubset(of: s)
        case .level(let l): return bs.levels.isSubset(of: l)
        case .status(let s): return bs.statuses.isSubset(of: s)
        case .stage(let s): return bs.statuses.allSatisfy { st in RuleScope.stage(of: st).map(s.contains) ?? false }
        case .source(let s): return bs.sources.isSubset(of: s)
        case .gridKind(let g): return bs.gridKinds.isSubset(of: g)
        case .category(let prefixes):
            return bc.contains { if case .category(let bp) = $0 { bp.allSatisfy { p in prefixes.contains { p.hasPrefix($0) } } } else { false } }
        case .notCategory(let excluded):
            return excluded.allSatisfy { n in
                bc.contains { x in
                    switch x {
                    case .category(let bp): bp.allSatisfy { p in !p.hasPrefix(n) && !n.hasPrefix(p) }
                    case .notCategory(let bn): bn.contains { n.hasPrefix($0) }
                    default: false
                    }
                }
            }
        case .overdue(let o):
            return bc.contains { x in
                switch x {
                case .overdue(let bo): bo == o
                case .overdueAtLeast: o
                default: false
                }
            }
        case .overdueAtLeast(let d):
            return bc.contains { x in
                switch x {
                case .overdueAtLeast(let e): comparable(d, e) && e.amount >= d.amount
                case .overdue(true): d.amount == 0
                default: false
                }
            }
        case .timeLeftAtMost(let d):
            return bc.contains { x in
                switch x {
                case .timeLeftAtMost(let e): comparable(d, e) && e.amount <= d.amount
                case .overdue(true), .overdueAtLeast: true
                default: false
                }
            }
        case .limitUsedAtLeast(let r):
            return bc.contains { x in
                switch x {
                case .limitUsedAtLeast(let q): q >= r
                case .overdue(true), .overdueAtLeast: r <= 1
                default: false
                }
            }
        case .stageElapsedAtLeast(let d):
            return bc.contains { if case .stageElapsedAtLeast(let e) = $0 { comparable(d, e) && e.amount >= d.amount } else { false } }
        case .ageAtLeast(let d):
            return bc.contains { if case .ageAtLeast(let e) = $0 { comparable(d, e) && e.amount >= d.amount } else { false } }
        case .reworkAtLeast(let n):
            return bc.contains { if case .reworkAtLeast(let m) = $0 { m >= n } else { false } }
        case .sendBackAtLeast(let n):
            return bc.contains { if case .sendBackAtLeast(let m) = $0 { m >= n } else { false } }
        case .supervisionAtLeast(let n):
            return bc.contains { if case .supervisionAtLeast(let m) = $0 { m >= n } else { false } }
        case .duplicatesAtLeast(let n):
            return bc.contains { if case .duplicatesAtLeast(let m) = $0 { m >= n } else { false } }
        case let .repeats(count, window, scope, match):
            return bc.contains {
                if case let .repeats(m, w, s, k) = $0 { m >= count && w == window && s == scope && k == match } else { false }
            }
        case .summonsOverdue(let o):
            return bc.contains { if case .summonsOverdue(let bo) = $0 { bo == o } else { false } }
        case .keywords(let words):
            return bc.contains { if case .keywords(let bw) = $0 { Set(bw).isSubset(of: Set(words)) } else { false } }
        }
    }

    /// Two durations can be compared by amount only on the same clock and unit.
    static func comparable(_ a: RuleDuration, _ b: RuleDuration) -> Bool {
        a.clock == b.clock && a.unit == b.unit
    }
}
