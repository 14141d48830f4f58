import WanggeCore

/// One assessment figure (考核指标): how it is named, its formula in words, and how it
/// is computed from a `FigureTally`. The README's formula table is this list.
public enum Figure: String, CaseIterable, Sendable, Hashable {
    case reported = "reported"
    case dispatchedInTime = "dispatched_in_time"
    case handledOnTime = "handled_on_time"
    case closed = "closed"
    case closedOnTime = "closed_on_time"
    case rework = "rework"
    case sendBack = "send_back"
    case checkPass = "check_pass"
    case satisfaction = "satisfaction"
    case complaintsPer10k = "complaints_per_10k"
    case hotlineResponse = "hotline_response"
    case hotlineResolution = "hotline_resolution"
    case settledInGrid = "settled_in_grid"
    case closeHoursMean = "close_hours_mean"
    case closeHoursP90 = "close_hours_p90"
    case routine = "routine"

    public enum Kind: Sendable {
        /// numerator / denominator, shown as a percentage.
        case rate
        /// numerator × 10,000 / denominator.
        case perTenThousand
        /// Working hours (mean or 90th percentile of the closed cases).
        case hours
        /// A plain count.
        case count
    }

    public var kind: Kind {
        switch self {
        case .reported, .routine: .count
        case .complaintsPer10k: .perTenThousand
        case .closeHoursMean, .closeHoursP90: .hours
        default: .rate
        }
    }

    public var chineseName: String {
        switch self {
        case .reported: "上报案件"
        case .dispatchedInTime: "及时派遣率"
        case .handledOnTime: "按期处置率"
        case .closed: "结案率"
        case .closedOnTime: "按期结案率"
        case .rework: "返工率"
        case .sendBack: "回退率"
        case .checkPass: "核查通过率"
        case .satisfaction: "满意率"
        case .complaintsPer10k: "万人成诉率"
        case .hotlineResponse: "热线响应率"
        case .hotlineResolution: "热线解决率"
        case .settledInGrid: "小事不出网格率"
        case .closeHoursMean: "平均结案用时"
        case .closeHoursP90: "90%结案用时"
        case .routine: "五查三问"
        }
    }

    /// A short header for narrow tables.
    public var shortName: String {
        switch self {
        case .reported: "案件"
        case .dispatchedInTime: "及时派遣"
        case .handledOnTime: "按期处置"
        case .closed: "结案"
        case .closedOnTime: "按期结案"
        case .rework: "返工"
        case .sendBack: "回退"
        case .checkPass: "核查通过"
        case .satisfaction: "满意"
        case .complaintsPer10k: "万人成诉"
        case .hotlineResponse: "热线响应"
        case .hotlineResolution: "热线解决"
        case .settledInGrid: "不出网格"
        case .closeHoursMean: "平均用时"
        case .closeHoursP90: "P90用时"
        case .routine: "走访"
        }
    }

    /// The formula in words, as printed by `wangge stats --explain` and the README.
    public var formula: String {
        switch self {
        case .reported: "期内上报的案件数（含不予立案、已并案）"
        case .dispatchedInTime: "在派遣时限内派遣的派遣轮次 ÷（该数 + 超时派遣、超时后以其他方式结束、或至今未派遣且已超时的轮次）"
        case .handledOnTime: "在处置时限（含批准的延期、挂账顺延）内反馈的处置轮次 ÷（该数 + 超时反馈、超时后被回退/升级/并案、或至今未反馈且已超时的轮次）"
        case .closed: "已结案（含归档）的案件 ÷ 受理案件（不含不予立案和已并案）"
        case .closedOnTime: "全流程各轮次均未超时的已结案案件 ÷（已结案案件 + 已超时的未结案案件）"
        case .rework: "核查不通过（返工）过的承办 ÷ 反馈过处置结果的承办（每件案件每个承办人计一次）"
        case .sendBack: "回退次数 ÷ 派遣次数"
        case .checkPass: "核查通过次数 ÷ 核查次数"
        case .satisfaction: "（满意 + 基本满意）评价次数 ÷ 评价次数"
        case .complaintsPer10k: "群众来电（12345）和来访上报的案件（不含已并案）× 10000 ÷ 常住人口"
        case .hotlineResponse: "首个派遣时限内得到答复（派遣、不予立案、升级或并案）的 12345 案件 ÷（该数 + 超时答复或至今未答复且已超时的 12345 案件）"
        case .hotlineResolution: "已结案且评价不是“不满意”的 12345 案件 ÷ 受理的 12345 案件"
        case .settledInGrid: "结案时仍在网格层级（未升级）的案件 ÷ 已结案案件"
        case .closeHoursMean: "已结案案件从上报到结案的工作时（按工作日历）之平均"
        case .closeHoursP90: "已结案案件从上报到结案的工作时，按最近秩法取第 90 百分位（排序后第 ⌈0.9n⌉ 个）"
        case .routine: "期内记录的五查三问走访次数（发现问题数 / 转为案件数）"
        }
    }

    /// Whether the figure means something for groups of this dimension: timely dispatch
    /// and hotline answers are the command room's work, so they are counted per place
    /// only; complaints per 10,000 need residents; routine work belongs to workers and places.
    public func applies(to dimension: AssessmentDimension) -> Bool {
        switch self {
        case .dispatchedInTime, .hotlineResponse, .complaintsPer10k: dimension.isPlace
        case .routine: dimension.isPlace || dimension == .worker
        default: true
        }
    }

    /// The numerator and denominator behind a rate or a per-10,000 figure; for hours the
    /// number of closed cases, for counts the count twice.
    public func parts(_ t: FigureTally) -> (numerator: Int, denominator: Int) {
        switch self {
        case .reported: (t.reported, t.reported)
        case .dispatchedInTime: (t.dispatchInTime, t.dispatchInTime + t.dispatchLate)
        case .handledOnTime: (t.handledOnTime, t.handledOnTime + t.handledLate)
        case .closed: (t.closed, t.filed)
        case .closedOnTime: (t.closedOnTime, t.closed + t.openLate)
        case .rework: (t.reworked, t.fedBack)
        case .sendBack: (t.sendBacks, t.dispatches)
        case .checkPass: (t.checksPassed, t.checksPassed + t.checksFailed)
        case .satisfaction: (t.satisfied, t.evaluations)
        case .complaintsPer10k: (t.complaints, t.residents)
        case .hotlineResponse: (t.hotlineAnsweredInTime, t.hotlineAnsweredInTime + t.hotlineAnsweredLate)
        case .hotlineResolution: (t.hotlineResolved, t.hotlineFiled)
        case .settledInGrid: (t.closedAtGridLevel, t.closed)
        case .closeHoursMean, .closeHoursP90: (t.closeSeconds.count, t.closeSeconds.count)
        case .routine: (t.routineEntries, t.routineEntries)
        }
    }

    /// The figure's value: a fraction (0...1) for rates, per 10,000 for complaints,
    /// hours for durations, the count for counts; nil when there is nothing to count.
    public func value(_ t: FigureTally) -> Double? {
        let (n, d) = parts(t)
        switch kind {
        case .rate: return d > 0 ? Double(n) / Double(d) : nil
        case .perTenThousand: return d > 0 ? Double(n) * 10_000 / Double(d) : nil
        case .count: return Double(n)
        case .hours:
            guard !t.closeSeconds.isEmpty else { return nil }
            if self == .closeHoursMean {
                return Double(t.closeSeconds.reduce(0, +)) / Double(t.closeSeconds.count) / 3600
            }
            return Double(Self.nearestRank(t.closeSeconds, percentile: 90)) / 3600
        }
    }

    /// The p-th percentile by the nearest-rank method: the ⌈p·n/100⌉-th smallest value.
    public static func nearestRank(_ values: [Int64], percentile p: Int) -> Int64 {
        // Reports keep their durations sorted; sort only when they are not.
        let sorted = zip(values, values.dropFirst()).allSatisfy { $0 <= $1 } ? values : values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = (p * sorted.count + 99) / 100
        return sorted[max(1, rank) - 1]
    }

    /// Whether a higher value is better (for colouring and ranking).
    public var higherIsBetter: Bool {
        switch self {
        case .rework, .sendBack, .complaintsPer10k, .closeHoursMean, .closeHoursP90: false
        default: true
        }
    }
}
