import WanggeCore
import WanggeRules
import WanggeStore

/// One case on a joint meeting's agenda, with why it is there.
public struct AgendaItem: Sendable {
    public var state: CaseState
    /// "升级至街道（分类起始层级：网格）", "规则 hard-dispute-agenda 列入 11-15 会议：…".
    public var reasons: [String]
    /// Listed for an earlier meeting and still unresolved.
    public var carriedOver: Bool
}

/// The agenda of one 三五联席会议 (5th, 15th or 25th): per level, the unresolved cases
/// that were escalated to it, and the cases the rules listed for it (or for an earlier
/// meeting and still open).
public struct MeetingAgenda: Sendable {
    public var meeting: CivilDate
    public var levels: [(level: Level, items: [AgendaItem])]

    public var count: Int { levels.reduce(0) { $0 + $1.items.count } }
}

public enum MeetingAgendaBuilder {
    /// The agenda of the meeting on or after `date`, limited to what `person` may see.
    public static func build(_ workspace: Workspace, date: CivilDate, as person: Person) throws -> MeetingAgenda {
        let meeting = JointMeeting.next(onOrAfter: date)
        let store = workspace.store
        let org = workspace.organisation
        let catalog = workspace.context.catalog
        var items: [Int64: AgendaItem] = [:]
        func visible(_ s: CaseState) -> Bool {
            Permissions.check(person, .view, grid: s.grid, caseState: s, organisation: org) == nil
        }
        /// Verified and evaluated cases are settled (waiting for assessment): not on an agenda.
        func unresolved(_ s: CaseState) -> Bool { s.status.isOpen && s.status != .verified && s.status != .evaluated }
        for level in [Level.community, .street, .department] {
            for s in try store.openCases(atLevel: level) where unresolved(s) && visible(s) {
                let start = catalog.category(s.category)?.level ?? .grid
                guard s.level > start else { continue }
                items[s.id] = AgendaItem(state: s, reasons: ["升级至\(s.level.chineseName)（分类起始层级：\(start.chineseName)）"], carriedOver: false)
            }
        }
        for entry in try store.agenda(upTo: meeting.description) {
            guard let s = try items[entry.caseID]?.state ?? store.caseState(id: entry.caseID), unresolved(s), visible(s) else { continue }
            var item = items[entry.caseID] ?? AgendaItem(state: s, reasons: [], carriedOver: false)
            item.reasons.append("\(entry.rule.map { "规则 \($0)" } ?? "引擎") 列入 \(entry.meeting) 会议：\(entry.reason)")
            if entry.meeting < meeting.description { item.carriedOver = true }
            items[entry.caseID] = item
        }
        var levels: [(level: Level, items: [AgendaItem])] = []
        for level in Level.allCases {
            let list = items.values.filter { $0.state.level == level }
                .sorted { ($0.state.reportedAt, $0.state.id) < ($1.state.reportedAt, $1.state.id) }
            if !list.isEmpty { levels.append((level, list)) }
        }
        return MeetingAgenda(meeting: meeting, levels: levels)
    }
}
