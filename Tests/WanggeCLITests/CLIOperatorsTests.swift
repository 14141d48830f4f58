import Foundation
import Testing

/// Two OS users created for the test run the real binary on one shared database: the
/// grid worker's dispatch and close are refused and recorded in the security log; the
/// dispatcher's dispatch goes through; `wangge audit` shows both.
@Suite(.serialized) struct CLIOperatorsTests {
    /// A small organisation: one community, two grids, the two test users and the
    /// process's own login as admin.
    static func organisation(worker: String, dispatcher: String, admin: String) -> String {
        """
        county = "测试区"
        [[street]]
        code = "JD01"
        name = "城关街道"
        [[community]]
        code = "SQ01"
        name = "幸福社区"
        street = "JD01"
        [[grid]]
        code = "0101"
        name = "幸福第1网格"
        community = "SQ01"
        [[grid]]
        code = "0102"
        name = "幸福第2网格"
        community = "SQ01"
        [[unit]]
        code = "CG"
        name = "城市管理局"
        [[person]]
        login = "\(worker)"
        name = "网格员甲"
        role = "grid_worker"
        scope = "grids:0101"
        [[person]]
        login = "\(dispatcher)"
        name = "派遣员乙"
        role = "dispatcher"
        scope = "community:SQ01"
        [[person]]
        login = "\(admin)"
        name = "管理员"
        role = "admin"
        scope = "county"
        """
    }

    @Test(.enabled(if: HostUsers.available, Comment(rawValue: HostUsers.unavailableReason ?? "")))
    func gridWorkerIsRefusedAndLoggedDispatcherWorks() throws {
        let users = try HostUsers()
        let worker = try users.add("wgw")
        let dispatcher = try users.add("wgd")
        let cli = try CLIHarness()
        let binary = try #require(CLIHarness.binary)
        let admin = try #require(getpwuid(geteuid())?.pointee.pw_name.map { String(cString: $0) })

        // The shared directory: group-owned, setgid, no access for others.
        #expect(chown(cli.dir.path, geteuid(), try users.gid) == 0)
        #expect(chmod(cli.dir.path, 0o2770) == 0)
        let org = cli.dir.appendingPathComponent("org.toml")
        try Self.organisation(worker: worker, dispatcher: dispatcher, admin: admin).write(to: org, atomically: true, encoding: .utf8)
        let initialised = try cli.run("init", "--org", org.path)
        try #require(initialised.status == 0, "\(initialised.stderr)")
        // SQLite gives the -wal and -shm files the database's mode when it creates them;
        // they outlive the process, so they are shared the same way.
        for file in [cli.db, cli.db + "-wal", cli.db + "-shm"] where FileManager.default.fileExists(atPath: file) {
            #expect(chown(file, geteuid(), try users.gid) == 0)
            #expect(chmod(file, 0o660) == 0)
        }

        // Operators of a real deployment act at the wall clock: only admins may fix it.
        func run(_ login: String, _ arguments: String...) throws -> CLIHarness.Result {
            try users.run(as: login, binary, ["--db", cli.db] + arguments)
        }
        let backdated = try users.run(as: worker, binary, ["--db", cli.db, "--now", cli.now, "case", "list"])
        #expect(backdated.status == 1)
        #expect(backdated.stderr.contains("只有管理员可以用 --now"), "\(backdated.stderr)")

        let reported = try run(worker, "report", "--title", "消防通道堵塞", "--category", "1102", "--grid", "0101")
        try #require(reported.status == 0, "the grid worker reports in their grid: \(reported.stderr)")
        let code = String(reported.stdout.dropFirst(4).prefix(13))

        let dispatch = try run(worker, "dispatch", code, "--to", "unit:CG")
        #expect(dispatch.status == 3)
        #expect(dispatch.stderr.contains("专职网格员 网格员甲（\(worker)）无权派遣案件 \(code)"), "\(dispatch.stderr)")
        let close = try run(worker, "close", code)
        #expect(close.status == 3)
        #expect(close.stderr.contains("无权结案"), "\(close.stderr)")
        let snoop = try run(worker, "audit")
        #expect(snoop.status == 3, "a grid worker may not audit: \(snoop.stdout)")

        let dispatched = try run(dispatcher, "dispatch", code, "--to", "unit:CG")
        #expect(dispatched.status == 0, "\(dispatched.stderr)")
        #expect(dispatched.stdout.contains("立案、派遣 → 「待接单」"))

        // The admin (this process's login) reads the security log.
        let refusals = try auditJSON(cli, ["--refused"]).filter { $0["action"] as? String != "fixed_clock" }
        #expect(refusals.count == 3, "\(refusals)")
        let byAction = Dictionary(grouping: refusals) { $0["action"] as? String ?? "" }
        for action in ["dispatch", "close"] {
            let entry = try #require(byAction[action]?.first, "no refusal of \(action)")
            #expect(entry["actor"] as? String == worker)
            #expect(entry["os_login"] as? String == worker)
            #expect(entry["case"] as? String == code)
            #expect(entry["channel"] as? String == "cli")
            #expect(entry["reason"] as? String == "forbidden")
        }
        #expect(byAction["audit"]?.first?["actor"] as? String == worker)
        #expect(try auditJSON(cli, ["--refused", "--operator", dispatcher]).isEmpty)

        let theirs = try auditJSON(cli, ["--operator", dispatcher])
        #expect(theirs.map { $0["action"] as? String } == ["accepted", "dispatched"])
        #expect(theirs.allSatisfy { $0["outcome"] as? String == "done" && $0["case"] as? String == code })
        let workers = try auditJSON(cli, ["--operator", worker, "--from", "2020-01-01", "--to", "2100-01-01"])
        #expect(workers.filter { $0["outcome"] as? String == "done" }.map { $0["action"] as? String } == ["reported"])
        #expect(Set(workers.filter { $0["outcome"] as? String == "refused" }.compactMap { $0["action"] as? String })
            == ["fixed_clock", "dispatch", "close", "audit"])
        #expect(try auditJSON(cli, ["--operator", worker, "--to", "2020-01-01"]).isEmpty)

        let table = try cli.run("audit", "--operator", worker)
        #expect(table.stdout.contains("网格员甲（\(worker)）"))
        #expect(table.stdout.hasSuffix("共 5 条：执行 1 条，拒绝 4 条\n"), "\(table.stdout)")

        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("安全日志 4 条记录完整"))
    }

    func auditJSON(_ cli: CLIHarness, _ arguments: [String]) throws -> [[String: Any]] {
        let result = try cli.runArgs(["audit", "--format", "json"] + arguments)
        try #require(result.status == 0, "audit: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [[String: Any]])
    }

    /// `setup-host` prepares the shared directory; the admin adds operators with
    /// `operator add`; an OS user not yet on the list is refused and recorded.
    @Test(.enabled(if: HostUsers.available, Comment(rawValue: HostUsers.unavailableReason ?? "")))
    func setupHostThenOperatorAdd() throws {
        let users = try HostUsers()
        let dispatcher = try users.add("wgd")
        let stranger = try users.add("wgs")
        let cli = try CLIHarness()
        let binary = try #require(CLIHarness.binary)
        let admin = try #require(getpwuid(geteuid())?.pointee.pw_name.map { String(cString: $0) })
        let org = cli.dir.appendingPathComponent("org.toml")
        // Only the admin to begin with (the other two logins are placeholders).
        try Self.organisation(worker: "placeholder.w", dispatcher: "placeholder.d", admin: admin)
            .write(to: org, atomically: true, encoding: .utf8)
        let shared = cli.dir.appendingPathComponent("srv/wangge.sqlite").path
        let bin = cli.dir.appendingPathComponent("bin").path

        let setup = try cli.runArgs(["--db", shared, "setup-host", "--group", users.group, "--org", org.path, "--install-binary", bin])
        try #require(setup.status == 0, "\(setup.stderr)")
        #expect(setup.stdout.contains("属组 \(users.group)，权限 2770"))
        let directory = cli.dir.appendingPathComponent("srv").path
        let gid = try users.gid
        var info = stat()
        #expect(stat(directory, &info) == 0 && info.st_mode & 0o7777 == 0o2770 && info.st_gid == gid)
        for file in [shared, shared + "-wal", shared + "-shm"] where FileManager.default.fileExists(atPath: file) {
            #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o660 && info.st_gid == gid, "\(file)")
        }
        #expect(stat(bin + "/wangge", &info) == 0 && info.st_mode & 0o777 == 0o755)
        // Running it twice changes nothing and fails nothing.
        #expect(try cli.runArgs(["--db", shared, "setup-host", "--group", users.group]).status == 0)

        let installed = URL(fileURLWithPath: bin + "/wangge")
        let before = try users.run(as: dispatcher, installed, ["--db", shared, "case", "list"])
        #expect(before.status == 1)
        #expect(before.stderr.contains("系统用户 \(dispatcher) 不在组织架构的人员名单中"), "\(before.stderr)")

        let added = try cli.runArgs(["--db", shared, "operator", "add", dispatcher, "--role", "dispatcher", "--scope", "community:SQ01", "--name", "派遣员丙"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("已添加操作员 派遣员丙（\(dispatcher)，派遣员，community:SQ01）"))
        let after = try users.run(as: dispatcher, installed, ["--db", shared, "case", "list"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.hasSuffix("共 0 条\n"))
        // A dispatcher may not add operators; the stranger is not even on the list.
        let notAdmin = try users.run(as: dispatcher, binary, ["--db", shared, "operator", "add", stranger, "--role", "admin", "--scope", "county"])
        #expect(notAdmin.status == 3)
        #expect(notAdmin.stderr.contains("无权管理组织架构"), "\(notAdmin.stderr)")
        let list = try cli.runArgs(["--db", shared, "operator", "list"])
        #expect(list.stdout.contains(dispatcher) && !list.stdout.contains(stranger))

        let refusals = try cli.runArgs(["--db", shared, "audit", "--refused", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: refusals.stdoutBytes) as? [[String: Any]])
        #expect(rows.map { $0["action"] as? String } == ["identify", "manage_organisation"])
        #expect(rows.allSatisfy { $0["os_login"] as? String == dispatcher })
        #expect(try cli.runArgs(["--db", shared, "check"]).status == 0)
    }
}
