/// The items of a grid worker's routine duty, 五查三问 (DOMAIN.md §6): six things to check
/// for and three questions to ask on every patrol or household visit.
public enum RoutineItem: String, Codable, Sendable, CaseIterable {
    // 五查 (the six checks)
    case cult                      // 查邪教
    case vice                      // 查黄赌毒
    case bully                     // 查村霸地痞
    case hazard                    // 查安全隐患
    case peopleUnderCare = "care"  // 查重点人员
    case dispute                   // 查矛盾纠纷
    // 三问 (the three questions)
    case hardship                  // 问困难
    case satisfaction              // 问满意
    case demand                    // 问诉求

    public var chineseName: String {
        switch self {
        case .cult: "查邪教"
        case .vice: "查黄赌毒"
        case .bully: "查村霸地痞"
        case .hazard: "查安全隐患"
        case .peopleUnderCare: "查重点人员"
        case .dispute: "查矛盾纠纷"
        case .hardship: "问困难"
        case .satisfaction: "问满意"
        case .demand: "问诉求"
        }
    }

    /// Reads an item as typed: its code (`hazard`), its name (`查安全隐患`) or the name
    /// without 查/问 (`安全隐患`, `困难`).
    public init?(typed text: String) {
        let t = text.trimmingSpaces()
        if let item = RoutineItem(rawValue: t) { self = item; return }
        guard let item = RoutineItem.allCases.first(where: { $0.chineseName == t || String($0.chineseName.dropFirst()) == t }) else {
            return nil
        }
        self = item
    }

    public var isCheck: Bool {
        switch self {
        case .hardship, .satisfaction, .demand: false
        default: true
        }
    }
}

/// 巡查 (walking the grid) or 走访 (visiting a household).
public enum RoutineKind: String, Codable, Sendable, CaseIterable {
    case patrol
    case visit

    public var chineseName: String {
        switch self {
        case .patrol: "巡查"
        case .visit: "走访"
        }
    }
}

/// Something a routine entry found under one item: it may become a case in one step.
public struct RoutineFinding: Hashable, Sendable {
    /// 1, 2, ... within the entry.
    public var number: Int
    public var item: RoutineItem
    public var text: String

    public init(number: Int, item: RoutineItem, text: String) {
        self.number = number; self.item = item; self.text = text
    }
}

/// One routine work record (日常工作日志): who walked or visited where and when, and what
/// they found. Entries are written once and never changed.
public struct RoutineEntry: Hashable, Sendable {
    public var id: Int64
    public var worker: String
    public var grid: String
    public var building: String?
    public var kind: RoutineKind
    public var at: Instant
    public var note: String
    public var findings: [RoutineFinding]
    /// Codes of the cases made from its findings (by finding number), as far as known.
    public var cases: [Int: String]

    public init(id: Int64, worker: String, grid: String, building: String?, kind: RoutineKind, at: Instant, note: String,
                findings: [RoutineFinding], cases: [Int: String] = [:]) {
        self.id = id; self.worker = worker; self.grid = grid; self.building = building; self.kind = kind
        self.at = at; self.note = note; self.findings = findings; self.cases = cases
    }

    /// A new entry (no id yet): the findings are numbered 1, 2, ... in order.
    public init(worker: String, grid: String, building: String?, kind: RoutineKind, at: Instant, note: String,
                found: [(item: RoutineItem, text: String)]) {
        self.init(id: 0, worker: worker, grid: grid, building: building, kind: kind, at: at, note: note,
                  findings: found.enumerated().map { RoutineFinding(number: $0.offset + 1, item: $0.element.item, text: $0.element.text) })
    }

    public var caseCount: Int { cases.count }

    /// The reference a case made from finding `number` carries (`source_ref`), which is
    /// also how the entry knows its cases: "五查三问-12-1".
    public static func reference(entry: Int64, finding number: Int) -> String { "\(referencePrefix)\(entry)-\(number)" }

    public static let referencePrefix = "五查三问-"

    /// Reads "12-1" or "五查三问-12-1" back into (entry, finding).
    public static func parseReference(_ text: String) -> (entry: Int64, finding: Int)? {
        var t = text.trimmingSpaces()
        if t.hasPrefix(referencePrefix) { t = String(t.dropFirst(referencePrefix.count)) }
        let parts = t.split(separator: "-")
        guard parts.count == 2, let entry = Int64(parts[0]), let number = Int(parts[1]), entry > 0, number > 0 else { return nil }
        return (entry, number)
    }
}
