import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore
import WanggeStore

/// Options every subcommand takes: which database, who acts, and what time it is.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "数据库文件（默认 $WANGGE_DB，或 $XDG_DATA_HOME/wangge/wangge.sqlite）")
    var db: String?

    @Option(name: .customLong("as"), help: "以该登录名操作（仅管理员可用）")
    var asLogin: String?

    @Option(name: .long, help: "把“现在”固定为该时间（本地时间，如 2026-11-20T10:00）；也可用 $WANGGE_NOW")
    var now: String?

    static func defaultDataDirectory() -> String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/wangge" }
        return (env["HOME"] ?? ".") + "/.local/share/wangge"
    }

    func databasePath(defaultName: String = "wangge.sqlite") -> String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["WANGGE_DB"], !env.isEmpty { return env }
        return Self.defaultDataDirectory() + "/" + defaultName
    }

    /// Opens the store, creating the parent directory when needed. Refuses a database
    /// that anyone on the host could write or replace (`DatabaseFileSafety`).
    func openStore(path: String) throws -> SQLiteCaseStore {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try Self.refuseUnsafe(path)
        // A database this user may only read is opened read-only: lists and `case show`
        // work, and a write says plainly that (and why) it cannot be done.
        let readOnly = FileManager.default.fileExists(atPath: path) && access(path, W_OK) != 0
        let store = try SQLiteCaseStore(
            path: path, busyTimeoutSeconds: Self.busyTimeout(), readOnly: readOnly, durability: Self.durability())
        store.busyWaits.setHandler { wait in
            ErrorReporting.printError("数据库正被其他程序写入，已等待 \(wait.seconds) 秒，继续等待（最长 \(wait.limit) 秒）…")
        }
        return store
    }

    /// How long a command waits for another process's write lock (`WANGGE_BUSY_TIMEOUT`
    /// seconds, default 300), saying so on stderr after a second and every five.
    static func busyTimeout() -> Double {
        ProcessInfo.processInfo.environment["WANGGE_BUSY_TIMEOUT"].flatMap(Double.init).map { max(1, $0) } ?? 300
    }

    /// Throws when the database or its directory is world-writable, unless the person
    /// running the command knowingly allowed it (a warning is printed then).
    static func refuseUnsafe(_ path: String) throws {
        guard let problem = DatabaseFileSafety.problem(path: path) else { return }
        if ProcessInfo.processInfo.environment[DatabaseFileSafety.overrideVariable] == "1" {
            ErrorReporting.printError("警告：\(problem)（因 \(DatabaseFileSafety.overrideVariable)=1 仍然打开）")
            return
        }
        throw AppError.unsafeDatabase(problem)
    }

    /// `WANGGE_DURABILITY=full` makes every commit wait for an fsync (survives a power
    /// cut); the default `normal` survives any process crash and is much faster.
    static func durability() -> SQLiteCaseStore.Durability {
        ProcessInfo.processInfo.environment["WANGGE_DURABILITY"].flatMap(SQLiteCaseStore.Durability.init(rawValue:)) ?? .normal
    }

    func currentTime(calendar: WorkCalendar) throws -> Instant {
        let text = now ?? ProcessInfo.processInfo.environment["WANGGE_NOW"]
        guard let text, !text.isEmpty else { return SystemClock.now() }
        guard let instant = calendar.parseLocal(text) else {
            throw ValidationError("无法识别的时间 \(text)（应形如 2026-11-20T10:00）")
        }
        return instant
    }

    /// Everything a verb needs: the workspace, the acting person and the time.
    /// `channel` says where refused attempts came from in the security log. In a batch
    /// the same options give the same environment (the database opened once).
    func environment(channel: SecurityLogger.Channel = .cli) throws -> CommandEnvironment {
        let key = [databasePath(), asLogin ?? "", now ?? "", channel.rawValue].joined(separator: "\u{1}")
        return try EnvironmentCache.value(for: key) { try makeEnvironment(channel: channel) }
    }

    private func makeEnvironment(channel: SecurityLogger.Channel) throws -> CommandEnvironment {
        let path = databasePath()
        guard FileManager.default.fileExists(atPath: path) else {
            throw AppError.notInitialised(path)
        }
        let store = try openStore(path: path)
        let workspace = try Workspace(store: store)
        let securityLog = SecurityLogger(osLogin: Identity.currentLogin(), channel: channel, wallClock: { SystemClock.now() })
        let now = try currentTime(calendar: workspace.calendar)
        let person = try Identity.resolve(
            login: securityLog.osLogin, asLogin: asLogin, in: workspace, securityLog: securityLog, at: now)
        var environment = CommandEnvironment(workspace: workspace, person: person, now: now, securityLog: securityLog)
        environment.nowIsFixed = !(self.now ?? ProcessInfo.processInfo.environment["WANGGE_NOW"] ?? "").isEmpty
        if environment.nowIsFixed, person.role != .admin, !workspace.isDemo {
            // A fixed clock would let an operator backdate a feedback or a dispatch.
            let refusal = AppError.fixedClockRefused(person.login)
            if let failure = securityLog.record(
                reason: "fixedClock", action: SecurityLogger.fixedClockAction, actor: person.login,
                message: refusal.description, at: SystemClock.now(), in: store) {
                throw AppError.badInput(refusal.description + "（\(failure)）")
            }
            throw refusal
        }
        return environment
    }
}

struct CommandEnvironment {
    let workspace: Workspace
    let person: Person
    var now: Instant
    /// Where refusals are recorded: the OS login, the channel and the wall clock.
    let securityLog: SecurityLogger
    /// Whether `now` was fixed by --now / WANGGE_NOW (the console's clock then stands still).
    var nowIsFixed = false

    var service: CaseService { CaseService(workspace: workspace, securityLog: securityLog) }
    var calendar: WorkCalendar { workspace.calendar }

    func parseTime(_ text: String) throws -> Instant {
        guard let instant = calendar.parseLocal(text) else {
            throw ValidationError("无法识别的时间 \(text)（应形如 2026-11-20T10:00）")
        }
        return instant
    }
}

/// The environments of a batch, so that its lines share one open database and one
/// parsed configuration. Off (every call builds its own) outside `wangge batch`.
enum EnvironmentCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var entries: [String: CommandEnvironment]?

    static func enable() { lock.lock(); entries = [:]; lock.unlock() }
    static func disable() { lock.lock(); entries = nil; lock.unlock() }

    static func value(for key: String, _ make: () throws -> CommandEnvironment) throws -> CommandEnvironment {
        lock.lock()
        let cached = entries?[key]
        let enabled = entries != nil
        lock.unlock()
        if var cached {
            // The wall clock moves on between the lines of a long batch.
            if !cached.nowIsFixed { cached.now = SystemClock.now() }
            return cached
        }
        let made = try make()
        if enabled { lock.lock(); entries?[key] = made; lock.unlock() }
        return made
    }
}
