import Foundation
import Testing

/// `check --quick` (the console's start-up check) from the command line: clean on a
/// fresh demo and on its backup, and an event edited with the sqlite3 shell — trigger
/// dropped and put back — is named, exit 1.
@Suite(.serialized) struct CLITamperTests {
    @Test func aBackupIsCleanAndAnEditWithTheShellIsFlagged() throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 30)
        let quick = try cli.run("check", "--quick")
        #expect(quick.status == 0, "\(quick.stdout)")
        #expect(quick.stdout.hasPrefix("快速校验通过：核验 "))
        let backup = cli.dir.appendingPathComponent("backup.sqlite").path
        #expect(try cli.run("backup", "--out", backup).status == 0)
        let copy = try cli.runArgs(["--db", backup, "check", "--quick"])
        #expect(copy.status == 0, "a backup is the program's own copy: \(copy.stdout)")

        let sqlite3 = try #require(CLIFaultTests.sqlite3, "sqlite3 is needed to edit behind the program's back")
        let edit = Process()
        edit.executableURL = URL(fileURLWithPath: sqlite3)
        edit.arguments = [cli.db, """
            DROP TRIGGER events_refuse_update;
            UPDATE events SET actor = 'forger' WHERE seq = 3;
            CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
            """]
        try edit.run()
        edit.waitUntilExit()
        #expect(edit.terminationStatus == 0)
        let flagged = try cli.run("check", "--quick")
        #expect(flagged.status == 1)
        #expect(flagged.stdout.contains("数据库结构在 wangge 之外被改动"), "\(flagged.stdout)")
        let full = try cli.run("check")
        #expect(full.status == 1)
        #expect(full.stdout.contains("第一个有问题的事件：#3"), "\(full.stdout)")
    }
}
