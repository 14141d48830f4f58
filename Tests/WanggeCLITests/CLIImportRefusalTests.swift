import Foundation
import Testing

/// Rows an operator may not import (outside the grids where they may dispatch) are
/// refused with their line, and the attempt is in the security log once per grid.
@Suite(.serialized) struct CLIImportRefusalTests {
    @Test func outOfScopeRowsAreRefusedAndRecorded() throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 60, operatorRole: "admin")
        let exported = try cli.run("case", "list", "--format", "csv", "--limit", "0")
        let csv = cli.dir.appendingPathComponent("cases.csv").path
        try exported.stdoutBytes.write(to: URL(fileURLWithPath: csv))
        let target = cli.dir.appendingPathComponent("target.sqlite").path
        #expect(try cli.runArgs(["--db", target, "demo", "--no-console", "--cases", "0", "--operator-role", "admin"]).status == 0)
        // A community's dispatcher of the demo (the admin acts as them).
        let people = try cli.runArgs(["--db", target, "operator", "list"])
        let dispatcher = try #require(people.stdout.split(separator: "\n").first { $0.contains("派遣员") && $0.contains("community:SQ01") })
        let login = String(dispatcher.split(separator: " ").first ?? "")
        let result = try cli.runArgs(["--db", target, "--as", login, "import", "csv", csv, "--skip-bad"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("无权向网格"), "\(result.stderr)")
        let audit = try cli.runArgs(["--db", target, "audit", "--refused", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: audit.stdoutBytes) as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["action"] as? String == "import" && $0["actor"] as? String == login && $0["reason"] as? String == "outOfScope" })
        #expect(try cli.runArgs(["--db", target, "check"]).status == 0)
    }
}
