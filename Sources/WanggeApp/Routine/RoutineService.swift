import WanggeCore
import WanggeStore

/// The routine work log (五查三问): grid workers record patrols and household visits with
/// what they found, and a finding becomes a case in one step.
public struct RoutineService: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Records an entry made by `person` in their grid. Refused outside the grids they may
    /// report in, for an unknown building, a time in the future or an empty finding.
    public func record(_ entry: RoutineEntry, as person: Person, at now: Instant, idempotencyKey: String? = nil) throws -> RoutineEntry {
        let org = workspace.organisation
        guard let grid = org.grid(entry.grid) else { throw Refusal(.invalidInput, "未知的网格 \(entry.grid)") }
        if let building = entry.building, !grid.buildings.contains(where: { $0.code == building }) {
            throw Refusal(.invalidInput, "网格 \(grid.code)（\(grid.name)）中没有楼栋 \(building)")
        }
        if let refusal = Permissions.check(person, .report, grid: grid.code, caseState: nil, organisation: org) { throw refusal }
        guard entry.at <= now else { throw Refusal(.invalidInput, "走访时间不能晚于现在") }
        for (i, finding) in entry.findings.enumerated() where finding.text.trimmingSpaces().isEmpty {
            throw Refusal(.invalidInput, "第 \(i + 1) 条发现（\(finding.item.chineseName)）没有内容")
        }
        var entry = entry
        entry.worker = person.login
        entry.findings = entry.findings.map { RoutineFinding(number: $0.number, item: $0.item, text: $0.text.trimmingSpaces()) }
        return try workspace.store.appendRoutineEntry(entry, recordedAt: now, idempotencyKey: idempotencyKey)
    }

    /// Makes finding `number` of entry `entryID` a case (发现上报, source 网格巡查), carrying
    /// the reference back to the entry. Doing it twice gives the same case.
    public func report(
        entry entryID: Int64, finding number: Int, category: String, title: String?, as person: Person, at now: Instant
    ) throws -> CaseState {
        guard let entry = try workspace.store.routineEntry(id: entryID) else {
            throw Refusal(.notFound, "找不到工作日志 #\(entryID)")
        }
        guard let finding = entry.findings.first(where: { $0.number == number }) else {
            throw Refusal(.notFound, "工作日志 #\(entryID) 没有第 \(number) 条发现（共 \(entry.findings.count) 条）")
        }
        let reference = RoutineEntry.reference(entry: entryID, finding: number)
        let calendar = workspace.calendar
        let text = finding.text
        let given = title?.trimmingSpaces() ?? ""
        let command = ReportCommand(
            title: given.isEmpty ? String(text.prefix(60)) : given,
            description: "\(entry.kind.chineseName)（\(finding.item.chineseName)）于 \(calendar.civil(entry.at).formatted()) 发现：\(text)",
            category: category, grid: entry.grid, building: entry.building, source: .patrol, sourceRef: reference)
        // The reference is the idempotency key: a second conversion returns the first case.
        return try CaseService(workspace: workspace).report(command, as: person, at: now, idempotencyKey: "routine/" + reference)
    }

    /// Entries in `[from, to)`, the person's own grids' (or everyone's, for wider scopes).
    public func list(from: Instant, to: Instant, worker: String?, grid: String?, as person: Person) throws -> [RoutineEntry] {
        let org = workspace.organisation
        return try workspace.store.routineEntries(from: from, to: to, worker: worker, grid: grid).filter {
            Permissions.check(person, .view, grid: $0.grid, caseState: nil, organisation: org) == nil || $0.worker == person.login
        }
    }
}
