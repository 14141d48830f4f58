import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore

/// A wall clock a test moves by hand, for leases.
final class ManualWallClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Instant
    init(_ start: Instant) { value = start }
    var now: Instant { lock.withLock { value } }
    func advance(_ seconds: Int64) { lock.withLock { value = value + seconds } }
}

/// A demo database in a temporary directory, deleted at the end.
final class EngineFixture {
    static let demoNow = Instant(secondsSinceEpoch: 1_795_132_800) // 2026-11-20 08:00 Asia/Shanghai (a Friday)
    let dir: String
    let path: String
    let store: SQLiteCaseStore
    let workspace: Workspace
    let person: Person

    /// A demo of `cases` cases; `operator` is the login added as a county-wide supervisor
    /// (the test process's own login when the CLI is to run as it).
    init(cases: Int, seed: UInt64 = 1, now: Instant = EngineFixture.demoNow, operator login: String = "tester") throws {
        dir = NSTemporaryDirectory() + "wangge-engine-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = dir + "/engine.sqlite"
        store = try SQLiteCaseStore(path: path)
        workspace = try DemoBuilder.build(
            into: store, options: .init(cases: cases, seed: seed, operatorLogin: login, operatorRole: .supervisor), now: now)
        guard let p = workspace.organisation.person(login) else { throw AppError.unknownOperator(login) }
        person = p
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    var service: CaseService { CaseService(workspace: workspace) }

    func runner(_ holder: String = "test-engine", wall: ManualWallClock = ManualWallClock(EngineFixture.demoNow),
                rules: LoadedRules? = nil) throws -> EngineRunner {
        EngineRunner(workspace: workspace, rules: try rules ?? EngineRules.load(workspace), holder: holder, wallClock: { wall.now })
    }

    func time(_ text: String) throws -> Instant {
        try #require(workspace.calendar.parseLocal(text))
    }

    /// Every event the engine wrote, in log order.
    func engineEvents() throws -> [StoredEvent] {
        var all: [StoredEvent] = []
        var after: Int64 = 0
        while true {
            let page = try store.log(afterSeq: after, limit: 10_000, caseID: nil)
            guard let last = page.last else { break }
            all += page.filter { $0.event.actor == Person.escalationEngine.login }
            after = last.seq
        }
        return all
    }

    /// Reports a case as the test operator and dispatches it with `limit`.
    func dispatchedCase(category: String, grid: String = "0101", at report: Instant, limit: TimeLimit, title: String = "测试案件")
        throws -> CaseState
    {
        let s = try service.report(ReportCommand(title: title, category: category, grid: grid), as: person, at: report)
        return try service.execute(.dispatch(handler: .unit("CG"), limit: limit, note: nil), onCase: s.code, as: person, at: report).state
    }
}

/// The `wangge` executable built next to the test bundle.
enum WanggeBinary {
    static func path() throws -> String {
        var candidates: [String] = []
        let arg0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(arg0.appendingPathComponent("wangge").path)
        candidates.append(arg0.deletingLastPathComponent().appendingPathComponent("wangge").path)
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<3 { dir = dir.deletingLastPathComponent() }
        for scratch in [".build-engine", ".build"] { candidates.append(dir.appendingPathComponent("\(scratch)/debug/wangge").path) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw AppError.badInput("找不到 wangge 可执行文件（试过 \(candidates)）")
        }
        return found
    }

    /// Starts `wangge` with arguments; returns the running process and its stderr pipe.
    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, err)
    }
}
