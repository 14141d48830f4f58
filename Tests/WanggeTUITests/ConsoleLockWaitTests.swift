import Foundation
import GRDB
import Testing
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTestSupport
@testable import WanggeTUI

/// Another program holds the write lock while the operator dispatches: the console shows
/// that it is waiting on its status bar, and the dispatch goes through once the lock is
/// free. Nothing sleeps to synchronise: the holder lets go when the notice is on screen.
struct ConsoleLockWaitTests {
    @Test(.timeLimit(.minutes(10)))
    func aDispatchWaitsForTheLockWithANotice() throws {
        let fixture = try DemoFixture(cases: 30)
        let reported = try fixture.report(title: "等锁的案件", category: "0101", grid: "0103")
        let worker = try #require(fixture.workspace.organisation.people.first { $0.role == .gridWorker })
        let c = ConsoleHarness(fixture: fixture)

        let holder = try DatabaseQueue(path: fixture.path)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread {
            try? holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                release.wait()
                try db.execute(sql: "COMMIT")
            }
            finished.signal()
        }.start()
        locked.wait()

        let store = fixture.workspace.store
        let console = store.busyWaits.currentHandler()
        let seen = LockedLines()
        // Called on this test's thread, inside the console's waiting call.
        let screen = UncheckedConsole(c)
        store.busyWaits.setHandler { wait in
            console?(wait)
            seen.record(screen.console.lines.last ?? "")
            release.signal()
        }
        c.type(":dispatch \(reported.code) \(worker.login)")
        c.press(.enter)
        finished.wait()

        #expect(seen.first?.contains("数据库正被其他程序写入，已等待 1 秒，继续等待") == true, "\(seen.first ?? "no notice")")
        #expect(try store.caseState(code: reported.code)?.handler == .person(worker.login))
        #expect(!(c.lines.last ?? "").contains("等待"), "the outcome replaces the notice")
    }
}

/// Status lines captured by the busy handler.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func record(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var first: String? { lock.lock(); defer { lock.unlock() }; return lines.first }
}

/// The console, for the busy handler that runs on the thread already using it.
final class UncheckedConsole: @unchecked Sendable {
    let console: ConsoleHarness
    init(_ console: ConsoleHarness) { self.console = console }
}
