import WanggeAssessment
import WanggeCore
import WanggeStore

/// One settled case as residents see it on the echo wall (回音壁): nothing that names or
/// reaches a person.
public struct EchoWallItem: Sendable, Hashable {
    public var code: String
    public var category: String
    public var community: String
    public var grid: String
    public var reportedOn: String
    public var closedOn: String
    public var request: String
    public var outcome: String
    /// Working hours from the report to the closing.
    public var workingHours: Double
    /// "3.5 个工作时" or, from a day up, "2.1 个工作日".
    public var took: String
    public var satisfaction: Satisfaction?
    public var handler: String
}

/// The settled cases of a period, masked (`PrivacyMask`): what `wangge echo-wall` writes.
public struct EchoWall: Sendable {
    public var from: Instant
    public var to: Instant
    public var items: [EchoWallItem]
    /// Settled cases left out because of their category (public order, people under care...).
    public var withheld: Int

    /// Categories never shown to the public by default: 治安 and 重点人员.
    public static let defaultWithheld = ["13", "14"]

    public static func build(
        _ workspace: Workspace, from: Instant, to: Instant, limit: Int, withheld: [String] = defaultWithheld, as person: Person
    ) throws -> EchoWall {
        let org = workspace.organisation
        let catalog = workspace.context.catalog
        let calendar = workspace.calendar
        let mask = PrivacyMask(knownNames: org.people.map(\.name))
        var items: [EchoWallItem] = []
        var hidden = 0
        for s in try workspace.store.closedCases(from: from, to: to, limit: limit) {
            guard Permissions.check(person, .view, grid: s.grid, caseState: s, organisation: org) == nil else { continue }
            if withheld.contains(where: { s.category.hasPrefix($0) }) { hidden += 1; continue }
            guard let closed = s.closedAt else { continue }
            let events = try workspace.store.events(ofCase: s.id).map(\.event)
            let outcome = events.reversed().lazy.compactMap { e -> String? in
                if case .feedback(let text, _, _) = e.body { return text }
                return nil
            }.first ?? ""
            let handler: String = switch s.handler {
            case .unit(let code)?: org.unit(code)?.name ?? code
            case .person?: "网格员"
            case nil: "—"
            }
            let grid = org.grid(s.grid)
            items.append(EchoWallItem(
                code: s.code, category: catalog.pathName(s.category),
                community: grid.flatMap { org.community($0.community)?.name } ?? "", grid: grid?.name ?? s.grid,
                reportedOn: calendar.civil(s.reportedAt).date.description, closedOn: calendar.civil(closed).date.description,
                request: mask.mask(s.title), outcome: mask.mask(outcome),
                workingHours: Double(calendar.measure(from: s.reportedAt, to: closed, clock: .workingHours)) / 3600,
                took: Self.duration(seconds: calendar.measure(from: s.reportedAt, to: closed, clock: .workingHours),
                                    perDay: calendar.workingSecondsPerDay),
                satisfaction: s.satisfaction, handler: mask.mask(handler)))
        }
        return EchoWall(from: from, to: to, items: items, withheld: hidden)
    }

    /// "满意 12 件 · 基本满意 3 件 · 不满意 1 件".
    public var satisfactionSummary: String {
        Satisfaction.allCases.map { s in "\(s.chineseName) \(items.filter { $0.satisfaction == s }.count) 件" }.joined(separator: " · ")
    }

    /// "8.5": one decimal, rounded half up.
    static func hours(_ h: Double) -> String {
        let tenths = Int((h * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// "3.5 个工作时" under a working day, "2.1 个工作日" (days of the calendar's office hours) above.
    static func duration(seconds: Int64, perDay: Int64) -> String {
        let hours = Double(seconds) / 3600
        guard perDay > 0, seconds >= perDay else { return "\(Self.hours(hours)) 个工作时" }
        return "\(Self.hours(Double(seconds) / Double(perDay))) 个工作日"
    }
}
