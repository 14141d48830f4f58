import Foundation
import Testing

/// Refusals and impersonation: exit codes, a Chinese message on stderr, nothing written.
@Suite(.serialized) struct CLIRefusalTests {
    @Test func refusalsExitThreeAndWriteNothing() throws {
        let cli = try CLIHarness()
        try cli.demo()
        let code = try cli.report(title: "消防通道堵塞")
        let before = try cli.eventCount()

        let cases: [[String]] = [
            ["decline", code],                                  // no reason
            ["dispatch", code, "--to", "nobody"],               // unknown handler
            ["close", code],                                    // wrong step
            ["verify", code, "--fail"],                         // wrong step
            ["report", "--title", "x", "--category", "9999", "--grid", "0101"], // unknown category
        ]
        for args in cases {
            let result = try cli.runArgs(args)
            #expect(result.status == 3, "\(args): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("拒绝："), "\(args): \(result.stderr)")
            #expect(result.stderr.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(args)")
            #expect(result.stdout.isEmpty, "\(args): \(result.stdout)")
        }
        let stale = try cli.run("close", code)
        #expect(stale.stderr.contains("当前为「待受理」，不能结案。请刷新"))
        let missing = try cli.run("decline", code)
        #expect(missing.stderr == "拒绝：请填写不予立案的理由\n")
        #expect(try cli.eventCount() == before)
    }

    @Test func conflictOnAStaleExpectedVersionExitsFour() throws {
        let cli = try CLIHarness()
        try cli.demo()
        let code = try cli.report(title: "路面破损", category: "0602")
        #expect(try cli.run("accept", code, "--expect-version", "1").status == 0)
        let before = try cli.eventCount()
        let stale = try cli.run("comment", code, "--text", "补充照片", "--expect-version", "1")
        #expect(stale.status == 4)
        #expect(stale.stderr.hasPrefix("拒绝：案件 \(code) 已由 "))
        #expect(stale.stderr.hasSuffix("立案，请刷新\n"))
        #expect(try cli.eventCount() == before)
    }

    /// A login that acted in the demo and is not the operator: the reporter of a
    /// patrol case, from a case's JSON timeline.
    func someGridWorker(_ cli: CLIHarness) throws -> String {
        let patrol = try #require(try cli.listJSON(["--state", "reported"]).first { $0["source"] as? String == "patrol" })
        let code = try #require(patrol["code"] as? String)
        let show = try cli.run("case", "show", code, "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: show.stdoutBytes) as? [String: Any])
        let timeline = try #require(json["timeline"] as? [[String: Any]])
        return try #require(timeline.first?["actor"] as? String)
    }

    @Test func asWorksForAnAdminOperator() throws {
        let cli = try CLIHarness()
        try cli.demo(operatorRole: "admin")
        let worker = try someGridWorker(cli)
        let all = try cli.listJSON()
        let theirs = try cli.listJSON(["--as", worker])
        #expect(!theirs.isEmpty)
        #expect(theirs.count < all.count)
        // Acting as the grid worker, the admin may not dispatch (grid workers cannot).
        let code = try #require(theirs.first { $0["status"] as? String == "reported" }?["code"] as? String)
        let dispatch = try cli.run("--as", worker, "dispatch", code, "--to", "unit:CG")
        #expect(dispatch.status == 3)
        #expect(dispatch.stderr.contains("专职网格员"))
        #expect(dispatch.stderr.contains("无权派遣"))
    }

    @Test func asIsRefusedForAnyoneElse() throws {
        let cli = try CLIHarness()
        try cli.demo()   // the operator is a supervisor
        let worker = try someGridWorker(cli)
        let before = try cli.eventCount()
        let result = try cli.run("--as", worker, "case", "list")
        #expect(result.status == 1)
        #expect(result.stderr.contains("只有管理员可以使用 --as"))
        #expect(result.stdout.isEmpty)
        let write = try cli.run("--as", worker, "report", "--title", "冒名上报", "--category", "1102", "--grid", "0101")
        #expect(write.status != 0)
        #expect(try cli.eventCount() == before)
    }
}
