import WanggeCore

/// Cases as JSON objects and CSV rows: `case list --format json|csv`. The CSV columns
/// are the ones the importer reads back (`BuiltInMappings.caseList`); `verdict` is the
/// handling verdict at the listing's instant (`HandlingVerdict`).
public enum CaseExport {
    public static let csvHeader = [
        "code", "title", "description", "category", "grid", "building", "source", "source_ref", "severity", "level",
        "status", "handler", "reported_at", "dispatched_at", "due_at", "handled_at", "closed_at", "satisfaction",
        "rework_count", "send_back_count", "extension_count", "duplicate_of", "overdue", "version",
        "handling_due_at", "verdict",
    ]

    public static func csvRow(_ s: CaseState, workspace: Workspace, now: Instant) -> [String] {
        let cal = workspace.calendar
        func t(_ i: Instant?) -> String { i.map { cal.civil($0).iso8601Local(offset: cal.utcOffsetSeconds) } ?? "" }
        return [
            s.code, s.title, s.description, s.category, s.grid, s.building ?? "", s.source.rawValue, s.sourceRef ?? "",
            s.severity.rawValue, s.level.rawValue, s.status.rawValue, s.handler?.description ?? "", t(s.reportedAt),
            t(s.dispatchedAt), t(s.dueAt), t(s.handledAt), t(s.closedAt), s.satisfaction?.rawValue ?? "",
            String(s.reworkCount), String(s.sendBackCount), String(s.extensionCount), s.duplicateOf ?? "",
            s.isOverdue(at: now) ? "1" : "0", String(s.version), t(s.handlingDueAt), s.handlingVerdict(at: now).rawValue,
        ]
    }

    /// RFC 4180 quoting: fields with commas, quotes or line breaks are quoted.
    public static func csvQuote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    public static func json(_ s: CaseState, workspace: Workspace, now: Instant) -> JSONValue {
        let values = csvRow(s, workspace: workspace, now: now)
        var pairs: [(String, JSONValue)] = []
        for (key, value) in zip(csvHeader, values) {
            switch key {
            case "rework_count", "send_back_count", "extension_count", "version": pairs.append((key, .int(Int64(value) ?? 0)))
            case "overdue": pairs.append((key, .bool(value == "1")))
            default: pairs.append((key, value.isEmpty ? .null : .string(value)))
            }
        }
        pairs.append(("time_left", .string(CaseText.timeLeft(s, calendar: workspace.calendar, now: now).text)))
        return .object(pairs)
    }
}

extension CivilTime {
    /// "2026-11-20T14:05:00+08:00".
    public func iso8601Local(offset: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let sign = offset < 0 ? "-" : "+"
        let o = abs(offset)
        return "\(date)T\(two(hour)):\(two(minute)):\(two(second))\(sign)\(two(o / 3600)):\(two((o % 3600) / 60))"
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
