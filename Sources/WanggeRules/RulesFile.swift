import WanggeCore
import WanggeTOML

/// What a rules file may refer to, when known: categories and units are checked against
/// them, so a typo in a code is an error at its line and column rather than a rule that
/// silently never fires.
public struct RuleReferences: Sendable {
    public var catalog: CategoryCatalog?
    public var organisation: Organisation?

    public init(catalog: CategoryCatalog? = nil, organisation: Organisation? = nil) {
        self.catalog = catalog; self.organisation = organisation
    }

    public init(context: DomainContext) {
        self.init(catalog: context.catalog, organisation: context.organisation)
    }
}

/// Reads a rules file (`rules.toml`). Every problem, including rules that contradict
/// themselves or can never fire, is a `TOMLError` naming file, line and column.
public enum RulesFile {
    /// The name under which a deployment stores its rules in the database.
    public static let configurationName = "rules.toml"

    public static func parse(_ text: String, file: String, references: RuleReferences = RuleReferences()) throws(TOMLError) -> RuleSet {
        let root = try TOMLFields.parse(text, file: file)
        try root.rejectUnknownKeys(allowed: ["version", "engine", "duplicates", "inhibit", "rule"])
        if let version = try root.optionalInt("version"), version != 1 {
            throw root.error("不支持的规则文件版本 \(version)（当前为 1）", at: "version")
        }
        var set = RuleSet(rules: [], file: file)
        if let engine = try root.optionalTable("engine") { set.engine = try parseEngine(engine) }
        if let duplicates = try root.optionalTable("duplicates") { set.duplicates = try parseDuplicates(duplicates) }
        var ids: [String: SourcePosition] = [:]
        for table in try root.tables("inhibit") {
            let inhibit = try parseInhibit(table, references: references)
            try claim(inhibit.id, table, &ids)
            set.inhibitions.append(inhibit)
        }
        var rules: [Rule] = []
        for (i, table) in try root.tables("rule").enumerated() {
            let parsed = try RuleParser(fields: table, index: i, references: references).parse()
            try claim(parsed.rule.id, table, &ids)
            if parsed.enabled { rules.append(parsed.rule) }
        }
        set.rules = rules.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
        try RuleValidation(file: file, references: references).check(set)
        return set
    }

    static func claim(_ id: String, _ table: TOMLFields, _ ids: inout [String: SourcePosition]) throws(TOMLError) {
        if let first = ids[id] {
            throw table.error("规则编号 \"\(id)\" 重复（首次出现于 \(first)）", at: "id")
        }
        ids[id] = table.position(of: "id")
    }

    static func parseEngine(_ f: TOMLFields) throws(TOMLError) -> EngineSettings {
        try f.rejectUnknownKeys(allowed: ["tick_seconds", "lease_seconds", "console_runs_engine", "max_cases_per_tick",
                                          "inhibited_recheck_minutes"])
        var s = EngineSettings()
        if let v = try f.optionalInt("tick_seconds") {
            guard (1...3600).contains(v) else { throw f.error("tick_seconds 应在 1 到 3600 之间", at: "tick_seconds") }
            s.tickSeconds = v
        }
        if let v = try f.optionalInt("lease_seconds") {
            guard (3...86_400).contains(v) else { throw f.error("lease_seconds 应在 3 到 86400 之间", at: "lease_seconds") }
            s.leaseSeconds = v
        }
        guard s.leaseSeconds > s.tickSeconds else {
            throw f.error("lease_seconds（\(s.leaseSeconds)）应大于 tick_seconds（\(s.tickSeconds)），否则租约会在两次检查之间失效",
                          at: f.has("lease_seconds") ? "lease_seconds" : "tick_seconds")
        }
        if let v = try f.optionalBool("console_runs_engine") { s.consoleRunsEngine = v }
        if let v = try f.optionalInt("max_cases_per_tick") {
            guard (1...10_000_000).contains(v) else { throw f.error("max_cases_per_tick 应在 1 到 10000000 之间", at: "max_cases_per_tick") }
            s.maxCasesPerTick = v
        }
        if let v = try f.optionalInt("inhibited_recheck_minutes") {
            guard (1...10_080).contains(v) else { throw f.error("inhibited_recheck_minutes 应在 1 到 10080 之间", at: "inhibited_recheck_minutes") }
            s.inhibitedRecheckSeconds = v * 60
        }
        return s
    }

    static func parseDuplicates(_ f: TOMLFields) throws(TOMLError) -> DuplicateSettings {
        try f.rejectUnknownKeys(allowed: ["enabled", "window", "scope", "match", "auto_link", "notify"])
        var d = DuplicateSettings()
        d.position = f.table.position
        if let v = try f.optionalBool("enabled") { d.enabled = v }
        if f.has("window") { d.window = try duration(f, "window", allowZero: false) }
        if let v = try f.optionalOneOf("scope", PlaceScope.self) { d.scope = v }
        if let v = try f.optionalOneOf("match", KindMatch.self) { d.match = v }
        if let v = try f.optionalBool("auto_link") { d.autoLink = v }
        if f.has("notify") { d.notify = try enumList(f, "notify", Role.self).map(\.value) }
        return d
    }

    static func parseInhibit(_ f: TOMLFields, references: RuleReferences) throws(TOMLError) -> InhibitRule {
        try f.rejectUnknownKeys(allowed: ["id", "description", "source_category", "source_severity_at_least", "scope", "match", "actions"])
        let id = try ruleID(f)
        let categories = try strings(f, "source_category")
        for (code, position) in categories { try checkCategory(code, position, f, references) }
        let actions = f.has("actions") ? Set(try enumList(f, "actions", RuleActionKind.self).map(\.value)) : [.escalate]
        return InhibitRule(
            id: id, description: try f.string("description"), sourceCategories: categories.map(\.0),
            sourceSeverityAtLeast: try f.optionalOneOf("source_severity_at_least", Severity.self) ?? .major,
            scope: try f.optionalOneOf("scope", PlaceScope.self) ?? .grid,
            match: try f.optionalOneOf("match", KindMatch.self) ?? .class, actions: actions, position: f.table.position)
    }

    // MARK: shared readers

    static func ruleID(_ f: TOMLFields) throws(TOMLError) -> String {
        let id = try f.string("id")
        let ok = !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        guard ok else { throw f.error("规则编号 \"\(id)\" 无效：只能用字母、数字、- _ .，最长 64 个字符", at: "id") }
        return id
    }

    /// A string or an array of strings, each with its position.
    static func strings(_ f: TOMLFields, _ key: String) throws(TOMLError) -> [(String, SourcePosition)] {
        guard let node = f.table[key] else { return [] }
        switch node.value {
        case .string(let s): return [(s, node.position)]
        case .array(let items):
            var out: [(String, SourcePosition)] = []
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item.value else {
                    throw TOMLError(file: f.file, position: item.position,
                                    message: "\"\(key)\" 的第 \(i + 1) 个元素应为字符串，实际是\(item.value.typeName)")
                }
                out.append((s, item.position))
            }
            guard !out.isEmpty else { throw f.error("\"\(key)\" 不能为空数组", at: key) }
            return out
        default:
            throw f.error("\"\(key)\" 应为字符串或字符串数组，实际是\(node.value.typeName)", at: key)
        }
    }

    /// A string or array of strings that must be raw values of `T`.
    static func enumList<T: RawRepresentable & CaseIterable>(_ f: TOMLFields, _ key: String, _ type: T.Type) throws(TOMLError) -> [(value: T, position: SourcePosition)]
    where T.RawValue == String {
        var out: [(value: T, position: SourcePosition)] = []
        for (text, position) in try strings(f, key) {
            guard let value = T(rawValue: text) else {
                let allowed = T.allCases.map(\.rawValue)
                var message = "\"\(key)\" 的值 \"\(text)\" 无效（可选值：\(allowed.joined(separator: "、"))）"
                if let guess = closest(text, allowed) { message += "，是否想写 \"\(guess)\"？" }
                throw TOMLError(file: f.file, position: position, message: message)
            }
            out.append((value, position))
        }
        return out
    }

    static func duration(_ f: TOMLFields, _ key: String, allowZero: Bool = true) throws(TOMLError) -> RuleDuration {
        let text = try f.string(key)
        guard let d = RuleDuration(text: text), allowZero || d.amount > 0 else {
            throw f.error("时长 \"\(text)\" 无效：应写 \"2h\"、\"30m\"、\"1d\"（按案件自身的时钟），或 \"2 working_hours\"、\"1 urgent_hours\"、\"3 calendar_days\" 这样指明时钟\(allowZero ? "" : "，且大于 0")", at: key)
        }
        return d
    }

    static func limit(_ f: TOMLFields, _ text: String, at position: SourcePosition) throws(TOMLError) -> TimeLimit {
        let trimmed = text.trimmingSpaces()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        var clockText = String(trimmed.dropFirst(digits.count)).trimmingSpaces()
        if !clockText.hasSuffix("s") { clockText += "s" }
        guard let amount = Int(digits), amount > 0, amount <= 100_000, let clock = ClockKind(rawValue: clockText) else {
            throw TOMLError(file: f.file, position: position,
                            message: "时限 \"\(text)\" 无效：应为 数量 + 时钟，如 \"1 urgent_hours\"（时钟：\(ClockKind.allCases.map(\.rawValue).joined(separator: "、"))）")
        }
        return TimeLimit(amount: amount, clock: clock)
    }

    static func checkCategory(_ code: String, _ position: SourcePosition, _ f: TOMLFields, _ references: RuleReferences) throws(TOMLError) {
        guard !code.isEmpty, code.count <= 12, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw TOMLError(file: f.file, position: position, message: "分类编码 \"\(code)\" 无效：应为数字，如 04 或 0401")
        }
        if let catalog = references.catalog, !catalog.categories.contains(where: { $0.code.hasPrefix(code) }) {
            throw TOMLError(file: f.file, position: position, message: "分类表中没有以 \(code) 开头的分类，此条件永远不会成立")
        }
    }

    /// The allowed word closest to a typo (one edit for short words, two for longer;
    /// swapping two neighbours is one edit), for "是否想写" hints.
    static func closest(_ word: String, _ candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            if a.isEmpty { return b.count }
            if b.isEmpty { return a.count }
            var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            for i in 1...a.count {
                for j in 1...b.count {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                }
            }
            return d[a.count][b.count]
        }
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            let limit = min(w.count, c.count) <= 4 ? 1 : 2
            if d <= limit, d < (best?.1 ?? .max) { best = (c, d) }
        }
        return best?.0
    }
}
