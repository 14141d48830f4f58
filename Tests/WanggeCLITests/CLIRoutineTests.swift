import Foundation
import Testing

/// `wangge routine`: a grid worker records a visit with findings, one becomes a case in
/// one step (twice gives the same case), and the worker's figures count the entry.
@Suite(.serialized) struct CLIRoutineTests {
    let cli: CLIHarness
    let worker: String
    let grid: String

    init() throws {
        cli = try CLIHarness()
        try cli.demo(operatorRole: "admin")
        let patrol = try #require(try cli.listJSON([]).first { $0["source"] as? String == "patrol" })
        let code = try #require(patrol["code"] as? String)
        grid = try #require(patrol["grid"] as? String)
        let show = try cli.run("case", "show", code, "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: show.stdoutBytes) as? [String: Any])
        worker = try #require((json["timeline"] as? [[String: Any]])?.first?["actor"] as? String)
    }

    func routineCount() throws -> Int {
        let r = try cli.run("stats", "--by", "worker", "--month", "2026-03", "--format", "json")
        try #require(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        let group = try #require((json["groups"] as? [[String: Any]])?.first { $0["key"] as? String == worker })
        let routine = try #require((group["figures"] as? [String: Any])?["routine"] as? [String: Any])
        return try #require(routine["numerator"] as? Int)
    }

    @Test func recordReportAndCount() throws {
        let before = try routineCount()
        let add = try cli.run("--as", worker, "routine", "add", "--grid", grid, "--kind", "visit",
                              "--finding", "安全隐患:楼道堆放杂物，堵塞消防通道", "--finding", "demand:希望加装扶手")
        #expect(add.status == 0, "\(add.stderr)")
        let id = try #require(add.stdout.split(separator: "#").dropFirst().first?.prefix { $0.isNumber })
        #expect(add.stdout.contains("发现 2 条"))
        #expect(add.stdout.contains("\(id)-1 查安全隐患：楼道堆放杂物"))

        let first = try cli.run("--as", worker, "routine", "report", "\(id)-1", "--category", "1101")
        #expect(first.status == 0, "\(first.stderr)")
        let code = try #require(first.stdout.split(separator: " ").dropFirst().first?.split(separator: "：").first.map(String.init))
        let again = try cli.run("--as", worker, "routine", "report", "\(id)-1", "--category", "1101")
        #expect(again.stdout.contains(code))
        let show = try cli.run("case", "show", code)
        #expect(show.stdout.contains("楼道堆放杂物"))

        let list = try cli.run("routine", "list", "--worker", worker, "--from", "2026-03-02", "--to", "2026-03-03")
        #expect(list.stdout.contains("1→\(code)"))
        #expect(list.stdout.contains("转为案件 1 件"))
        #expect(try routineCount() == before + 1)
    }

    @Test func refusalsSayWhyAndRecordNothing() throws {
        func listed() throws -> String {
            try cli.run("routine", "list", "--worker", worker, "--from", "2026-03-01", "--to", "2026-03-03").stdout
                .split(separator: "\n").last.map(String.init) ?? ""
        }
        let before = try listed()
        let otherGrid = grid == "0101" ? "0301" : "0101"
        let outside = try cli.run("--as", worker, "routine", "add", "--grid", otherGrid)
        #expect(outside.status == 3)
        #expect(outside.stderr.contains("不能上报"))
        let future = try cli.run("--as", worker, "routine", "add", "--grid", grid, "--at", "2026-03-05T10:00")
        #expect(future.status == 3)
        #expect(future.stderr.contains("走访时间不能晚于现在"))
        let bad = try cli.run("--as", worker, "routine", "add", "--grid", grid, "--finding", "无冒号")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("应形如 hazard:内容"))
        let missing = try cli.run("routine", "report", "999999-1", "--category", "1101")
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("找不到工作日志 #999999"))
        #expect(try listed() == before)
        #expect(before.hasPrefix("共 "))
    }
}
