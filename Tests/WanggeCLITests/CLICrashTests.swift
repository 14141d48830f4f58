import Foundation
import Testing
import WanggeCore
import WanggeStore

/// `kill -9` at seeded random moments of an import and of an engine run, 20 times each
/// (and of a demo build, 5 times): after every kill `check` passes, and running the same
/// command again finishes the work exactly once — the same cases and events as an
/// uninterrupted run. `WANGGE_KILL_ROUNDS` changes the number of rounds.
///
/// The only waits are the kill moments themselves (spread over the measured length of
/// an uninterrupted run); every other step waits for a process to exit.
@Suite(.serialized) struct CLICrashTests {
    static var rounds: Int {
        ProcessInfo.processInfo.environment["WANGGE_KILL_ROUNDS"].flatMap(Int.init).map { max(1, $0) } ?? 20
    }

    /// Runs `arguments` to the end; how long it took.
    func timed(_ cli: CLIHarness, _ arguments: [String]) throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try cli.runArgs(arguments)
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
        return start.duration(to: clock.now)
    }

    /// Starts `arguments` and kills it with SIGKILL after `delay`.
    func killed(_ cli: CLIHarness, _ arguments: [String], after delay: Duration) throws {
        let running = try cli.start(arguments)
        Thread.sleep(forTimeInterval: Double(delay.components.attoseconds) / 1e18 + Double(delay.components.seconds))
        kill(running.process.processIdentifier, SIGKILL)
        _ = running.wait()
    }

    /// A kill moment for round `round`: a seeded fraction of `length`.
    func moment(_ round: Int, of length: Duration, rng: inout SoakRandom) -> Duration {
        length * (Double(rng.next(1_000)) / 1_000.0)
    }

    struct Snapshot: Equatable {
        var events: Int64
        var tailHash: String
        var cases: [CaseState]
    }

    /// What an uninterrupted run leaves: the reference (checked in full once).
    func snapshot(_ path: String, check: Bool = false) throws -> Snapshot {
        let store = try SQLiteCaseStore(path: path)
        if check {
            let report = try store.check()
            try #require(report.isClean, "check: \(report.problems.prefix(3))")
        }
        let last = try store.lastSeq()
        let tail = try store.log(afterSeq: max(0, last - 1), limit: 1, caseID: nil).first?.hash ?? ""
        return Snapshot(events: last, tailHash: tail, cases: try store.cases(CaseQuery(order: .code)))
    }

    /// Whatever a kill left behind passes `check` (or nothing was created yet).
    func expectConsistent(_ path: String, round: Int) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let report = try SQLiteCaseStore(path: path).check()
        #expect(report.isClean, "round \(round): \(report.problems.prefix(3))")
    }

    @Test(.timeLimit(.minutes(15)))
    func killedImportsFinishExactlyOnce() throws {
        let cli = try CLIHarness()
        // Another deployment's cases, exported as CSV, imported into an empty one.
        let other = cli.dir.appendingPathComponent("other.sqlite").path
        try #require(try cli.runArgs(["--db", other, "demo", "--no-console", "--cases", "400", "--seed", "7"]).status == 0)
        let exported = try cli.runArgs(["--db", other, "case", "list", "--format", "csv", "--limit", "0"])
        let csv = cli.dir.appendingPathComponent("cases.csv").path
        try exported.stdoutBytes.write(to: URL(fileURLWithPath: csv))
        let base = cli.dir.appendingPathComponent("base.sqlite").path
        try #require(try cli.runArgs(["--db", base, "demo", "--no-console", "--cases", "0"]).status == 0)
        let reference = cli.dir.appendingPathComponent("reference.sqlite").path
        try copy(base, to: reference)
        let length = try timed(cli, ["--db", reference, "import", "csv", csv])
        let expected = try snapshot(reference, check: true)
        #expect(expected.cases.count == 400)
        var rng = SoakRandom(seed: 0x696D_706F_7274)  // "import"
        let path = cli.dir.appendingPathComponent("import.sqlite").path
        for round in 0..<Self.rounds {
            try copy(base, to: path)
            try killed(cli, ["--db", path, "import", "csv", csv], after: moment(round, of: length, rng: &rng))
            try expectConsistent(path, round: round)
            let rerun = try cli.runArgs(["--db", path, "import", "csv", csv])
            #expect(rerun.status == 0, "round \(round): \(rerun.stderr)")
            #expect(try snapshot(path) == expected, "round \(round): the import run again differs from an uninterrupted one")
        }
    }

    /// Copies a database that no process has open (the file and its -wal).
    func copy(_ base: String, to path: String) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: base + suffix) {
            try FileManager.default.copyItem(atPath: base + suffix, toPath: path + suffix)
        }
    }

    @Test(.timeLimit(.minutes(15)))
    func killedDemoBuildsResumeToTheSameDatabase() throws {
        let cli = try CLIHarness()
        let demo = ["demo", "--no-console", "--cases", "400"]
        let reference = cli.dir.appendingPathComponent("reference.sqlite").path
        let length = try timed(cli, ["--db", reference] + demo)
        let expected = try snapshot(reference, check: true)
        var rng = SoakRandom(seed: 0x6465_6D6F)  // "demo"
        for round in 0..<max(1, Self.rounds / 4) {
            let path = cli.dir.appendingPathComponent("demo-\(round).sqlite").path
            try killed(cli, ["--db", path] + demo, after: moment(round, of: length, rng: &rng))
            try expectConsistent(path, round: round)
            let rerun = try cli.runArgs(["--db", path] + demo)
            #expect(rerun.status == 0, "round \(round): \(rerun.stderr)")
            #expect(try snapshot(path) == expected, "round \(round): the resumed demo differs from an uninterrupted one")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    @Test(.timeLimit(.minutes(15)))
    func killedEngineRunsFinishExactlyOnce() throws {
        let cli = try CLIHarness()
        let base = cli.dir.appendingPathComponent("base.sqlite").path
        try #require(try cli.runArgs(["--db", base, "demo", "--no-console", "--cases", "600"]).status == 0)
        // A fixed name, as a supervised service has: the restarted engine takes its own
        // lease back at once instead of waiting for the killed one's to expire.
        let engine = ["--now", "2026-03-20T10:00", "engine", "--until-idle", "--name", "crash-test"]
        let reference = cli.dir.appendingPathComponent("reference.sqlite").path
        try copy(base, to: reference)
        let length = try timed(cli, ["--db", reference] + engine)
        let before = try SQLiteCaseStore(path: base).lastSeq()
        let expected = try snapshot(reference, check: true)
        #expect(expected.events > before + 100, "the engine should have work to do: \(before) → \(expected.events)")
        var rng = SoakRandom(seed: 0x656E_6769_6E65)  // "engine"
        let path = cli.dir.appendingPathComponent("engine.sqlite").path
        for round in 0..<Self.rounds {
            try copy(base, to: path)
            try killed(cli, ["--db", path] + engine, after: moment(round, of: length, rng: &rng))
            try expectConsistent(path, round: round)
            let rerun = try cli.runArgs(["--db", path] + engine)
            #expect(rerun.status == 0, "round \(round): \(rerun.stderr)")
            let after = try snapshot(path)
            #expect(after.events == expected.events, "round \(round): \(after.events) events, expected \(expected.events)")
            #expect(after.cases == expected.cases, "round \(round): the cases differ from an uninterrupted run")
        }
        _ = try snapshot(path, check: true)
    }
}
