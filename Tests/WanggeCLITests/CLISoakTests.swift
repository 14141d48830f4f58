import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Eight processes issue 2,000 conflicting commands on 50 cases at once (`wangge batch`,
/// one transaction per command): comments with idempotency keys, some with a stale
/// `--expect-version`, some replayed. Afterwards: every command that succeeded wrote its
/// event exactly once, every refused one wrote nothing, versions are contiguous and
/// `check` passes. `WANGGE_SOAK_SCALE=10` runs ten times as many commands.
@Suite(.serialized) struct CLISoakTests {
    static var scale: Int {
        ProcessInfo.processInfo.environment["WANGGE_SOAK_SCALE"].flatMap(Int.init).map { max(1, $0) } ?? 1
    }

    struct Line {
        var text: String
        var marker: String
    }

    @Test(.timeLimit(.minutes(15)))
    func eightProcessesNoLostUpdateNoDuplicate() throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 0)
        let reports = (1...50).map { "report --title '浸泡测试 \($0)' --category 1102 --grid 0101" }.joined(separator: "\n")
        let reportFile = cli.dir.appendingPathComponent("reports.txt")
        try reports.write(to: reportFile, atomically: true, encoding: .utf8)
        let reported = try cli.run("batch", reportFile.path)
        try #require(reported.status == 0, "\(reported.stderr)")
        let codes = (1...50).map { "C-260302-" + String(format: "%04d", $0) }

        let processes = 8
        let perProcess = 2_000 * Self.scale / processes
        var rng = SoakRandom(seed: 0x736F_616B)  // "soak"
        var files: [[Line]] = []
        for p in 0..<processes {
            var lines: [Line] = []
            for i in 0..<perProcess {
                let roll = rng.next(10)
                if roll >= 8, !lines.isEmpty {
                    lines.append(lines[rng.next(lines.count)])  // the same command again
                    continue
                }
                let marker = "p\(p)-\(i)"
                var text = "comment \(codes[rng.next(codes.count)]) --text \(marker) --key \(marker)"
                if roll >= 6 { text += " --expect-version \(1 + rng.next(30))" }
                lines.append(Line(text: text, marker: marker))
            }
            files.append(lines)
        }
        let running = try files.enumerated().map { p, lines in
            let file = cli.dir.appendingPathComponent("soak-\(p).txt")
            try lines.map(\.text).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            return try cli.start(["batch", file.path])
        }
        let results = running.map { $0.wait() }

        // Which markers had at least one successful line.
        var succeeded: Set<String> = []
        var attempted: Set<String> = []
        var conflicts = 0
        for (p, result) in results.enumerated() {
            #expect([0, 3, 4].contains(result.status), "process \(p): \(result.status) \(result.stderr.suffix(300))")
            var failedLines: Set<Int> = []
            for line in result.stderr.split(separator: "\n") where line.hasPrefix("第 ") {
                if let number = Int(line.dropFirst(2).prefix { $0.isNumber }) { failedLines.insert(number) }
                if line.contains("请刷新") { conflicts += 1 }
                #expect(!line.contains("错误："), "process \(p): \(line)")
            }
            for (index, line) in files[p].enumerated() {
                attempted.insert(line.marker)
                if !failedLines.contains(index + 1) { succeeded.insert(line.marker) }
            }
        }
        #expect(conflicts > 50, "the commands should conflict: \(conflicts)")
        #expect(succeeded.count > 1_000 * Self.scale, "\(succeeded.count) succeeded")

        let store = try SQLiteCaseStore(path: cli.db)
        var written: [String: Int] = [:]
        for code in codes {
            let state = try #require(try store.caseState(code: code))
            let events = try store.events(ofCase: state.id)
            #expect(events.map(\.event.version) == Array(1...events.count), "versions of \(code) are contiguous")
            #expect(state.version == events.count)
            for stored in events {
                if case .commented(let text) = stored.event.body { written[text, default: 0] += 1 }
            }
        }
        let lost = succeeded.filter { written[$0] != 1 }
        let phantom = attempted.subtracting(succeeded).filter { written[$0] != nil }
        let duplicated = written.filter { $0.value > 1 }
        #expect(lost.isEmpty, "succeeded but not written exactly once: \(lost.sorted().prefix(5))")
        #expect(phantom.isEmpty, "refused but written: \(phantom.sorted().prefix(5))")
        #expect(duplicated.isEmpty, "written twice: \(duplicated.keys.sorted().prefix(5))")
        let report = try store.check()
        #expect(report.isClean, "\(report.problems.prefix(3))")
    }
}

/// A tiny seeded generator (SplitMix64) so the command files are the same every run.
struct SoakRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
