import Foundation
import Testing

/// `wangge stats` and `wangge ranking` on a demo database, through the real binary.
@Suite(.serialized) struct CLIStatsTests {
    let cli: CLIHarness

    init() throws {
        cli = try CLIHarness()
        try cli.demo(cases: 400)
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try cli.runArgs(arguments + ["--format", "json"])
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
    }

    func figure(_ object: [String: Any], _ name: String) throws -> (value: Double?, numerator: Int, denominator: Int) {
        // A group keeps its figures under "figures"; the total is the figures themselves.
        let figures = (object["figures"] as? [String: Any]) ?? object
        let f = try #require(figures[name] as? [String: Any], "no figure \(name)")
        return (f["value"] as? Double, try #require(f["numerator"] as? Int), try #require(f["denominator"] as? Int))
    }

    @Test func byGridTheGroupsAddUpToTheTotal() throws {
        let report = try json(["stats", "--by", "grid", "--from", "2026-01-01", "--to", "2026-04-01"])
        let groups = try #require(report["groups"] as? [[String: Any]])
        #expect(groups.count == 60)
        let total = try #require(report["total"] as? [String: Any])
        var reported = 0, late = 0, judged = 0
        for group in groups {
            reported += try figure(group, "reported").numerator
            let handled = try figure(group, "handled_on_time")
            late += handled.denominator - handled.numerator
            judged += handled.denominator
        }
        #expect(try figure(total, "reported").numerator == reported)
        #expect(reported > 300)
        let handled = try figure(total, "handled_on_time")
        #expect(handled.denominator == judged && handled.denominator - handled.numerator == late)
        #expect(late > 0)
        let rate = try #require(handled.value)
        #expect(abs(rate - Double(handled.numerator) / Double(handled.denominator)) < 0.0001)
        let formulas = try #require(report["formulas"] as? [String: String])
        #expect(formulas["closed_on_time"]?.contains("已超时的未结案案件") == true)
    }

    @Test func asOfAnEarlierTimeCountsLess() throws {
        let now = try json(["stats", "--from", "2026-01-01", "--to", "2026-04-01"])
        let then = try json(["stats", "--from", "2026-01-01", "--to", "2026-04-01", "--as-of", "2026-02-15T00:00"])
        let a = try figure(try #require(now["total"] as? [String: Any]), "reported").numerator
        let b = try figure(try #require(then["total"] as? [String: Any]), "reported").numerator
        #expect(b > 0 && b < a)
        #expect(then["judged_at"] as? String == "2026-02-15 00:00")
    }

    @Test func tableCSVMarkdownAndExplain() throws {
        let table = try cli.run("stats", "--by", "community", "--month", "2026-02")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("考核统计（按社区）：2026-02-01 00:00 至 2026-03-01 00:00 上报的案件，截至 2026-03-02 10:00\n"))
        #expect(table.stdout.contains("按期结案") && table.stdout.contains("合计"))
        let csv = try cli.run("stats", "--by", "department", "--month", "2026-02", "--format", "csv")
        #expect(csv.stdout.hasPrefix("dimension,key,name,reported,reported_numerator,reported_denominator,handled_on_time,"))
        #expect(!csv.stdout.contains("dispatched_in_time"))
        let markdown = try cli.run("stats", "--month", "2026-02", "--format", "markdown")
        #expect(markdown.stdout.hasPrefix("## 考核统计"))
        #expect(markdown.stdout.contains("| 编码 | 网格 | 案件 |"))
        #expect(markdown.stdout.contains("- **按期结案率**："))
        let explain = try cli.run("stats", "--month", "2026-02", "--explain", "0101")
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("网格：幸福第1网格（0101）"))
        #expect(explain.stdout.contains("按期处置率 = "))
        #expect(explain.stdout.contains("全流程各轮次均未超时的已结案案件"))
    }

    @Test func theCasesBehindAFigure() throws {
        let report = try json(["stats", "--month", "2026-02"])
        let groups = try #require(report["groups"] as? [[String: Any]])
        let busiest = try #require(groups.max { (try? figure($0, "closed").denominator) ?? 0 < (try? figure($1, "closed").denominator) ?? 0 })
        let key = try #require(busiest["key"] as? String)
        let closed = try figure(busiest, "closed")
        let listed = try cli.run("stats", "--month", "2026-02", "--cases", "closed", "--key", key)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasSuffix("共 \(closed.denominator) 条\n"))
        let notClosed = try cli.run("stats", "--month", "2026-02", "--cases", "closed", "--key", key, "--failing")
        #expect(notClosed.stdout.hasSuffix("共 \(closed.denominator - closed.numerator) 条\n"))
    }

    @Test func badInputIsRefusedWithTheReason() throws {
        let month = try cli.run("stats", "--month", "2026-13")
        #expect(month.status != 0)
        #expect(month.stderr.contains("无效的月份 2026-13"))
        let both = try cli.run("stats", "--month", "2026-02", "--from", "2026-02-01")
        #expect(both.stderr.contains("--month 与 --from/--to 只能选一种"))
        let explain = try cli.run("stats", "--month", "2026-02", "--explain", "9999")
        #expect(explain.status != 0)
        #expect(explain.stderr.contains("没有编码为 9999 的一行"))
        let by = try cli.run("stats", "--by", "planet")
        #expect(by.status != 0)
    }

    @Test func rankingShowsTheFiguresBehindEachPlace() throws {
        let ranking = try cli.run("ranking", "--month", "2026-02", "--min-rounds", "1")
        #expect(ranking.status == 0, "\(ranking.stderr)")
        #expect(ranking.stdout.contains("物业公司红榜"))
        #expect(ranking.stdout.contains("部门黑榜（后 3 名，最差在前）"))
        #expect(ranking.stdout.contains("第1名"))
        let object = try json(["ranking", "--month", "2026-02", "--min-rounds", "1", "--kind", "department"])
        let lists = try #require(object["lists"] as? [[String: Any]])
        #expect(lists.count == 1)
        let ranked = try #require(lists[0]["ranked"] as? [[String: Any]])
        let scores = ranked.compactMap { $0["score"] as? Double }
        #expect(scores.count == ranked.count && scores == scores.sorted(by: >))
        let red = try #require(lists[0]["red"] as? [[String: Any]])
        #expect(red.first?["code"] as? String == ranked.first?["code"] as? String)
        #expect(try cli.run("ranking", "--kind", "bank").stderr.contains("无效的 --kind bank"))
    }
}
