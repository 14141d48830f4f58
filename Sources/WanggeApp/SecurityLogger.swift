import WanggeCore
import WanggeStore

/// Writes refused attempts to the security log: who (the OS login and the person it
/// acted as), through which channel, what, on which case, when, and why.
///
/// The command line and the console each give their `CaseService` one, so every refusal
/// of either is recorded through the same code. Programs that act on their own behalf
/// (the engine, the demo builder, benchmarks) have none: their refusals are routine.
public struct SecurityLogger: Sendable {
    /// Where the attempt came from.
    public enum Channel: String, Sendable {
        case cli, console

        public var chineseName: String {
            switch self {
            case .cli: "命令行"
            case .console: "控制台"
            }
        }
    }

    /// The action recorded when a non-admin uses `--as`.
    public static let impersonateAction = "impersonate"
    /// The action recorded when the OS login is not a person of the organisation.
    public static let identifyAction = "identify"
    /// The action recorded when an import brings records the operator may not import.
    public static let importAction = "import"
    /// The action recorded when a non-admin fixes the clock with `--now` on a real deployment.
    public static let fixedClockAction = "fixed_clock"

    public let osLogin: String
    public let channel: Channel
    /// The wall clock, read when a row is written (the command's own time may be fixed).
    public let wallClock: @Sendable () -> Instant

    public init(osLogin: String, channel: Channel, wallClock: @escaping @Sendable () -> Instant) {
        self.osLogin = osLogin
        self.channel = channel
        self.wallClock = wallClock
    }

    /// Records the refusal and returns it, with a note appended when the log could not be
    /// written (a read-only or full database): the operator still learns why they were
    /// refused, and that the record is missing.
    public func record(
        _ refusal: Refusal, action: String, actor: String, caseCode: String?, grid: String?, at: Instant, in store: SQLiteCaseStore
    ) -> Refusal {
        let row = RefusalRecord(
            at: at, recordedAt: wallClock(), osLogin: osLogin, actor: actor, channel: channel.rawValue, action: action,
            caseCode: caseCode, grid: grid, reason: refusal.reason.rawValue, message: refusal.message)
        do {
            try store.recordRefusal(row)
            return refusal
        } catch {
            return Refusal(refusal.reason, refusal.message + "（未能写入安全日志：\(error)）")
        }
    }

    /// Records a refusal that is not a `Refusal` of Core (an unknown login, `--as` by a
    /// non-admin) and returns a line to show when it could not be written, if any.
    public func record(
        reason: String, action: String, actor: String, message: String, grid: String? = nil, at: Instant, in store: SQLiteCaseStore
    ) -> String? {
        let row = RefusalRecord(
            at: at, recordedAt: wallClock(), osLogin: osLogin, actor: actor, channel: channel.rawValue, action: action,
            caseCode: nil, grid: grid, reason: reason, message: message)
        do {
            try store.recordRefusal(row)
            return nil
        } catch {
            return "未能写入安全日志：\(error)"
        }
    }
}
