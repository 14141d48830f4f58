import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore

/// Two engines, a crash, a stalled lease holder: every due action happens exactly once.
@Suite(.serialized) struct EngineExactlyOnceTests {
    /// What one engine alone writes on the same demo at the same instant: the reference.
    static func reference(cases: Int) throws -> [String] {
        let f = try EngineFixture(cases: cases)
        let runner = try f.runner()
        for _ in 0..<6 { _ = try runner.tick(now: EngineFixture.demoNow) }
        return try f.engineEvents().compactMap(\.idempotencyKey).sorted()
    }

    static func runTogether(_ path: String, _ extra: [String], rounds: Int) throws -> [String] {
        var logs: [String] = []
        for _ in 0..<rounds {
            let args = ["engine", "--once", "--db", path, "--now", "2026-11-20T08:00"] + extra
            let a = try WanggeBinary.start(args + ["--name", "engine-a"])
            let b = try WanggeBinary.start(args + ["--name", "engine-b"])
            a.0.waitUntilExit()
            b.0.waitUntilExit()
            #expect(a.0.terminationStatus == 0 && b.0.terminationStatus == 0)
            logs.append(String(decoding: a.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            logs.append(String(decoding: b.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        return logs
    }

    /// Two real `wangge engine` processes on one database, with no lease at all: the
    /// idempotency keys alone make each action happen once.
    @Test func twoProcessesWithoutLeaseActExactlyOnce() throws {
        let expected = try Self.reference(cases: 1_500)
        let f = try EngineFixture(cases: 1_500)
        _ = try Self.runTogether(f.path, ["--without-lease"], rounds: 6)
        let keys = try f.engineEvents().compactMap(\.idempotencyKey).sorted()
        #expect(Set(keys).count == keys.count, "a key was used twice")
        #expect(keys == expected, "both engines together did what one alone does")
        #expect(try f.store.check().isClean)
    }

    /// Two real processes with the lease: one acts, the other stands by or finds the work done.
    @Test func twoProcessesWithLeaseActExactlyOnce() throws {
        let expected = try Self.reference(cases: 1_500)
        let f = try EngineFixture(cases: 1_500)
        let logs = try Self.runTogether(f.path, [], rounds: 6)
        let keys = try f.engineEvents().compactMap(\.idempotencyKey).sorted()
        #expect(keys == expected)
        #expect(logs.joined().contains("引擎 engine-a 启动") && logs.joined().contains("引擎 engine-b 启动"))
        #expect(try f.store.engineLease() == nil, "both gave the lease back")
    }

    /// SIGTERM stops a running engine cleanly: it exits 0 and gives the lease back.
    @Test func engineStopsCleanlyOnSigterm() throws {
        let f = try EngineFixture(cases: 50)
        let (p, err) = try WanggeBinary.start(["engine", "--db", f.path, "--now", "2026-11-20T08:00", "--tick", "1", "--name", "svc"])
        var held = false
        for _ in 0..<100 where !held {
            usleep(50_000)
            held = (try f.store.engineLease())?.holder == "svc"
        }
        #expect(held, "the engine took the lease")
        p.terminate()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(try f.store.engineLease() == nil)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("引擎已停止并交还租约"))
    }

    /// A crash after the evaluation and before the append loses nothing and repeats
    /// nothing: the next tick does exactly what an uninterrupted one would have.
    @Test(arguments: [EngineFaultPoint.afterEvaluation, .beforeCommit])
    func crashLosesAndRepeatsNothing(_ point: EngineFaultPoint) throws {
        struct Crash: Error {}
        let expected = try Self.reference(cases: 800)
        let f = try EngineFixture(cases: 800)
        let crashing = try f.runner("crashing")
        crashing.useLease = false
        crashing.fault = { p in if p == point { throw Crash() } }
        #expect(throws: Crash.self) { try crashing.tick(now: EngineFixture.demoNow) }
        #expect(try f.engineEvents().isEmpty, "nothing of the interrupted tick was kept")
        let restarted = try f.runner("restarted")
        for _ in 0..<6 { _ = try restarted.tick(now: EngineFixture.demoNow) }
        #expect(try f.engineEvents().compactMap(\.idempotencyKey).sorted() == expected)
        #expect(try f.store.check().isClean)
    }

    /// One engine at a time: a second one stands by; when the first stops renewing, the
    /// second takes over after the lease runs out, and the first can no longer write.
    @Test func leaseLetsOneActAndAnotherTakeOver() throws {
        let f = try EngineFixture(cases: 300)
        let wall = ManualWallClock(EngineFixture.demoNow)
        let a = try f.runner("engine-a", wall: wall)
        let b = try f.runner("engine-b", wall: wall)
        let first = try a.tick(now: EngineFixture.demoNow)
        #expect(first.mode == .active)
        let standby = try b.tick(now: EngineFixture.demoNow)
        #expect(standby.mode == .standby(holder: "engine-a", until: EngineFixture.demoNow + 45))
        let staleLease = try #require(a.lease)
        wall.advance(46)
        let takeover = try b.tick(now: EngineFixture.demoNow)
        #expect(takeover.mode == .active)
        #expect(b.lease?.token == staleLease.token + 1)
        #expect(throws: EngineLeaseLost.self) {
            try f.store.engineTransaction(lease: staleLease, wallNow: wall.now) { _ in }
        }
        #expect(try a.tick(now: EngineFixture.demoNow).mode == .standby(holder: "engine-b", until: wall.now + 45))
        b.stop()
        #expect(try a.tick(now: EngineFixture.demoNow).mode == .active, "a clean stop hands over at once")
    }
}
