import Foundation
import Testing

/// The command line and the console refuse a database that anyone could write or
/// replace, and say why; a knowing override opens a throwaway copy with a warning.
@Suite(.serialized) struct CLIHostSafetyTests {
    /// A demo built in a safe directory, then the directory or a file made world-writable.
    func harness() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.demo(cases: 10)
        return cli
    }

    func expectRefused(_ result: CLIHarness.Result, naming path: String, mode: String, _ what: String) {
        #expect(result.status == 1, "\(what): \(result.status) \(result.stdout)")
        #expect(result.stderr.hasPrefix("错误：拒绝打开数据库："), "\(what): \(result.stderr)")
        #expect(result.stderr.contains(path) && result.stderr.contains("权限 \(mode)"), "\(what): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(what)")
    }

    @Test func aWorldWritableDirectoryIsRefusedByCommandsAndTheConsole() throws {
        let cli = try harness()
        #expect(chmod(cli.dir.path, 0o1777) == 0)
        defer { chmod(cli.dir.path, 0o755) }
        expectRefused(try cli.run("case", "list"), naming: cli.dir.path, mode: "1777", "case list")
        expectRefused(try cli.run("check"), naming: cli.dir.path, mode: "1777", "check")
        expectRefused(try cli.run("comment", "C-260302-0001", "--text", "x"), naming: cli.dir.path, mode: "1777", "comment")
        // No subcommand: the console (which prints a summary when not on a terminal).
        expectRefused(try cli.runArgs([]), naming: cli.dir.path, mode: "1777", "console")
        #expect(try cli.run("case", "list").stderr.contains("目录"))
    }

    @Test func aWorldWritableFileOrWALIsRefused() throws {
        let cli = try harness()
        #expect(chmod(cli.db, 0o666) == 0)
        expectRefused(try cli.run("case", "list"), naming: cli.db, mode: "0666", "world-writable database")
        #expect(chmod(cli.db, 0o644) == 0)
        #expect(try cli.run("case", "list").status == 0)
        let wal = cli.db + "-wal"
        #expect(FileManager.default.createFile(atPath: wal, contents: nil) || FileManager.default.fileExists(atPath: wal))
        #expect(chmod(wal, 0o646) == 0)
        expectRefused(try cli.run("case", "list"), naming: wal, mode: "0646", "world-writable -wal")
    }

    @Test func aKnowingOverrideOpensWithAWarning() throws {
        let cli = try harness()
        #expect(chmod(cli.dir.path, 0o777) == 0)
        defer { chmod(cli.dir.path, 0o755) }
        let result = try cli.start(["case", "list", "--limit", "1"], environment: ["WANGGE_ALLOW_WORLD_WRITABLE": "1"]).wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("警告：数据库所在目录"))
        #expect(result.stdout.hasPrefix("编号"))
    }

    /// Replacing an installed organisation is for admins (the demo makes the OS user a supervisor).
    @Test func reinitialisingIsForAdmins() throws {
        let cli = try harness()
        let org = cli.dir.appendingPathComponent("org.toml")
        try CLIOperatorsTests.organisation(worker: "w", dispatcher: "d", admin: "a").write(to: org, atomically: true, encoding: .utf8)
        let result = try cli.run("init", "--org", org.path)
        #expect(result.status == 3, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("无权管理组织架构"), "\(result.stderr)")
        #expect(try cli.run("case", "list", "--limit", "1").status == 0, "the demo organisation is still installed")
    }
}
