#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A wait for another process's write lock, as reported to whoever shows it.
public struct BusyWait: Sendable, Hashable {
    /// Seconds waited so far.
    public var seconds: Int
    /// How long the wait may last before the command gives up.
    public var limit: Int
}

/// What a connection does while another process holds the database's write lock: it
/// waits (short sleeps, then longer ones), and after a second, then every five, says so
/// through `handler` — the command line on stderr, the console on its status bar — until
/// the lock is free or `limitSeconds` have passed (then the command fails with "locked",
/// having written nothing).
///
/// The time waited is counted from the number of tries SQLite passes in and the fixed
/// sleep schedule, so the handler needs no clock.
public final class BusyWaits: @unchecked Sendable {
    public let limitSeconds: Int
    private let lock = NSLock()
    private var handler: (@Sendable (BusyWait) -> Void)?

    /// Tries in the first second (5 ms apart), then 20 ms apart.
    static let quickTries = 200
    static let quickSleep: useconds_t = 5_000
    static let slowSleep: useconds_t = 20_000
    /// A notice after one second, then every five.
    static let noticeEvery = 250

    public init(limitSeconds: Int) {
        self.limitSeconds = max(1, limitSeconds)
    }

    /// Who is told about long waits (replacing whoever was before).
    public func setHandler(_ handler: (@Sendable (BusyWait) -> Void)?) {
        lock.lock()
        self.handler = handler
        lock.unlock()
    }

    /// Who is told now (to wrap it with more).
    public func currentHandler() -> (@Sendable (BusyWait) -> Void)? {
        lock.lock()
        defer { lock.unlock() }
        return handler
    }

    /// Milliseconds waited before try number `tries` (0-based).
    static func waitedMilliseconds(beforeTry tries: Int) -> Int {
        if tries <= quickTries { return tries * Int(quickSleep) / 1000 }
        return quickTries * Int(quickSleep) / 1000 + (tries - quickTries) * Int(slowSleep) / 1000
    }

    /// SQLite's busy handler: true to try again after the sleep, false to give up.
    func shouldRetry(afterTries tries: Int) -> Bool {
        let waited = Self.waitedMilliseconds(beforeTry: tries)
        guard waited < limitSeconds * 1000 else { return false }
        if tries >= Self.quickTries, (tries - Self.quickTries) % Self.noticeEvery == 0 {
            currentHandler()?(BusyWait(seconds: waited / 1000, limit: limitSeconds))
        }
        usleep(tries < Self.quickTries ? Self.quickSleep : Self.slowSleep)
        return true
    }
}
