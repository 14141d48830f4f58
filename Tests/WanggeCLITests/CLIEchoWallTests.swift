import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `wangge echo-wall` on a demo database: a settled case whose title and result carry a
/// resident's name, a phone number, an ID number and a house number is published with
/// none of them; the page has no script and escapes what it quotes.
@Suite(.serialized) struct CLIEchoWallTests {
    let cli: CLIHarness
    let login: String

    init() throws {
        cli = try CLIHarness()
        try cli.demo(cases: 200)
        login = getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? ""
    }

    func settle(title: String, description: String, result: String) throws -> String {
        let code = try cli.report(title: title, category: "1201", grid: "0101", extra: ["--description", description, "--source", "12345"])
        for args in [
            ["dispatch", code, "--to", login], ["take", code], ["feedback", code, "--text", result],
            ["verify", code, "--pass", "--note", "已核实"], ["evaluate", code, "--satisfaction", "satisfied"], ["close", code],
        ] {
            let r = try cli.runArgs(args)
            try #require(r.status == 0, "\(args): \(r.stderr)")
        }
        return code
    }

    @Test func aPlantedPhoneNumberAndNameDoNotSurvive() throws {
        let code = try settle(
            title: "居民张三丰反映3号楼2单元501室水管爆裂<script>alert(1)</script>",
            description: "来电人张三丰，电话13912345678，身份证110101199003074514",
            result: "已联系业主王小二（手机 139-1234-5678）更换水管，户主张三丰满意")
        let dir = cli.dir.appendingPathComponent("wall").path
        let run = try cli.run("echo-wall", "--out", dir, "--from", "2026-03-01", "--to", "2026-03-03")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("回音壁："))
        let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        let markdown = try String(contentsOfFile: dir + "/echo-wall.md", encoding: .utf8)
        for page in [html, markdown] {
            #expect(page.contains(code))
            for secret in ["张三丰", "三丰", "王小二", "13912345678", "139-1234-5678", "1234", "110101199003074514", "501", "3号楼"] {
                #expect(!page.contains(secret), "\(secret) survived")
            }
            #expect(page.contains("居民张**反映*号楼*单元***室水管爆裂"))
            #expect(page.contains("已联系业主王**（手机 ***-****-****）更换水管"))
        }
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func badOutputDirectoryIsAnErrorAndWritesNothing() throws {
        let file = cli.dir.appendingPathComponent("not-a-dir").path
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let run = try cli.run("echo-wall", "--out", file + "/wall")
        #expect(run.status == 1)
        #expect(run.stderr.contains("无法写入"))
    }
}
