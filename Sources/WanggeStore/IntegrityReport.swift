import WanggeCore

/// What `wangge check` found. Clean means the hash chain is unbroken, versions are
/// contiguous and a rebuild of the projections equals the live ones.
public struct IntegrityReport: Sendable {
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// A row whose stored hash or link does not match: edited, reordered or inserted by hand.
        case chainBroken(seq: Int64, detail: String)
        /// A gap in the sequence: a row was deleted.
        case missingEvents(afterSeq: Int64, nextSeq: Int64)
        case unreadableEvent(seq: Int64, detail: String)
        case versionGap(caseID: Int64, expected: Int, found: Int)
        case projectionDiffers(code: String, column: String, live: String, rebuilt: String)
        case projectionMissing(caseID: Int64)
        case projectionExtra(code: String)
        case counterDiffers(grid: String, status: String, live: Int, recount: Int)
        /// A row of the security log whose hash, link or number does not match.
        case securityLogBroken(seq: Int64, detail: String)
        /// An append-only trigger is missing: someone dropped it to edit or delete rows.
        case triggerMissing(name: String)
        /// The schema changed since the program's own last change (a trigger dropped and
        /// put back, an index or table added by hand).
        case schemaChanged(recorded: Int64, found: Int64)
        /// The assessment facts of a case differ from the ones folded from its events.
        case assessmentFactsDiffer(caseID: Int64, column: String, live: String, rebuilt: String)
        /// A roll-up row (a day's settled cases of a grid) differs from a recount of the facts.
        case assessmentRollupDiffers(grid: String, day: Int64, detail: String)

        public var description: String {
            switch self {
            case let .chainBroken(seq, detail): "事件 #\(seq) 的哈希链断裂：\(detail)（该行或其前一行被改动、插入或调换）"
            case let .missingEvents(after, next): "事件 #\(after) 之后直接是 #\(next)：中间 \(next - after - 1) 条事件被删除"
            case let .unreadableEvent(seq, detail): "事件 #\(seq) 无法读取：\(detail)"
            case let .versionGap(id, expected, found): "案件 #\(id) 的版本不连续：应为 \(expected)，实际为 \(found)"
            case let .projectionDiffers(code, column, live, rebuilt): "案件 \(code) 的 \(column) 与事件重建结果不同：现值 \(live)，重建值 \(rebuilt)"
            case let .projectionMissing(id): "案件 #\(id) 有事件但投影中没有这一行"
            case let .projectionExtra(code): "案件 \(code) 在投影中但没有任何事件"
            case let .counterDiffers(grid, status, live, recount): "网格 \(grid) 状态 \(status) 的计数为 \(live)，重新统计为 \(recount)"
            case let .securityLogBroken(seq, detail): "安全日志第 \(seq) 条记录的哈希链断裂：\(detail)"
            case let .triggerMissing(name): "只追加触发器 \(name) 不见了：有人删除了它，以便改写或删除记录"
            case let .schemaChanged(recorded, found):
                "数据库结构在 wangge 之外被改动（结构版本应为 \(recorded)，现为 \(found)）：例如删除只追加触发器改写事件后又放回"
            case let .assessmentFactsDiffer(id, column, live, rebuilt): "案件 #\(id) 的考核事实 \(column) 与事件重建结果不同：现值 \(live)，重建值 \(rebuilt)"
            case let .assessmentRollupDiffers(grid, day, detail):
                "网格 \(grid) \(CivilDate(daysSinceEpoch: day))（东八区）的考核汇总与考核事实不符：\(detail)（wangge rebuild 可重建）"
            }
        }
    }

    public var eventsChecked: Int = 0
    public var casesChecked: Int = 0
    public var refusalsChecked: Int = 0
    public var problems: [Problem] = []

    public var isClean: Bool { problems.isEmpty }

    /// The first event that breaks the chain, if any: what `check` names first.
    public var firstBadEvent: Int64? {
        for p in problems {
            switch p {
            case .chainBroken(let seq, _), .unreadableEvent(let seq, _): return seq
            case .missingEvents(let after, _): return after + 1
            default: continue
            }
        }
        return nil
    }
}
