import Foundation
import Testing
import WanggeApp
import WanggeCore

/// The engine's commands as an operator types them: `rules check` with line:column,
/// `rules explain`, `meeting`, `rules replay`, `engine --once`.
@Suite(.serialized) struct EngineCLITests {
    /// Runs `wangge` to the end; returns exit status, stdout and stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try WanggeBinary.path())
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func rulesCheckNamesFileLineAndColumn() throws {
        let dir = NSTemporaryDirectory() + "wangge-rules-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/bad.toml"
        try Data("[[rule]]\nid = \"a\"\ndescription = \"x\"\n[rule.when]\nlevel = \"gird\"\n[rule.then]\nescalate = \"next\"\n".utf8)
            .write(to: URL(fileURLWithPath: bad))
        let refused = try Self.run(["rules", "check", bad, "--db", dir + "/none.sqlite"])
        #expect(refused.status == 1)
        #expect(refused.err.contains("bad.toml:5:9: \"level\" 的值 \"gird\" 无效"), "\(refused.err)")
        let good = dir + "/good.toml"
        let exported = try Self.run(["rules", "export", "-o", good])
        #expect(exported.status == 0)
        let checked = try Self.run(["rules", "check", good, "--db", dir + "/none.sqlite"])
        #expect(checked.status == 0 && checked.out.contains("规则检查通过"), "\(checked.err)")
    }

    @Test func explainMeetingReplayAndEngineOnce() throws {
        let f = try EngineFixture(cases: 400, operator: Identity.currentLogin())
        let common = ["--db", f.path, "--now", "2026-11-20T08:00"]
        let once = try Self.run(["engine", "--once"] + common)
        #expect(once.status == 0)
        #expect(once.err.contains("规则或配置已变化，重新检查全部未办结案件"), "\(once.err)")
        let escalated = try #require(try f.engineEvents().first { if case .escalated = $0.event.body { true } else { false } })
        let code = try #require(try f.store.caseState(id: escalated.event.caseID)?.code)
        let explain = try Self.run(["rules", "explain", code] + common)
        #expect(explain.status == 0 && explain.out.contains("案件 \(code)"), "\(explain.err)")
        let meeting = try Self.run(["meeting", "--date", "2026-11-20"] + common)
        #expect(meeting.status == 0 && meeting.out.contains("三五联席会议 2026-11-25 议程"), "\(meeting.err)")
        let replay = try Self.run(["rules", "replay", "--from", "2026-11-13"] + common)
        #expect(replay.status == 0 && replay.out.contains("数据库未被修改"), "\(replay.err)")
    }
}
