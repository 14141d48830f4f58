import Foundation
import Testing

/// Getting cases in and out with the real binary: case list CSV/JSON back through the
/// importer, a hotline file with bad rows, events export/import, Open311, and a backup
/// taken while another process writes.
@Suite(.serialized) struct CLIImportExportTests {
    /// Columns that a history cut down to its source's facts cannot carry over.
    static let historyOnly: Set<String> = ["version", "rework_count", "send_back_count", "extension_count"]

    func csvRows(_ text: String) -> [[String: String]] {
        // Our case list quotes fields with line breaks; titles in the demo have none.
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells).map { ($0, $1) })
        }
    }

    func write(_ text: String, in cli: CLIHarness, _ name: String) throws -> String {
        let path = cli.dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func caseListCSVAndJSONReadBackIntoAnotherDatabase() throws {
        let a = try CLIHarness()
        try a.demo(cases: 150)
        let list = try a.run("case", "list", "--format", "csv", "--limit", "0", "--sort", "code")
        #expect(list.status == 0)
        let csv = try write(list.stdout, in: a, "cases.csv")
        let json = try write(try a.run("case", "list", "--format", "json", "--limit", "0", "--sort", "code").stdout, in: a, "cases.json")

        for (format, file) in [("csv", csv), ("json", json)] {
            let b = try CLIHarness()
            try b.demo(cases: 0)
            let imported = try b.run("import", format, file)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("新导入 150 件"), "\(imported.stdout)")
            #expect(imported.stderr.isEmpty, "no progress bar when stderr is not a terminal: \(imported.stderr)")
            let back = try b.run("case", "list", "--format", "csv", "--limit", "0", "--sort", "code")
            let before = csvRows(list.stdout), after = csvRows(back.stdout)
            #expect(after.count == before.count)
            for (x, y) in zip(before, after) {
                for (key, value) in x where !Self.historyOnly.contains(key) {
                    #expect(y[key] == value, "\(format) \(x["code"] ?? "") \(key): \(value) → \(y[key] ?? "nil")")
                }
            }
            #expect(try b.run("check").status == 0)
            let again = try b.run("import", format, file)
            #expect(again.stdout.contains("新导入 0 件，已导入过且未变 150 条"), "\(again.stdout)")
        }
    }

    static let mapping = """
        source = "12345"
        [columns]
        id = "工单编号"
        text = "诉求内容"
        category = "诉求类别"
        grid = "所属网格"
        reported_at = "受理时间"
        closed_at = "办结时间"
        handler = "承办单位"
        [category]
        map = { "消防通道" = "1101" }
        """

    @Test func aHotlineFileWithBadRowsImportsNothingAndSaysWhereEachIs() throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 20)
        let map = try write(Self.mapping, in: cli, "hotline.toml")
        let file = try write("""
            工单编号,诉求内容,诉求类别,所属网格,受理时间,办结时间,承办单位
            A1,消防通道被堵,消防通道,0101,2026-02-02 09:00:00,2026-02-03 09:00:00,城市管理局
            A2,"楼道灯
            坏了",路灯,0101,2026-02-02 09:00:00,,
            A3,消防通道被堵,消防通道,0101,2026-02-30 09:00:00,,

            """, in: cli, "hotline.csv")
        let before = try cli.eventCount()
        let failed = try cli.run("import", "csv", file, "--map", map)
        #expect(failed.status == 3)
        #expect(failed.stdout.isEmpty)
        let lines = failed.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(failed.stderr)")
        // The record starts on line 3; its category is on line 4, after the quoted line break.
        #expect(lines[0] == "\(file):4: 第 3 列「诉求类别」 \"路灯\"：未知的分类，映射文件 [category.map] 中没有，也没有 default")
        #expect(lines[1].hasPrefix("\(file):5: 第 5 列「受理时间」 \"2026-02-30 09:00:00\"：无法识别的日期时间"))
        #expect(lines[2].hasPrefix("未导入任何内容：共 3 条记录，其中有误 2 条"))
        #expect(try cli.eventCount() == before)

        let skipped = try cli.run("import", "csv", file, "--map", map, "--skip-bad")
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("新导入 1 件") && skipped.stdout.contains("有误的记录已写入 \(file).rejects.csv"))
        let rejectsBytes = try Data(contentsOf: URL(fileURLWithPath: file + ".rejects.csv"))
        #expect(rejectsBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let rejects = String(decoding: rejectsBytes.dropFirst(3), as: UTF8.self)
        #expect(rejects.hasPrefix("工单编号,诉求内容,诉求类别,所属网格,受理时间,办结时间,承办单位,错误行号,错误列,错误原因\n"))
        #expect(rejects.contains("A2,\"楼道灯\n坏了\",路灯,0101,2026-02-02 09:00:00,,,4,诉求类别,未知的分类"))
        #expect(try cli.eventCount() == before + 4)   // reported, accepted, dispatched, closed

        let mapError = try cli.run("import", "csv", file, "--map", try write("colour = 1\n" + Self.mapping, in: cli, "bad.toml"))
        #expect(mapError.status == 1)
        #expect(mapError.stderr.contains("bad.toml:1:1: 未知的键 \"colour\""), "\(mapError.stderr)")
    }

    /// On a terminal (a pseudo-terminal from `script`) the import draws a progress bar on
    /// standard error and clears it before the summary.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aProgressBarOnATerminal() throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 30)
        let csv = try write(try cli.run("case", "list", "--format", "csv", "--limit", "0").stdout, in: cli, "cases.csv")
        let b = try CLIHarness()
        try b.demo(cases: 0)
        let binary = try #require(CLIHarness.binary).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary)' --db '\(b.db)' --now \(b.now) import csv '\(csv)'", "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\r导入 [") && text.contains("] 100%"), "\(text)")
        #expect(text.contains("\r\u{1B}[K导入完成"), "\(text)")
    }

    @Test func eventsExportedAndImportedIntoAnEmptyDatabasePassCheckWithTheSameState() throws {
        let a = try CLIHarness()
        try a.demo(cases: 120)
        let log = a.dir.appendingPathComponent("events.jsonl").path
        let exported = try a.run("export", "events", "--out", log)
        #expect(exported.status == 0, "\(exported.stderr)")
        let b = try CLIHarness()
        let imported = try b.run("import", "events", log)
        #expect(imported.status == 0, "\(imported.stderr)")
        let check = try b.run("check")
        let events = try a.eventCount()
        #expect(check.status == 0 && check.stdout.contains("完整性校验通过：\(events) 条事件"), "\(check.stdout)")
        let listA = try a.run("case", "list", "--format", "json", "--limit", "0", "--sort", "code").stdout
        let listB = try b.run("case", "list", "--format", "json", "--limit", "0", "--sort", "code").stdout
        #expect(!listA.isEmpty && listA == listB)
        #expect(try b.run("import", "events", log).status == 1)
    }

    @Test func open311ExportImportsIntoAnotherDatabase() throws {
        let a = try CLIHarness()
        try a.demo(cases: 60)
        let dir = a.dir.appendingPathComponent("open311").path
        let exported = try a.run("export", "open311", "--out", dir)
        #expect(exported.status == 0 && exported.stdout.contains("60 个请求"), "\(exported.stdout)\(exported.stderr)")
        let b = try CLIHarness()
        try b.demo(cases: 0)
        let imported = try b.run("import", "open311", dir + "/requests.json")
        #expect(imported.status == 0 && imported.stdout.contains("新导入 60 件"), "\(imported.stdout)\(imported.stderr)")
    }

    /// Backups taken one after another while a second process keeps committing reports:
    /// every copy is consistent (check passes) and some were taken mid-stream.
    @Test func backupsWhileAnotherProcessWritesAreConsistent() throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 50)
        let binary = try #require(CLIHarness.binary).path
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", """
            for i in $(seq 1 30); do
              "$0" --db "$1" --now "$2" report --title "并发写入 $i" --category 1102 --grid 0101 >/dev/null || exit 1
            done
            """, binary, cli.db, cli.now]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        writer.environment = env
        try writer.run()
        var counts: [Int] = []
        var index = 0
        repeat {
            index += 1
            let path = cli.dir.appendingPathComponent("backup-\(index).sqlite").path
            let backup = try cli.run("backup", "--out", path)
            #expect(backup.status == 0, "\(backup.stderr)")
            let check = try cli.runArgs(["--db", path, "check"])
            #expect(check.status == 0, "\(check.stdout)")
            let digits = check.stdout.split(separator: "：").dropFirst().first?.prefix { $0.isNumber } ?? ""
            counts.append(Int(digits) ?? -1)
        } while writer.isRunning
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        let final = try cli.eventCount()
        #expect(counts.count >= 2)
        #expect(counts.allSatisfy { $0 > 0 && $0 <= final })
        #expect(counts.contains { $0 < final }, "no backup was taken while the writer was still writing: \(counts) of \(final)")
        #expect(counts == counts.sorted())
    }
}
