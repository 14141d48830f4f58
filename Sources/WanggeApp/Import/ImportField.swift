import WanggeCore

/// What a column of an imported file can hold. The raw values are the keys of the
/// mapping file's `[columns]` table.
public enum ImportField: String, Sendable, CaseIterable {
    /// The record's id in the source system: re-importing the same id changes nothing.
    case id
    /// Keep this case code (`C-YYMMDD-NNNN`) when it is free; used when re-reading our own exports.
    case code
    case title, text, category, grid, building
    case reportedAt = "reported_at"
    case dispatchedAt = "dispatched_at"
    case dueAt = "due_at"
    case handlingDueAt = "handling_due_at"
    case handledAt = "handled_at"
    case closedAt = "closed_at"
    case status, handler, channel
    case sourceRef = "source_ref"
    case satisfaction, severity, level
    case duplicateOf = "duplicate_of"

    /// The Chinese name used in bad-row reports when the file has no header for it.
    public var chineseName: String {
        switch self {
        case .id: "来源编号"
        case .code: "案件编号"
        case .title: "标题"
        case .text: "内容"
        case .category: "分类"
        case .grid: "网格"
        case .building: "楼栋"
        case .reportedAt: "受理时间"
        case .dispatchedAt: "派遣时间"
        case .dueAt: "办理时限"
        case .handlingDueAt: "处置时限"
        case .handledAt: "处置完成时间"
        case .closedAt: "办结时间"
        case .status: "状态"
        case .handler: "承办单位"
        case .channel: "来源渠道"
        case .sourceRef: "来源单号"
        case .satisfaction: "满意度"
        case .severity: "严重程度"
        case .level: "层级"
        case .duplicateOf: "主案件"
        }
    }

    /// The field a problem found while building the history is about.
    init(_ field: HistoricField) {
        switch field {
        case .title: self = .title
        case .text: self = .text
        case .category: self = .category
        case .grid: self = .grid
        case .building: self = .building
        case .status: self = .status
        case .handler: self = .handler
        case .channel: self = .channel
        case .reportedAt: self = .reportedAt
        case .dispatchedAt: self = .dispatchedAt
        case .dueAt: self = .dueAt
        case .handlingDueAt: self = .handlingDueAt
        case .handledAt: self = .handledAt
        case .closedAt: self = .closedAt
        case .satisfaction: self = .satisfaction
        case .level: self = .level
        case .duplicateOf: self = .duplicateOf
        }
    }

    /// The fields whose values are times.
    public var isTime: Bool {
        switch self {
        case .reportedAt, .dispatchedAt, .dueAt, .handlingDueAt, .handledAt, .closedAt: true
        default: false
        }
    }
}
