import Foundation
import Testing

/// Runs the real `wangge` binary, built next to the test bundle, on a temporary database.
final class CLIHarness: @unchecked Sendable {
    let dir: URL
    let db: String
    /// The fixed "now" every command runs at (Monday morning, local time).
    let now = "2026-03-02T10:00"

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        db = dir.appendingPathComponent("wangge.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    /// The binary: `$WANGGE_BINARY` when set, else beside the test bundle
    /// (`.build/debug/wangge`), found from the test runner's own path or the main bundle.
    static let binary: URL? = {
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["WANGGE_BINARY"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = argv0.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("wangge"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("wangge"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("wangge"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// A started process with its pipes; `wait()` collects it.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe

        func wait() -> Result {
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                          stderr: String(decoding: e, as: UTF8.self), stdoutBytes: o)
        }
    }

    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Running {
        let binary = try #require(Self.binary, "the wangge binary was not found next to \(CommandLine.arguments[0]); build it with `swift build`")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--db", db, "--now", now] + arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "WANGGE_DB")
        env.removeValue(forKey: "WANGGE_NOW")
        env.merge(extra) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Result {
        try start(arguments).wait()
    }

    func runArgs(_ arguments: [String]) throws -> Result {
        try start(arguments).wait()
    }

    /// Builds the demo database and checks it worked.
    func demo(cases: Int = 200, operatorRole: String? = nil) throws {
        var args = ["demo", "--no-console", "--cases", String(cases)]
        if let operatorRole { args += ["--operator-role", operatorRole] }
        let result = try runArgs(args)
        try #require(result.status == 0, "demo failed: \(result.stderr)")
    }

    /// The number of events, from `wangge check`'s summary line.
    func eventCount() throws -> Int {
        let result = try run("check")
        try #require(result.status == 0, "check failed: \(result.stdout) \(result.stderr)")
        // "完整性校验通过：N 条事件哈希链完整，M 件案件的投影与重建结果一致"
        let digits = result.stdout.split(separator: "：").dropFirst().first?.prefix { $0.isNumber } ?? ""
        return try #require(Int(digits), "no event count in \(result.stdout)")
    }

    /// Reports a case and returns its code.
    func report(title: String, category: String = "1102", grid: String = "0101", extra: [String] = []) throws -> String {
        let result = try runArgs(["report", "--title", title, "--category", category, "--grid", grid] + extra)
        try #require(result.status == 0, "report failed: \(result.stderr)")
        // "已上报 C-260302-0123：…"
        let code = result.stdout.split(separator: " ").dropFirst().first?.split(separator: "：").first.map(String.init)
        return try #require(code, "no code in \(result.stdout)")
    }

    /// `case list --format json` decoded.
    func listJSON(_ extra: [String] = []) throws -> [[String: Any]] {
        let result = try runArgs(["case", "list", "--format", "json", "--limit", "0"] + extra)
        try #require(result.status == 0, "case list failed: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: result.stdoutBytes)
        return try #require(json as? [[String: Any]])
    }
}
