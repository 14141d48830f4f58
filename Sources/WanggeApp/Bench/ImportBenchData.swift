import WanggeCore

/// A synthetic 12345 hotline export for `wangge bench-import`: the demo deployment's
/// categories, grids and departments by name, a year of work orders (60% closed, 30%
/// being handled, 10% waiting for dispatch), a tenth with a line break inside a quoted
/// field, and its mapping file. Deterministic from the row number.
public enum ImportBenchData {
    public static let header = "工单编号,标题,诉求内容,诉求类别,所属网格,受理时间,派单时间,办理时限,办结时间,工单状态,承办单位,来源渠道"

    public static let mappingTOML = """
        source = "12345"
        date_formats = ["%Y-%m-%d %H:%M:%S"]

        [columns]
        id = "工单编号"
        title = "标题"
        text = "诉求内容"
        category = "诉求类别"
        grid = "所属网格"
        reported_at = "受理时间"
        dispatched_at = "派单时间"
        due_at = "办理时限"
        closed_at = "办结时间"
        status = "工单状态"
        handler = "承办单位"
        channel = "来源渠道"

        [status]
        map = { "已办结" = "closed", "办理中" = "dispatched", "待派单" = "reported" }

        [channel]
        map = { "电话" = "12345", "网站" = "12345", "来访" = "walk_in" }
        """

    /// Writes `rows` records through `emit`, a few thousand lines at a time.
    public static func generate(rows: Int, context: DomainContext, emit: (String) throws -> Void) throws {
        let catalog = context.catalog
        let leaves = catalog.categories.filter { c in !catalog.categories.contains { $0.parentCode == c.code } }
        let grids = context.organisation.grids.map(\.name)
        let units = context.organisation.units.map(\.name)
        let channels = ["电话", "电话", "电话", "网站", "来访"]
        let cal = context.calendar
        // 2025-01-01 00:00 local; a year of reports.
        let start = cal.startOfDay(CivilDate(year: 2025, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 20_089))
        var chunk = header + "\n"
        func time(_ i: Instant) -> String {
            let c = cal.civil(i)
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(c.date) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
        }
        for i in 0..<rows {
            var rng = SeededRandom(seed: 0x1234_5678 &+ UInt64(i) &* 0x9E37_79B9)
            let category = rng.pick(leaves)
            let reported = start + Int64(rng.int(0..<(365 * 86_400)))
            let dispatched = reported + Int64(rng.int(600...7200))
            let roll = rng.int(0..<10)
            let status = roll < 6 ? "已办结" : roll < 9 ? "办理中" : "待派单"
            let due = rng.chance(0.3) ? time(dispatched + Int64(rng.int(1...5)) * 86_400) : ""
            let closed = status == "已办结" ? time(dispatched + Int64(rng.int(3600...(6 * 86_400)))) : ""
            let grid = rng.pick(grids)
            let text = rng.chance(0.1)
                ? "\"市民来电反映：\(grid)\(category.nameZh)，\n已持续多日，要求尽快处理。\""
                : "市民来电反映：\(grid)\(category.nameZh)，要求尽快处理。"
            let fields = [
                "GD2025\(100_000_000 + i)", "\(category.nameZh)（\(grid)）", text, category.nameZh, grid, time(reported),
                status == "待派单" ? "" : time(dispatched), status == "待派单" ? "" : due, closed, status,
                status == "待派单" ? "" : rng.pick(units), rng.pick(channels),
            ]
            chunk += fields.joined(separator: ",") + "\n"
            if chunk.utf8.count > 1 << 20 {
                try emit(chunk)
                chunk = ""
            }
        }
        if !chunk.isEmpty { try emit(chunk) }
    }
}
