import WanggeCore

/// Errors of the event store, each with a message an operator can act on.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The case changed since it was read: the current state says by whom and when.
    case conflict(current: CaseState)
    case caseNotFound(String)
    /// The database could not be opened or written (locked, read-only, full, corrupt).
    case database(String)
    /// A stored event could not be read back.
    case corruptEvent(seq: Int64, String)

    public var description: String {
        switch self {
        case .conflict(let current): "案件 \(current.code) 已被他人修改（版本 \(current.version)），请刷新"
        case .caseNotFound(let code): "找不到案件 \(code)"
        case .database(let message): "数据库错误：\(message)"
        case .corruptEvent(let seq, let message): "事件 #\(seq) 已损坏：\(message)"
        }
    }
}
