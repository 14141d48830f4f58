import WanggeCore
import WanggeTOML

/// Finds rules that contradict themselves (conditions that cannot hold together, an
/// action that can never do anything under its own conditions) and rules that can
/// never fire because an earlier rule with `stop = true` always matches first.
struct RuleValidation {
    let file: String
    let references: RuleReferences

    func check(_ set: RuleSet) throws(TOMLError) {
        for rule in set.rules { try checkContradictions(rule) }
        for (i, later) in set.rules.enumerated() {
            for earlier in set.rules[..<i] where earlier.stop && RuleImplication.implies(later, earlier) {
                throw TOMLError(file: file, position: later.position, message: """
                    规则 \(later.id) 永远不会生效：排在它前面的规则 \(earlier.id)（第 \(earlier.position.line) 行，order = \(earlier.order)）\
                    在 \(later.id) 的条件下总是成立，并且设置了 stop = true。请调整 order，或收窄 \(earlier.id) 的条件
                    """)
            }
        }
    }

    func fail(_ message: String, at position: SourcePosition) -> TOMLError {
        TOMLError(file: file, position: position, message: message)
    }

    func checkContradictions(_ rule: Rule) throws(TOMLError) {
        let scope = RuleScope(rule)
        func latest(_ keys: (Condition) -> Bool) -> SourcePosition {
            rule.conditions.filter { keys($0.condition) }.map(\.position).max() ?? rule.position
        }
        if scope.severities.isEmpty {
            throw fail("规则 \(rule.id) 的严重程度条件互相矛盾，不可能同时成立", at: latest { if case .severity = $0 { true } else { false } })
        }
        if scope.levels.isEmpty {
            throw fail("规则 \(rule.id) 的层级条件互相矛盾，不可能同时成立", at: latest { if case .level = $0 { true } else { false } })
        }
        if scope.statuses.isEmpty {
            throw fail("规则 \(rule.id) 的状态、阶段与计时条件互相矛盾：没有哪个状态同时满足它们（已核查、已评价的案件不再计时）",
                       at: latest { c in
                           switch c {
                           case .status, .stage: true
                           default: RuleScope.isStageClock(c)
                           }
                       })
        }
        if scope.overdue == false, let p = rule.conditions.first(where: { if case .overdueAtLeast = $0.condition { true } else { false } }) {
            throw fail("规则 \(rule.id) 的条件互相矛盾：overdue = false 与 overdue_at_least 不可能同时成立", at: p.position)
        }
        if let included = rule.conditions.compactMap({ if case .category(let p) = $0.condition { p } else { nil } }).first,
           let excluded = rule.conditions.first(where: { if case .notCategory = $0.condition { true } else { false } }),
           case .notCategory(let ns) = excluded.condition,
           included.allSatisfy({ p in ns.contains { p.hasPrefix($0) } }) {
            throw fail("规则 \(rule.id) 的条件互相矛盾：not_category 排除了 category 中的全部分类", at: excluded.position)
        }
        for entry in rule.actions {
            switch entry.action {
            case .escalate(let target):
                let escalatable = scope.statuses.intersection(RuleScope.escalatableStatuses)
                if escalatable.isEmpty {
                    throw fail("规则 \(rule.id) 的动作无法执行：只有待受理、待派遣、待接单、处置中的案件可以升级，而条件只允许 \(RuleScope.names(scope.statuses))", at: entry.position)
                }
                let top: Level = if case .level(let l) = target { l } else { .department }
                if !scope.levels.contains(where: { $0 < top }) {
                    throw fail("规则 \(rule.id) 的动作无法执行：升级目标\(top.chineseName)不高于条件允许的层级（\(scope.levels.sorted().map(\.chineseName).joined(separator: "、"))）", at: entry.position)
                }
            case .raiseSeverity(let s):
                if !scope.severities.contains(where: { $0 < s }) {
                    throw fail("规则 \(rule.id) 的动作无法执行：条件要求的严重程度已不低于 \(s.rawValue)", at: entry.position)
                }
            default: break
            }
        }
    }
}

/// What a rule's conditions allow, as sets, for the checks above.
struct RuleScope {
    var severities = Set(Severity.allCases)
    var levels = Set(Level.allCases)
    var statuses = Set(CaseStatus.allCases.filter(\.isOpen))
    var stages: Set<Stage> = [.dispatch, .handling, .verification]
    var sources = Set(CaseSource.allCases)
    var gridKinds = Set(GridKind.allCases)
    var overdue: Bool?

    static let escalatableStatuses: Set<CaseStatus> = [.reported, .accepted, .dispatched, .inProgress]

    /// The stage a status is timed by (nil: nothing is timed).
    static func stage(of status: CaseStatus) -> Stage? {
        switch status {
        case .reported, .accepted: .dispatch
        case .dispatched, .inProgress: .handling
        case .handled: .verification
        default: nil
        }
    }

    static func isStageClock(_ c: Condition) -> Bool {
        switch c {
        case .overdue(true), .overdueAtLeast, .timeLeftAtMost, .limitUsedAtLeast, .stageElapsedAtLeast: true
        default: false
        }
    }

    static func names(_ statuses: Set<CaseStatus>) -> String {
        CaseStatus.allCases.filter(statuses.contains).map(\.chineseName).joined(separator: "、")
    }

    init(_ rule: Rule) {
        var timed = false
        var stageGiven = false
        for c in rule.conditions {
            switch c.condition {
            case .severity(let s): severities.formIntersection(s)
            case .level(let l): levels.formIntersection(l)
            case .status(let s): statuses.formIntersection(s)
            case .stage(let s): stages.formIntersection(s); stageGiven = true
            case .source(let s): sources.formIntersection(s)
            case .gridKind(let g): gridKinds.formIntersection(g)
            case .overdue(let o): overdue = o
            default: break
            }
            if Self.isStageClock(c.condition) { timed = true }
        }
        if timed || stageGiven {
            statuses = statuses.filter { s in Self.stage(of: s).map(stages.contains) ?? false }
        }
    }
}
