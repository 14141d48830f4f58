import WanggeCore
import WanggeTOML

/// Reads `categories.toml`: the category tree (two digits per level) with limits,
/// levels and severities, and the stage limits. A child without a limit, level or
/// severity inherits its parent's.
public enum CategoriesFile {
    public static func parse(_ text: String, file: String) throws(TOMLError) -> (CategoryCatalog, StagePolicy) {
        let root = try TOMLFields.parse(text, file: file)
        try root.rejectUnknownKeys(allowed: ["stages", "category"])
        var stages = StagePolicy.standard
        if let s = try root.optionalTable("stages") {
            try s.rejectUnknownKeys(allowed: ["dispatch", "verification", "report_in", "max_extensions", "max_suspension_days"])
            if s.has("dispatch") { stages.dispatch = try limit(s, "dispatch") }
            if s.has("verification") { stages.verification = try limit(s, "verification") }
            if s.has("report_in") { stages.reportIn = try limit(s, "report_in") }
            if let m = try s.optionalInt("max_extensions") {
                guard (0...10).contains(m) else { throw s.fail("max_extensions 应在 0 到 10 之间", at: "max_extensions") }
                stages.maxExtensions = m
            }
            if let d = try s.optionalInt("max_suspension_days") {
                guard (1...366).contains(d) else { throw s.fail("max_suspension_days 应在 1 到 366 之间", at: "max_suspension_days") }
                stages.maxSuspensionSeconds = Int64(d) * 86_400
            }
        }
        var categories: [Category] = []
        var byCode: [String: Category] = [:]
        for f in try root.tables("category") {
            try f.rejectUnknownKeys(allowed: ["code", "name", "name_en", "limit", "level", "severity"])
            let code = try f.string("code")
            guard Category.isValidCode(code) else { throw f.fail("分类编码 \(code) 无效：应为每级两位数字，如 01、0101", at: "code") }
            guard byCode[code] == nil else { throw f.fail("分类编码 \(code) 重复", at: "code") }
            let parent = code.count > 2 ? byCode[String(code.dropLast(2))] : nil
            if code.count > 2 && parent == nil {
                throw f.fail("分类 \(code) 的上级 \(code.dropLast(2)) 不存在（上级须写在前面）", at: "code")
            }
            let limitValue: TimeLimit
            if f.has("limit") { limitValue = try limit(f, "limit") }
            else if let parent { limitValue = parent.limit }
            else { throw f.fail("顶级分类 \(code) 缺少 limit（如 \"3 working_days\"）", at: nil) }
            let category = Category(
                code: code, nameZh: try f.string("name"), nameEn: try f.optionalString("name_en") ?? "",
                limit: limitValue, level: try f.optionalOneOf("level", Level.self) ?? parent?.level ?? .grid,
                severity: try f.optionalOneOf("severity", Severity.self) ?? parent?.severity ?? .normal)
            byCode[code] = category
            categories.append(category)
        }
        return (CategoryCatalog(categories: categories), stages)
    }

    /// "4 working_hours", "2 urgent_hours", "3 working_days", "1 calendar_days".
    static func limit(_ f: TOMLFields, _ key: String) throws(TOMLError) -> TimeLimit {
        let text = try f.string(key)
        guard let limit = TimeLimit(text: text) else {
            throw f.fail("时限 \"\(text)\" 无效：应为 数量 + 时钟，如 \"4 working_hours\"（时钟：\(ClockKind.allCases.map(\.rawValue).joined(separator: "、"))）", at: key)
        }
        return limit
    }
}

extension TimeLimit {
    /// Parses "4 working_hours" (also "4working_hours" and "4 working_hour").
    public init?(text: String) {
        let trimmed = text.trimmingSpaces()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let amount = Int(digits), amount > 0, amount <= 100_000 else { return nil }
        var clockText = String(trimmed.dropFirst(digits.count)).trimmingSpaces()
        if !clockText.hasSuffix("s") { clockText += "s" }
        guard let clock = ClockKind(rawValue: clockText) else { return nil }
        self.init(amount: amount, clock: clock)
    }

    /// Chinese text for screens: "4 工作时", "3 工作日".
    public var chineseText: String {
        switch clock {
        case .urgentHours: "\(amount) 紧急小时"
        case .workingHours: "\(amount) 工作时"
        case .workingDays: "\(amount) 工作日"
        case .calendarDays: "\(amount) 自然日"
        }
    }
}
