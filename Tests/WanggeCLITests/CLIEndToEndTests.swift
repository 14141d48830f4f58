import Foundation
import Testing

/// The real binary on a temporary demo database: list, report, dispatch, show, check.
@Suite(.serialized) struct CLIEndToEndTests {
    let cli: CLIHarness

    init() throws {
        cli = try CLIHarness()
        try cli.demo()
    }

    @Test func demoListsTheSameCasesAsCSVAndJSON() throws {
        let json = try cli.listJSON()
        #expect(json.count > 150 && json.count <= 200)
        let csv = try cli.run("case", "list", "--format", "csv", "--limit", "0")
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("code,title,description,category,grid,") == true)
        #expect(lines.count == json.count + 1)
        let csvCodes = Set(lines.dropFirst().map { String($0.prefix { $0 != "," }) })
        let jsonCodes = Set(json.compactMap { $0["code"] as? String })
        #expect(csvCodes == jsonCodes)
        #expect(jsonCodes.allSatisfy { $0.hasPrefix("C-26") && $0.count == 13 })

        let table = try cli.run("case", "list", "--limit", "5")
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("编号"))
        #expect(table.stdout.hasSuffix("共 5 条\n"))

        let check = try cli.run("check")
        #expect(check.status == 0)
        #expect(check.stdout.contains("完整性校验通过"))
        #expect(check.stdout.contains("\(json.count) 件案件"))
    }

    @Test func reportDispatchShowAndCheck() throws {
        let before = try cli.eventCount()
        let code = try cli.report(title: "3号楼楼顶漏水", extra: ["--description", "雨后漏水严重"])
        #expect(code.hasPrefix("C-260302-"))

        let dispatch = try cli.run("dispatch", code, "--to", "unit:ZJ", "--limit", "2 working_days", "--note", "请尽快")
        #expect(dispatch.status == 0, "\(dispatch.stderr)")
        #expect(dispatch.stdout.contains("案件 \(code)：立案、派遣 → 「待接单」，版本 3"))

        let show = try cli.run("case", "show", code)
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("\(code)  3号楼楼顶漏水\n"))
        #expect(show.stdout.contains("状态：待接单"))
        #expect(show.stdout.contains("承办：住房和城乡建设局"))
        #expect(show.stdout.contains("描述：雨后漏水严重"))
        let timeline = show.stdout.components(separatedBy: "时间线：\n").last ?? ""
        let entries = timeline.split(separator: "\n")
        #expect(entries.count == 3)
        #expect(entries[0].contains("2026-03-02 10:00") && entries[0].contains("上报「3号楼楼顶漏水」"))
        #expect(entries[1].contains("立案"))
        #expect(entries[2].contains("派遣给 住房和城乡建设局，时限 2 工作日") && entries[2].contains("请尽快"))

        let listed = try cli.listJSON(["--text", "3号楼楼顶漏水"])
        #expect(listed.count == 1)
        #expect(listed.first?["status"] as? String == "dispatched")
        #expect(listed.first?["handler"] as? String == "unit:ZJ")
        #expect(listed.first?["version"] as? Int == 3)

        #expect(try cli.eventCount() == before + 3)
    }

    @Test func logOfOneCase() throws {
        let code = try cli.report(title: "绿化带破坏", category: "0103")
        try cli.run("accept", code)
        let log = try cli.run("log", "--case", code)
        #expect(log.status == 0)
        let rows = log.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.contains(code) })
    }
}
