import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

/// `wangge bench`: the store's figures, each beside the same work done by the sqlite3
/// command-line shell on the same machine (skipped, with a note, when it is absent).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "存储性能基准：批量追加、单条提交、按截止时间取前 50 件，并与 sqlite3 命令行对比")

    @Option(help: "批量追加的事件数") var events: Int = 1_000_000
    @Option(help: "单条命令提交次数") var commits: Int = 5_000
    @Option(help: "查询基准的案件数") var cases: Int = 1_000_000
    @Option(help: "工作目录（默认临时目录）") var dir: String?
    @Option(help: "只跑其中几项：bulk,commits,top") var only: String = "bulk,commits,top"

    func run() throws {
        let fm = FileManager.default
        let base = dir ?? (NSTemporaryDirectory() + "wangge-bench-\(getpid())")
        try fm.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { if dir == nil { try? fm.removeItem(atPath: base) } }
        let sqlite3 = SQLiteShell.find()
        say("wangge bench —— \(ProcessInfo.processInfo.processorCount) 核；sqlite3 命令行：\(sqlite3 ?? "未找到（跳过对比）")")
        let parts = Set(only.split(separator: ",").map(String.init))
        if parts.contains("bulk") { try bulkAppend(base: base, sqlite3: sqlite3) }
        if parts.contains("commits") { try singleCommits(base: base, sqlite3: sqlite3) }
        if parts.contains("top") { try topByDeadline(base: base, sqlite3: sqlite3) }
    }

    // MARK: bulk append

    func bulkAppend(base: String, sqlite3: String?) throws {
        let path = base + "/bulk.sqlite"
        let store = try SQLiteCaseStore(path: path)
        let calendar = WorkCalendar.standard
        let perCase = 8
        let caseCount = max(1, events / perCase)
        let histories = StoreBenchData.histories(
            firstID: 1, cases: caseCount, eventsPerCase: perCase, start: Instant(secondsSinceEpoch: 1_790_000_000), calendar: calendar)
        let writer = BulkCaseWriter(store: store)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for chunk in stride(from: 0, to: histories.count, by: 20_000) {
                try writer.write(Array(histories[chunk..<min(chunk + 20_000, histories.count)]), codeCounters: [:])
            }
        }
        let n = caseCount * perCase
        let ours = elapsed.seconds
        var line = "批量追加 \(n) 条事件与 \(caseCount) 行投影（含哈希链、JSON 负载）：\(fmt(ours)) 秒，\(Int(Double(n) / ours)) 条/秒"
        if let sqlite3 {
            let cliPath = base + "/bulk-cli.sqlite"
            // The same work: the events and the projection rows, into our full schema
            // (every table, index and trigger), in one transaction.
            let schema = try SQLiteShell.schema(of: path, sqlite3: sqlite3)
            let sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;\n" + schema + """
                ;BEGIN;
                INSERT INTO events (seq, case_id, case_version, type, actor, at, payload, idempotency_key, prev_hash, hash)
                WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < \(n))
                SELECT i, (i - 1) / \(perCase) + 1, (i - 1) % \(perCase) + 1, 'dispatched', 'bench.dispatcher', 1790000000 + i,
                  '{"handler":"unit:CG","limit":{"amount":3,"clock":"working_days"},"due_at":' || (1790000000 + i) || ',"title":"楼顶漏水，雨后渗水严重，顶楼住户反映多次"}',
                  NULL, printf('%064d', i - 1), printf('%064d', i) FROM s;
                INSERT INTO cases (id, code, title, description, category, grid, community, street, building, source, severity,
                  level, status, is_open, reporter, reported_at, handler, dispatched_at, dispatched_by, clock, due_at,
                  handling_due_at, extension_count, rework_count, send_back_count, supervision_count, version, last_kind,
                  last_actor, last_at)
                WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < \(caseCount))
                SELECT i, 'C-B' || i, '楼顶漏水，雨后渗水严重，顶楼住户反映多次', '幸福第1网格 3号楼：楼顶漏水。网格员巡查发现。', '1102',
                  '0101', 'SQ01', 'JD01', '0101-3', 'patrol', 'normal', 'grid', 'closed', 0, 'bench.worker', 1790000000 + i,
                  'unit:CG', 1790000000 + i, 'bench.dispatcher', NULL, NULL, 1790000000 + i * 7, 0, 0, 0, 0, 8, 'closed',
                  'bench.dispatcher', 1790000000 + i FROM c;
                COMMIT;
                """
            let cli = try SQLiteShell.time(sqlite3: sqlite3, database: cliPath, sql: sql)
            let counts = try SQLiteShell.run(sqlite3, ["-readonly", cliPath, "SELECT (SELECT COUNT(*) FROM events) || '/' || (SELECT COUNT(*) FROM cases)"], input: nil)
            guard counts.trimmingCharacters(in: .whitespacesAndNewlines) == "\(n)/\(caseCount)" else {
                throw ValidationError("sqlite3 对照写入的行数不对：\(counts)")
            }
            line += "；sqlite3 以 INSERT…SELECT 向同一表结构写入同样的事件与投影 \(fmt(cli)) 秒；比值 \(fmt(ours / cli))×（目标 ≤ 2×）"
        }
        say(line)
        let report = try store.check()
        say("  校验：\(report.isClean ? "通过" : "失败 \(report.problems.first.map { "\($0)" } ?? "")")，\(report.eventsChecked) 条事件")
    }

    // MARK: single commits

    func singleCommits(base: String, sqlite3: String?) throws {
        for durability in [SQLiteCaseStore.Durability.normal, .full] {
            try singleCommits(base: base, sqlite3: sqlite3, durability: durability)
        }
    }

    func singleCommits(base: String, sqlite3: String?, durability: SQLiteCaseStore.Durability) throws {
        let path = base + "/commits-\(durability.rawValue).sqlite"
        let store = try SQLiteCaseStore(path: path, durability: durability)
        let workspace = try DemoBuilder.build(
            into: store, options: .init(cases: 50, seed: 7, operatorLogin: "bench.operator", operatorRole: .supervisor),
            now: Instant(secondsSinceEpoch: 1_795_000_000))
        let service = CaseService(workspace: workspace)
        guard let person = workspace.organisation.person("bench.operator") else { return }
        let codes = try store.cases(CaseQuery(limit: 50)).map(\.code)
        let now = Instant(secondsSinceEpoch: 1_795_000_000)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for i in 0..<commits {
                try service.execute(.comment(text: "第 \(i) 条备注"), onCase: codes[i % codes.count], as: person, at: now + Int64(i))
            }
        }
        let ours = Double(commits) / elapsed.seconds
        let mode = durability == .full ? "FULL" : "NORMAL"
        var line = "单条命令提交（读取、决策、追加事件与投影，各为一个事务，WAL + synchronous=\(mode)）：\(Int(ours)) 次/秒" + (durability == .normal ? "（目标 ≥ 5000）" : "")
        if let sqlite3 {
            var sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=\(mode); CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);\n"
            for i in 0..<commits { sql += "INSERT INTO t(v) VALUES ('第 \(i) 条备注');\n" }
            let cli = try SQLiteShell.time(sqlite3: sqlite3, database: base + "/commits-cli-\(mode).sqlite", sql: sql)
            let theirs = Double(commits) / cli
            line += "；sqlite3 单行自动提交 \(Int(theirs)) 次/秒；比值 \(fmt(theirs / ours))×"
        }
        say(line)
    }

    // MARK: top 50 by deadline

    func topByDeadline(base: String, sqlite3: String?) throws {
        let path = base + "/top.sqlite"
        let store = try SQLiteCaseStore(path: path)
        let writer = BulkCaseWriter(store: store)
        var built = 0
        while built < cases {
            let n = min(50_000, cases - built)
            // Three events per case leaves them open (dispatched) with spread deadlines.
            let batch = StoreBenchData.histories(
                firstID: Int64(built + 1), cases: n, eventsPerCase: 3, start: Instant(secondsSinceEpoch: 1_790_000_000),
                calendar: .standard)
            try writer.write(batch, codeCounters: [:])
            built += n
        }
        let query = CaseQuery(openOnly: true, order: .dueAt, limit: 50)
        _ = try store.cases(query)
        var samples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<500 {
            let d = try clock.measure { _ = try store.cases(query) }
            samples.append(d.seconds * 1_000_000)
        }
        samples.sort()
        let p50 = samples[samples.count / 2], p99 = samples[samples.count * 99 / 100]
        var line = "\(cases) 件案件中按截止时间取前 50 件未办结案件（含解码）：p50 \(Int(p50)) 微秒，p99 \(Int(p99)) 微秒（目标 p50 ≤ 1 毫秒）"
        if let sqlite3 {
            let repeats = 500
            let select = "SELECT * FROM cases WHERE is_open = 1 ORDER BY COALESCE(due_at, 9223372036854775807), id LIMIT 50;\n"
            let total = try SQLiteShell.time(sqlite3: sqlite3, database: path, sql: String(repeating: select, count: repeats), readOnly: true)
            let empty = try SQLiteShell.time(sqlite3: sqlite3, database: path, sql: "SELECT 1;\n", readOnly: true)
            let per = max(0, total - empty) / Double(repeats) * 1_000_000
            line += "；sqlite3 同一查询约 \(Int(per)) 微秒/次；比值 \(fmt(p50 / max(per, 1)))×"
        }
        say(line)
    }

    /// Unbuffered, so figures appear as they are measured even when piped to a file.
    func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Runs the sqlite3 command-line shell for comparison figures.
enum SQLiteShell {
    static func find() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/sqlite3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The schema of our database, so the shell writes into identical tables, indexes and triggers.
    static func schema(of database: String, sqlite3: String) throws -> String {
        let out = try run(sqlite3, ["-readonly", database, ".schema"], input: nil)
        return out
    }

    /// Wall time of the shell executing `sql` against `database`.
    static func time(sqlite3: String, database: String, sql: String, readOnly: Bool = false) throws -> Double {
        let clock = ContinuousClock()
        let d = try clock.measure {
            _ = try run(sqlite3, (readOnly ? ["-readonly"] : []) + [database], input: sql)
        }
        return d.seconds
    }

    static func run(_ tool: String, _ args: [String], input: String?) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = args
        let out = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
