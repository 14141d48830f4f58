import WanggeCore

/// `case show`: every field, the time-limit bar, summoned departments, duplicates and
/// the whole timeline, as plain text. Titles and notes are returned raw; the caller
/// neutralises before printing.
public enum CaseDetailText {
    public static func render(_ s: CaseState, events: [CaseEvent], duplicates: [String], workspace: Workspace, now: Instant) -> String {
        let org = workspace.organisation
        let cal = workspace.calendar
        let catalog = workspace.context.catalog
        var lines: [String] = []
        lines.append("\(s.code)  \(s.title)")
        lines.append("状态：\(s.status.chineseName)    层级：\(s.level.chineseName)    严重程度：\(s.severity.chineseName)    版本：\(s.version)")
        lines.append("分类：\(catalog.pathName(s.category))（\(s.category)）")
        let grid = org.grid(s.grid)
        let building = s.building.flatMap { b in grid?.buildings.first { $0.code == b }?.name }
        lines.append("网格：\(grid?.name ?? s.grid)（\(s.grid)）" + (building.map { "  楼栋：\($0)" } ?? "")
                     + "  社区：\(grid.flatMap { org.community($0.community)?.name } ?? "—")")
        lines.append("来源：\(s.source.chineseName)" + (s.sourceRef.map { "（\($0)）" } ?? "") + "    上报：\(org.displayName(ofLogin: s.reporter)) \(CaseText.full(s.reportedAt, cal))")
        lines.append("承办：\(CaseText.handlerName(s, org))" + (s.dispatchedAt.map { "（\(CaseText.full($0, cal)) 派遣）" } ?? ""))
        if let clock = s.clock, let due = s.dueAt {
            let left = CaseText.timeLeft(s, calendar: cal, now: now)
            lines.append("时限：\(stageName(clock.stage)) \(clock.limit.chineseText)" + (clock.extensions > 0 ? " + 延期 \(clock.extensions) 次" : "")
                         + "，截止 \(CaseText.full(due, cal))，\(left.text)")
            lines.append("      " + bar(s, cal, now))
        }
        if let until = s.suspendedUntil, s.isSuspended(at: now) { lines.append("挂账：至 \(CaseText.full(until, cal))") }
        if let pending = s.pendingExtension { lines.append("延期申请待审批：\(pending)") }
        var counts: [String] = []
        if s.reworkCount > 0 { counts.append("返工 \(s.reworkCount) 次") }
        if s.sendBackCount > 0 { counts.append("回退 \(s.sendBackCount) 次") }
        if s.supervisionCount > 0 { counts.append("督办 \(s.supervisionCount) 次") }
        if s.extensionCount > 0 { counts.append("延期 \(s.extensionCount) 次") }
        if let sat = s.satisfaction { counts.append("评价 \(sat.chineseName)") }
        if !counts.isEmpty { lines.append("记录：" + counts.joined(separator: "，")) }
        if !s.summons.isEmpty {
            lines.append("吹哨报到：")
            for sm in s.summons {
                let name = org.unit(sm.unit)?.name ?? sm.unit
                if let at = sm.reportedInAt {
                    lines.append("  \(name)  已于 \(CaseText.short(at, cal)) 报到")
                } else {
                    lines.append("  \(name)  须于 \(CaseText.short(sm.dueAt, cal)) 前报到" + (now > sm.dueAt ? "（已超时）" : ""))
                }
            }
        }
        if let primary = s.duplicateOf { lines.append("并案：本案为 \(primary) 的重复上报") }
        if !duplicates.isEmpty { lines.append("重复上报：" + duplicates.joined(separator: "、")) }
        if !s.description.isEmpty { lines.append("描述：\(s.description)") }
        lines.append("")
        lines.append("时间线：")
        for e in events {
            lines.append("  \(CaseText.full(e.at, cal))  \(org.displayName(ofLogin: e.actor))  \(CaseText.eventDetail(e, workspace: workspace))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func stageName(_ stage: Stage) -> String {
        switch stage {
        case .dispatch: "派遣"
        case .handling: "处置"
        case .verification: "核查"
        }
    }

    /// "[██████░░░░] 60%": the share of the current limit used, in the case's own clock.
    public static func bar(_ s: CaseState, _ cal: WorkCalendar, _ now: Instant, width: Int = 20) -> String {
        guard let clock = s.clock else { return "" }
        let total = max(1, cal.totalSeconds(clock.limit, extensions: clock.extensions))
        let used = cal.used(start: clock.start, at: now, clock: clock.limit.clock, suspensions: clock.suspensions)
        let share = Double(used) / Double(total)
        let filled = min(width, max(0, Int(share * Double(width))))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] \(Int(share * 100))%"
    }
}
