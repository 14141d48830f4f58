import WanggeCore

/// What one tick of the engine did, for the engine's log, the console's status line
/// and tests.
public struct EngineTickReport: Sendable {
    public enum Mode: Sendable, Equatable {
        /// This engine held the lease and evaluated the due cases.
        case active
        /// Another engine holds the lease until the given wall-clock time; nothing done.
        case standby(holder: String, until: Instant)
    }

    public var mode: Mode = .active
    public var now: Instant
    /// True when the rules (or the configuration they read) changed and every open
    /// case was evaluated again.
    public var fullReevaluation = false
    public var evaluated = 0
    /// Rules whose actions were written now (one append each).
    public var applied = 0
    public var events = 0
    public var eventsByKind: [EventBody.Kind: Int] = [:]
    public var appliedByRule: [String: Int] = [:]
    /// Matches already acted on (same idempotency key): by this engine earlier, or by another.
    public var alreadyApplied = 0
    /// Cases that changed between evaluation and write; they are evaluated again next tick.
    public var stale = 0
    public var inhibited = 0
    public var refusals: [String] = []
    /// Open cases still due after this tick (more than one tick's worth were due).
    public var dueRemaining = 0
    /// One line per action written: "C-261120-0003 升级 → 社区（规则 grid-overdue）".
    public var lines: [String] = []
    /// Seconds spent reading and judging the cases, and writing the results (when the
    /// runner was given a stopwatch).
    public var readAndEvaluateSeconds = 0.0
    public var writeSeconds = 0.0

    public init(now: Instant) { self.now = now }

    /// One line for logs and the console's status bar.
    public var summary: String {
        switch mode {
        case .standby(let holder, _):
            return "备用：引擎租约由 \(holder) 持有，本机不执行"
        case .active:
            var text = "检查 \(evaluated) 件，执行 \(applied) 条规则、写入 \(events) 条事件"
            let kinds = eventsByKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.chineseVerb) \($0.value)" }
            if !kinds.isEmpty { text += "（\(kinds.joined(separator: "，"))）" }
            if alreadyApplied > 0 { text += "，已执行过 \(alreadyApplied)" }
            if inhibited > 0 { text += "，被抑制 \(inhibited)" }
            if stale > 0 { text += "，案件已变化待重查 \(stale)" }
            if !refusals.isEmpty { text += "，被拒绝 \(refusals.count)" }
            if dueRemaining > 0 { text += "，尚有 \(dueRemaining) 件待查" }
            if readAndEvaluateSeconds + writeSeconds > 0 {
                text += "；读取和判断 \(Int(readAndEvaluateSeconds * 1000)) 毫秒，写入 \(Int(writeSeconds * 1000)) 毫秒"
            }
            if fullReevaluation { text = "规则或配置已变化，重新检查全部未办结案件：" + text }
            return text
        }
    }
}

/// Where a test can make the engine fail, to prove a crash loses and repeats nothing.
public enum EngineFaultPoint: Sendable, Equatable {
    /// After the cases were evaluated, before anything was written.
    case afterEvaluation
    /// Inside the write transaction, after the events were appended, before commit.
    case beforeCommit
}
