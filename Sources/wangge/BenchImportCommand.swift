import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

/// `wangge bench-import`: imports a generated hotline CSV with this binary (a child
/// process, so its peak memory is its own) and loads the same file with the sqlite3
/// shell's `.import` into a plain table, on the same machine, and prints both.
struct BenchImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-import", abstract: "导入基准：生成热线 CSV，wangge import csv 与 sqlite3 .import 同一文件的时间和内存峰值")

    @Option(help: "CSV 行数") var rows: Int = 1_000_000
    @Option(help: "另测一个较小的文件（行数），用来对比内存峰值是否随文件变大；0 = 不测") var smaller: Int = 100_000
    @Option(help: "工作目录（默认临时目录，用完删除；给出时保留生成的文件）") var dir: String?

    static let now = "2026-03-02T10:00"

    func run() throws {
        let fm = FileManager.default
        let base = dir ?? (NSTemporaryDirectory() + "wangge-bench-import-\(getpid())")
        try fm.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { if dir == nil { try? fm.removeItem(atPath: base) } }
        let sqlite3 = SQLiteShell.find()
        let binary = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        say("wangge bench-import —— \(ProcessInfo.processInfo.processorCount) 核；sqlite3 命令行：\(sqlite3 ?? "未找到（跳过对比）")")
        let map = base + "/hotline.toml"
        try ImportBenchData.mappingTOML.write(toFile: map, atomically: true, encoding: .utf8)
        for size in [smaller, rows] where size > 0 {
            try measure(rows: size, base: base, map: map, binary: binary, sqlite3: sqlite3)
        }
    }

    func measure(rows: Int, base: String, map: String, binary: String, sqlite3: String?) throws {
        let db = base + "/import-\(rows).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let store = try SQLiteCaseStore(path: db)
        let workspace = try DemoBuilder.build(
            into: store, options: .init(cases: 0, operatorLogin: Identity.currentLogin(), operatorRole: .admin), now: Instant(secondsSinceEpoch: 0))
        let csv = base + "/hotline-\(rows).csv"
        let out = try OutputFile(path: csv)
        try ImportBenchData.generate(rows: rows, context: workspace.context) { try out.write($0) }
        try out.commit()
        let size = (try FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int64) ?? 0
        say("\(rows) 行热线工单 CSV（\(size / 1_048_576) MiB，含多行字段；60% 已办结，30% 办理中，10% 待派单）：")

        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        let args = ["--db", db, "--now", Self.now, "import", "csv", csv, "--map", map, "--defer-text-index"]
        let ours = try ChildRun.run(binary, args, environment: env)
        guard ours.status == 0 else { throw ValidationError("导入失败：\(ours.output)") }
        let counts = try store.counts()
        // The bench's own connection stays open, so the child's close leaves its WAL in place.
        let oursBytes = (database: bytes(db), wal: bytes(db + "-wal"))
        say("  wangge import csv：\(fmt(ours.seconds)) 秒（CPU \(fmt(ours.cpuSeconds)) 秒），内存峰值 \(ours.maxRSSKiB / 1024) MiB；写入 \(counts.cases) 件案件、\(counts.events) 条事件（含哈希链与投影，一个事务）")
        let clock = ContinuousClock()
        let indexing = try clock.measure { try store.catchUpSearchIndex() }
        say("  之后补全文本筛选索引（控制台也会在后台补）：\(fmt(indexing.seconds)) 秒")
        let again = try ChildRun.run(binary, args, environment: env)
        say("  再次导入同一文件（幂等，不写入）：\(fmt(again.seconds)) 秒（CPU \(fmt(again.cpuSeconds)) 秒），内存峰值 \(again.maxRSSKiB / 1024) MiB")
        if let sqlite3 {
            let plain = base + "/plain-\(rows).sqlite"
            try? FileManager.default.removeItem(atPath: plain)
            let theirs = try ChildRun.run(sqlite3, [plain, ".import --csv \(csv) t"], environment: env)
            guard theirs.status == 0 else { throw ValidationError("sqlite3 .import 失败：\(theirs.output)") }
            let loaded = try SQLiteShell.run(sqlite3, ["-readonly", plain, "SELECT COUNT(*) FROM t"], input: nil)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            say("  sqlite3 .import 同一文件到一张普通表（\(loaded) 行，无索引、无校验）：\(fmt(theirs.seconds)) 秒（CPU \(fmt(theirs.cpuSeconds)) 秒），内存峰值 \(theirs.maxRSSKiB / 1024) MiB；比值：时间 \(fmt(ours.seconds / theirs.seconds))×，CPU \(fmt(ours.cpuSeconds / theirs.cpuSeconds))×（目标 ≤ 2×）")
            try reportFloor(rows: rows, imported: db, base: base, sqlite3: sqlite3, ours: ours, shell: theirs, oursBytes: oursBytes)
        }
        if dir == nil { try? FileManager.default.removeItem(atPath: csv) }
    }

    /// The floor (see `ImportFloor`) beside our import and the shell's `.import`, and the
    /// bytes each wrote.
    func reportFloor(rows: Int, imported: String, base: String, sqlite3: String, ours: ChildRun.Result, shell: ChildRun.Result, oursBytes: (database: Int64, wal: Int64)) throws {
        let results = try ImportFloor(sqlite3: sqlite3, imported: imported, base: base, rows: rows).measure()
        say("  我们的导入写出：数据库 \(mib(oursBytes.database)) MiB，WAL \(mib(oursBytes.wal)) MiB（文本索引补全之前）")
        for r in results {
            say("  sqlite3 以纯 SQL 把同样的行（文本索引除外）复制进全新的 wangge 空库（全部索引与触发器，一个事务，\(r.label)）：\(fmt(r.run.seconds)) 秒（CPU \(fmt(r.run.cpuSeconds)) 秒），内存峰值 \(r.run.maxRSSKiB / 1024) MiB；数据库 \(mib(r.databaseBytes)) MiB，WAL \(mib(r.walBytes)) MiB")
        }
        guard let best = results.min(by: { $0.run.seconds < $1.run.seconds }) else { return }
        say("  floor: \(fmt(best.run.seconds)) s = \(fmt(best.run.seconds / shell.seconds)) x .import（CPU \(fmt(best.run.cpuSeconds / shell.cpuSeconds))×；\(best.label)）；我们的导入 = \(fmt(ours.seconds / best.run.seconds))× floor（CPU \(fmt(ours.cpuSeconds / best.run.cpuSeconds))×）；目标 2× .import = \(fmt(2 * shell.seconds)) 秒\(best.run.seconds > 2 * shell.seconds ? "：floor 已超出目标，此表结构下任何程序都达不到" : "")")
    }

    func bytes(_ path: String) -> Int64 { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0 }

    func mib(_ n: Int64) -> String { fmt(Double(n) / 1_048_576) }

    func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
}

/// A child process run to the end, with its wall time and its own peak memory: the
/// kernel's high-water mark `VmHWM` from /proc/<pid>/status, read every 5 ms until it
/// exits. (`wait4`'s `ru_maxrss` is no use here: a child started by posix_spawn shares
/// this process's memory until its exec, and Linux carries that high-water mark over.)
enum ChildRun {
    struct Result {
        var status: Int32
        var seconds: Double
        /// User and system CPU time: steadier than wall time on a machine others share.
        var cpuSeconds: Double
        var maxRSSKiB: Int
        var output: String
    }

    static func run(_ tool: String, _ arguments: [String], environment: [String: String]) throws -> Result {
        let log = NSTemporaryDirectory() + "wangge-child-\(getpid()).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([tool] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let clock = ContinuousClock()
        let started = clock.now
        guard posix_spawn(&pid, tool, &actions, nil, argv, envp) == 0 else {
            throw ValidationError("无法启动 \(tool)")
        }
        var status: Int32 = 0
        var peak = 0
        var usage = rusage()
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            peak = max(peak, highWaterKiB(pid) ?? 0)
            usleep(5_000)
        }
        let seconds = started.duration(to: clock.now).seconds
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return Result(status: exitStatus, seconds: seconds, cpuSeconds: secs(usage.ru_utime) + secs(usage.ru_stime), maxRSSKiB: peak, output: output)
    }

    /// `VmHWM` of a running process, in KiB.
    static func highWaterKiB(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
}
