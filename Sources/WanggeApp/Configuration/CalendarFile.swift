import WanggeCore
import WanggeTOML

/// Reads `calendar.toml`: the time zone, working periods, weekend days, and the
/// per-year holiday and make-up working day (调休) lists.
public enum CalendarFile {
    /// Zones the console knows by name. China has no daylight saving time, so a zone is
    /// a fixed offset; `utc_offset = "+08:00"` covers any other fixed zone.
    static let knownZones: [String: Int] = [
        "Asia/Shanghai": 28_800, "Asia/Chongqing": 28_800, "Asia/Harbin": 28_800, "Asia/Hong_Kong": 28_800,
        "Asia/Macau": 28_800, "Asia/Taipei": 28_800, "Asia/Urumqi": 21_600, "UTC": 0, "Etc/UTC": 0,
    ]

    public static func parse(_ text: String, file: String) throws(TOMLError) -> WorkCalendar {
        let root = try TOMLFields.parse(text, file: file)
        try root.rejectUnknownKeys(allowed: ["zone", "utc_offset", "periods", "weekend", "holidays", "workdays"])
        let zone = try root.optionalString("zone") ?? "Asia/Shanghai"
        var offset: Int
        if let offsetText = try root.optionalString("utc_offset") {
            guard let parsed = parseOffset(offsetText) else { throw root.fail("utc_offset 应形如 \"+08:00\"", at: "utc_offset") }
            offset = parsed
        } else {
            guard let known = knownZones[zone] else {
                throw root.fail("不认识的时区 \(zone)；请同时写 utc_offset = \"+08:00\" 这样的固定偏移", at: "zone")
            }
            offset = known
        }
        var periods = WorkingPeriod.standardDay
        if let texts = try root.optionalStringArray("periods") {
            periods = []
            for t in texts {
                let parts = t.split(separator: "-").map { String($0).trimmingSpaces() }
                guard parts.count == 2, let s = TimeOfDay(parts[0]), let e = TimeOfDay(parts[1]),
                      let p = WorkingPeriod(start: s, end: e) else {
                    throw root.fail("工作时段 \"\(t)\" 无效，应形如 \"08:00-12:00\"", at: "periods")
                }
                periods.append(p)
            }
        }
        var weekend: Set<Int> = [6, 7]
        if root.has("weekend") {
            guard case .array(let items)? = root.table["weekend"]?.value else { throw root.fail("weekend 应为 1-7 的整数数组", at: "weekend") }
            weekend = []
            for item in items {
                guard case .integer(let d) = item.value, (1...7).contains(d) else {
                    throw TOMLError(file: file, position: item.position, message: "周末应为 1（周一）到 7（周日）")
                }
                weekend.insert(Int(d))
            }
        }
        let holidays = try dates(root, "holidays")
        let workdays = try dates(root, "workdays")
        do {
            return try WorkCalendar(zoneName: zone, utcOffsetSeconds: offset, periods: periods, weekendDays: weekend,
                                    holidays: holidays, makeUpWorkdays: workdays)
        } catch {
            throw root.fail("日历设置无效：\(error)", at: nil)
        }
    }

    static func dates(_ root: TOMLFields, _ key: String) throws(TOMLError) -> Set<CivilDate> {
        guard let node = root.table[key] else { return [] }
        guard case .array(let items) = node.value else { throw root.fail("\(key) 应为日期数组", at: key) }
        var result: Set<CivilDate> = []
        for item in items {
            let text: String
            switch item.value {
            case .string(let s), .dateTime(let s): text = s
            default: throw TOMLError(file: root.file, position: item.position, message: "应为日期，如 2026-10-01")
            }
            guard let date = CivilDate(text) else {
                throw TOMLError(file: root.file, position: item.position, message: "无效的日期 \"\(text)\"")
            }
            result.insert(date)
        }
        return result
    }

    static func parseOffset(_ text: String) -> Int? {
        let t = text.hasPrefix("UTC") ? String(text.dropFirst(3)) : text
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let parts = t.dropFirst().split(separator: ":")
        guard let h = Int(parts.first ?? ""), (0...14).contains(h) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) ?? -1 : 0
        guard (0...59).contains(m) else { return nil }
        return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
    }
}
