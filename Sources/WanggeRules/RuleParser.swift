import WanggeCore
import WanggeTOML

/// Reads one `[[rule]]` with its `[rule.when]` conditions and `[rule.then]` actions.
struct RuleParser {
    let fields: TOMLFields
    let index: Int
    let references: RuleReferences

    static let ruleKeys: Set<String> = ["id", "description", "order", "stop", "once", "enabled", "note", "when", "then"]
    static let whenKeys: Set<String> = [
        "category", "not_category", "severity", "severity_at_least", "severity_at_most", "level", "level_at_least",
        "level_at_most", "status", "stage", "source", "grid_kind", "overdue", "overdue_at_least", "time_left_at_most",
        "limit_used_at_least", "stage_elapsed_at_least", "rework_count_at_least", "send_back_count_at_least",
        "supervision_count_at_least", "duplicates_at_least", "age_at_least", "repeats_at_least", "repeat_window",
        "repeat_scope", "repeat_match", "summons_overdue", "keywords",
    ]
    static let thenKeys: Set<String> = ["escalate", "summon", "summon_limit", "supervise", "raise_severity", "agenda", "notify"]

    func parse() throws(TOMLError) -> (rule: Rule, enabled: Bool) {
        let f = fields
        try f.rejectUnknownKeys(allowed: Self.ruleKeys)
        let id = try RulesFile.ruleID(f)
        let description = try f.string("description").trimmingSpaces()
        guard !description.isEmpty else { throw f.error("规则 \(id) 的 description 不能为空", at: "description") }
        let order = try f.optionalInt("order") ?? (index + 1) * 10
        let when = try f.optionalTable("when")
        let conditions = try when.map(conditions) ?? []
        guard let then = try f.optionalTable("then") else {
            throw f.error("规则 \(id) 缺少 [rule.then]：至少要有一个动作（\(Self.thenKeys.sorted().joined(separator: "、"))）", at: nil)
        }
        let actions = try actions(then)
        guard !actions.isEmpty else {
            throw TOMLError(file: f.file, position: then.table.position, message: "规则 \(id) 的 [rule.then] 没有任何动作")
        }
        let rule = Rule(
            id: id, description: description, order: order, stop: try f.optionalBool("stop") ?? false,
            once: try f.optionalBool("once") ?? false, conditions: conditions, actions: actions,
            note: try f.optionalString("note"), position: f.table.position)
        return (rule, try f.optionalBool("enabled") ?? true)
    }

    // MARK: conditions

    func conditions(_ w: TOMLFields) throws(TOMLError) -> [RuleCondition] {
        try w.rejectUnknownKeys(allowed: Self.whenKeys)
        var out: [RuleCondition] = []
        func add(_ key: String, _ c: Condition) { out.append(RuleCondition(key: key, position: w.position(of: key), c)) }
        let repeatKeys = ["repeat_window", "repeat_scope", "repeat_match"]
        for key in w.keys {
            switch key {
            case "category", "not_category":
                let codes = try RulesFile.strings(w, key)
                for (code, position) in codes { try RulesFile.checkCategory(code, position, w, references) }
                add(key, key == "category" ? .category(codes.map(\.0)) : .notCategory(codes.map(\.0)))
            case "severity": add(key, .severity(Set(try RulesFile.enumList(w, key, Severity.self).map(\.value))))
            case "severity_at_least":
                let s = try w.oneOf(key, Severity.self)
                add(key, .severity(Set(Severity.allCases.filter { $0 >= s })))
            case "severity_at_most":
                let s = try w.oneOf(key, Severity.self)
                add(key, .severity(Set(Severity.allCases.filter { $0 <= s })))
            case "level": add(key, .level(Set(try RulesFile.enumList(w, key, Level.self).map(\.value))))
            case "level_at_least":
                let l = try w.oneOf(key, Level.self)
                add(key, .level(Set(Level.allCases.filter { $0 >= l })))
            case "level_at_most":
                let l = try w.oneOf(key, Level.self)
                add(key, .level(Set(Level.allCases.filter { $0 <= l })))
            case "status":
                let list = try RulesFile.enumList(w, key, CaseStatus.self)
                if let closed = list.first(where: { !$0.value.isOpen }) {
                    throw TOMLError(file: w.file, position: closed.position,
                                    message: "状态 \(closed.value.rawValue)（\(closed.value.chineseName)）的案件已办结，引擎不再检查，此条件永远不会成立")
                }
                add(key, .status(Set(list.map(\.value))))
            case "stage": add(key, .stage(Set(try RulesFile.enumList(w, key, StageName.self).map(\.value.stage))))
            case "source": add(key, .source(Set(try RulesFile.enumList(w, key, CaseSource.self).map(\.value))))
            case "grid_kind": add(key, .gridKind(Set(try RulesFile.enumList(w, key, GridKind.self).map(\.value))))
            case "overdue": add(key, .overdue(try w.bool(key)))
            case "overdue_at_least": add(key, .overdueAtLeast(try RulesFile.duration(w, key)))
            case "time_left_at_most": add(key, .timeLeftAtMost(try RulesFile.duration(w, key)))
            case "limit_used_at_least":
                let share = try w.double(key)
                guard share > 0, share <= 100 else {
                    throw w.error("limit_used_at_least 应大于 0（0.8 表示已用时限的 80%，2 表示 200%）", at: key)
                }
                add(key, .limitUsedAtLeast(share))
            case "stage_elapsed_at_least": add(key, .stageElapsedAtLeast(try RulesFile.duration(w, key, allowZero: false)))
            case "rework_count_at_least": add(key, .reworkAtLeast(try count(w, key)))
            case "send_back_count_at_least": add(key, .sendBackAtLeast(try count(w, key)))
            case "supervision_count_at_least": add(key, .supervisionAtLeast(try count(w, key)))
            case "duplicates_at_least": add(key, .duplicatesAtLeast(try count(w, key)))
            case "age_at_least": add(key, .ageAtLeast(try RulesFile.duration(w, key, allowZero: false)))
            case "repeats_at_least":
                let n = try count(w, key)
                guard n >= 2 else { throw w.error("repeats_at_least 应至少为 2（含本次上报）", at: key) }
                guard w.has("repeat_window") else {
                    throw w.error("使用 repeats_at_least 时须写 repeat_window（如 \"30 calendar_days\"）", at: key)
                }
                add(key, .repeats(count: n, window: try RulesFile.duration(w, "repeat_window", allowZero: false),
                                  scope: try w.optionalOneOf("repeat_scope", PlaceScope.self) ?? .building,
                                  match: try w.optionalOneOf("repeat_match", KindMatch.self) ?? .category))
            case _ where repeatKeys.contains(key):
                guard w.has("repeats_at_least") else {
                    throw w.error("\(key) 只能与 repeats_at_least 一起使用", at: key)
                }
            case "summons_overdue": add(key, .summonsOverdue(try w.bool(key)))
            case "keywords":
                let words = try RulesFile.strings(w, key)
                if let blank = words.first(where: { $0.0.trimmingSpaces().isEmpty }) {
                    throw TOMLError(file: w.file, position: blank.1, message: "关键词不能为空")
                }
                add(key, .keywords(words.map(\.0)))
            default: break
            }
        }
        return out
    }

    func count(_ f: TOMLFields, _ key: String) throws(TOMLError) -> Int {
        let n = try f.int(key)
        guard (1...100_000).contains(n) else { throw f.error("\(key) 应为 1 到 100000 的整数（0 表示总是成立，请删去此条件）", at: key) }
        return n
    }

    // MARK: actions

    func actions(_ t: TOMLFields) throws(TOMLError) -> [RuleActionEntry] {
        try t.rejectUnknownKeys(allowed: Self.thenKeys)
        var out: [RuleActionEntry] = []
        func add(_ key: String, _ a: RuleAction) { out.append(RuleActionEntry(key: key, position: t.position(of: key), a)) }
        if t.has("summon_limit") && !t.has("summon") {
            throw t.error("summon_limit 只能与 summon 一起使用", at: "summon_limit")
        }
        for key in t.keys {
            switch key {
            case "escalate":
                let text = try t.string(key)
                if text == "next" { add(key, .escalate(.next)); continue }
                guard let level = Level(rawValue: text), level != .grid else {
                    throw t.error("escalate 的值 \"\(text)\" 无效（可选值：next、community、street、department）", at: key)
                }
                add(key, .escalate(.level(level)))
            case "summon": add(key, .summon(try summons(t)))
            case "supervise": add(key, .supervise(try t.oneOf(key, SupervisionKind.self)))
            case "raise_severity":
                let s = try t.oneOf(key, Severity.self)
                guard s > .normal else { throw t.error("raise_severity 应高于 normal（serious、major 或 critical）", at: key) }
                add(key, .raiseSeverity(s))
            case "agenda":
                if try t.bool(key) { add(key, .agenda) }
            case "notify": add(key, .notify(try RulesFile.enumList(t, key, Role.self).map(\.value)))
            default: break
            }
        }
        return out
    }

    /// `summon = ["XF", "GA"]` with an optional `summon_limit`, or
    /// `summon = [{ unit = "XF", limit = "1 urgent_hours" }, "GA"]`.
    func summons(_ t: TOMLFields) throws(TOMLError) -> [SummonTarget] {
        var shared: TimeLimit?
        if let text = try t.optionalString("summon_limit") {
            shared = try RulesFile.limit(t, text, at: t.position(of: "summon_limit"))
        }
        guard let node = t.table["summon"] else { return [] }
        let items: [TOMLNode]
        switch node.value {
        case .array(let a): items = a
        case .string, .table: items = [node]
        default: throw t.error("summon 应为部门编码的数组，如 [\"XF\", \"GA\"]", at: "summon")
        }
        guard !items.isEmpty else { throw t.error("summon 不能为空数组", at: "summon") }
        var out: [SummonTarget] = []
        for item in items {
            var target: SummonTarget
            var position = item.position
            switch item.value {
            case .string(let unit): target = SummonTarget(unit: unit, limit: shared)
            case .table(let table):
                let f = TOMLFields(table, file: t.file, path: "summon")
                try f.rejectUnknownKeys(allowed: ["unit", "limit"])
                position = f.position(of: "unit")
                target = SummonTarget(unit: try f.string("unit"), limit: shared)
                if let text = try f.optionalString("limit") { target.limit = try RulesFile.limit(f, text, at: f.position(of: "limit")) }
            default:
                throw TOMLError(file: t.file, position: item.position, message: "summon 的元素应为部门编码或 { unit = \"XF\", limit = \"1 urgent_hours\" }")
            }
            if out.contains(where: { $0.unit == target.unit }) {
                throw TOMLError(file: t.file, position: position, message: "部门 \(target.unit) 在 summon 中重复")
            }
            if let org = references.organisation {
                guard let unit = org.unit(target.unit) else {
                    let known = org.units.map(\.code)
                    var message = "组织架构中没有部门 \(target.unit)（已有：\(known.joined(separator: "、"))）"
                    if let guess = RulesFile.closest(target.unit, known) { message += "，是否想写 \"\(guess)\"？" }
                    throw TOMLError(file: t.file, position: position, message: message)
                }
                _ = unit
            }
            out.append(target)
        }
        return out
    }
}

/// The stages as written in rules (Core's `Stage` is not `CaseIterable`).
enum StageName: String, CaseIterable {
    case dispatch, handling, verification

    var stage: Stage {
        switch self {
        case .dispatch: .dispatch
        case .handling: .handling
        case .verification: .verification
        }
    }
}
