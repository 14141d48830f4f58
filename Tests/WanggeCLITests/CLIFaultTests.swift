import Foundation
import Testing

/// Faults around the database: a lock held by another program (a notice on stderr while
/// waiting, then the command goes through, or a clear failure after the limit), and a
/// database the user may only read (lists work, writes say why not, nothing changes).
@Suite(.serialized) struct CLIFaultTests {
    static let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let noSQLite = sqlite3 == nil ? "跳过：没有 sqlite3 命令行（apt-get install sqlite3）" : ""

    /// The sqlite3 shell holding the write lock (BEGIN IMMEDIATE) until `release()`.
    final class LockHolder {
        let process = Process()
        let input = Pipe()
        let output = Pipe()

        init(_ db: String) throws {
            process.executableURL = URL(fileURLWithPath: try #require(CLIFaultTests.sqlite3))
            process.arguments = [db]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
            try #require(CLIFaultTests.read(output.fileHandleForReading, until: "locked"), "sqlite3 did not take the lock")
        }

        func release() {
            input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    /// Reads from `handle` (blocking) until the text seen so far contains `marker`; the text.
    static func read(_ handle: FileHandle, until marker: String) -> String? {
        var seen = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            seen.append(chunk)
            let text = String(decoding: seen, as: UTF8.self)
            if text.contains(marker) { return text }
        }
    }

    @Test(.enabled(if: sqlite3 != nil, Comment(rawValue: noSQLite)), .timeLimit(.minutes(10)))
    func aLockedDatabaseWaitsWithANoticeThenWrites() throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 10)
        let code = try cli.report(title: "等锁")
        let before = try cli.eventCount()
        let holder = try LockHolder(cli.db)
        let running = try cli.start(["comment", code, "--text", "等到锁了"])
        let notice = Self.read(running.err.fileHandleForReading, until: "继续等待")
        holder.release()
        let result = running.wait()
        #expect(notice?.hasPrefix("数据库正被其他程序写入，已等待 1 秒，继续等待（最长 300 秒）…") == true, "\(notice ?? "no notice")")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("备注"))
        #expect(try cli.eventCount() == before + 1)
    }

    @Test(.enabled(if: sqlite3 != nil, Comment(rawValue: noSQLite)), .timeLimit(.minutes(10)))
    func aLockHeldTooLongFailsClearlyAndWritesNothing() throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 10)
        let code = try cli.report(title: "等锁超时")
        let before = try cli.eventCount()
        let holder = try LockHolder(cli.db)
        let result = try cli.start(["comment", code, "--text", "等不到"], environment: ["WANGGE_BUSY_TIMEOUT": "2"]).wait()
        holder.release()
        #expect(result.status == 1)
        #expect(result.stderr.contains("已等待 1 秒，继续等待（最长 2 秒）"), "\(result.stderr)")
        #expect(result.stderr.contains("数据库被其他进程锁定，等待超时，未写入任何内容"), "\(result.stderr)")
        #expect(try cli.eventCount() == before)
    }

    @Test(.enabled(if: geteuid() != 0 || HostUsers.available, Comment(rawValue: HostUsers.unavailableReason ?? "")))
    func aReadOnlyDatabaseReadsButRefusesWritesClearly() throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 10, operatorRole: "admin")
        let code = try cli.report(title: "只读")
        let before = try cli.eventCount()
        var users: HostUsers?
        let run: ([String]) throws -> CLIHarness.Result
        if geteuid() == 0 {
            // Root writes anything: the reader is an operator without write permission.
            let hosts = try HostUsers()
            users = hosts
            let reader = try hosts.add("wgr")
            #expect(try cli.run("operator", "add", reader, "--role", "supervisor", "--scope", "county").status == 0)
            let binary = try #require(CLIHarness.binary)
            run = { try hosts.run(as: reader, binary, ["--db", cli.db, "--now", cli.now] + $0) }
            for file in [cli.db, cli.db + "-wal", cli.db + "-shm"] { chmod(file, 0o644) }
        } else {
            for file in [cli.db, cli.db + "-wal", cli.db + "-shm"] { chmod(file, 0o444) }
            run = { try cli.runArgs($0) }
        }
        defer { _ = users }
        let list = try run(["case", "list", "--limit", "3"])
        #expect(list.status == 0, "a read-only database can still be read: \(list.stderr)")
        #expect(list.stdout.hasPrefix("编号"))
        let write = try run(["comment", code, "--text", "写不进去"])
        #expect(write.status == 1)
        #expect(write.stderr.contains("数据库只读，未写入任何内容"), "\(write.stderr)")
        #expect(write.stderr.contains("当前用户不能写 \(cli.db)"), "\(write.stderr)")
        for file in [cli.db, cli.db + "-wal", cli.db + "-shm"] { chmod(file, 0o644) }
        #expect(try cli.eventCount() == before)
    }
}
