import WanggeApp
import WanggeAssessment
import WanggeCore

/// The 考核 screen's strings. Figure names and formulas are the assessment module's
/// (Chinese, like the command line's); English gets the short English names below.
extension UIStrings {
    public func figureShortName(_ f: Figure) -> String {
        guard !zh else { return f.shortName }
        switch f {
        case .reported: return "Cases"
        case .dispatchedInTime: return "Disp.OK"
        case .handledOnTime: return "OnTime"
        case .closed: return "Closed"
        case .closedOnTime: return "ClsdOK"
        case .rework: return "Rework"
        case .sendBack: return "SentBk"
        case .checkPass: return "Checks"
        case .satisfaction: return "Satisf."
        case .complaintsPer10k: return "Cmpl/10k"
        case .hotlineResponse: return "HotResp"
        case .hotlineResolution: return "HotRes"
        case .settledInGrid: return "InGrid"
        case .closeHoursMean: return "AvgHrs"
        case .closeHoursP90: return "P90Hrs"
        case .routine: return "Routine"
        }
    }

    public func statsGroupName(_ level: StatsLevel) -> String {
        switch level {
        case .county: t("街道", "Street")
        case .street: t("社区", "Community")
        case .community: t("网格", "Grid")
        case .workers: t("网格员", "Worker")
        case .departments: t("部门/物业", "Department")
        }
    }

    /// "2026-11 月上报，截至 2026-11-20 10:00".
    public func statsPeriod(_ month: String, through: String) -> String {
        t("\(month) 月上报，截至 \(through)", "reported in \(month), as of \(through)")
    }

    public func statsWhere(_ place: String?) -> String {
        guard let place else { return "" }
        return t("：\(place)", ": \(place)")
    }

    public func statsSorted(_ figure: Figure?, descending: Bool) -> String {
        guard let figure else { return t("按编码", "by code") }
        return descending ? t("按\(figure.shortName)降序", "by \(figureShortName(figure)), high first")
            : t("按\(figure.shortName)升序", "by \(figureShortName(figure)), low first")
    }

    public var statsComputing: String { t("统计中…", "computing…") }
    public var statsStale: String { t("有新数据，r 刷新", "new data, r to refresh") }
    public var statsTotal: String { t("合计", "Total") }
    public var statsWeeks: String { t("近8周", "8 weeks") }
    public var statsKeys: String {
        t("h l 选指标  Enter 下钻/案件  ! 拉低的案件  s 排序  [ ] 换月  b 分组  Bksp 返回",
          "h l figure  Enter drill/cases  ! cases pulling down  s sort  [ ] month  b group  Bksp up")
    }

    /// The queue's filter label for the cases behind a figure.
    public func statsDrillLabel(_ name: String, figure: Figure, failing: Bool) -> String {
        failing ? t("\(name) \(figure.chineseName) 拉低的案件", "\(name): cases pulling \(figureShortName(figure)) down")
            : t("\(name) \(figure.chineseName) 计入的案件", "\(name): cases counted in \(figureShortName(figure))")
    }
}
