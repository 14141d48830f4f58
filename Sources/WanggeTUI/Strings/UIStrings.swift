import WanggeCore
import WanggeStore

/// The console's language: Chinese by default, English with `--lang en`.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en
}

/// Every user-facing string of the console, in one place and both languages.
///
/// Screens never spell out text themselves; they ask this table. Names that come from
/// data (grids, people, categories in Chinese) and messages written by the core for the
/// command line as well (refusals, timeline sentences) stay as they are.
public struct UIStrings: Sendable, Hashable {
    /// Which language this table speaks.
    public let language: Language

    /// The table for `language`.
    public init(_ language: Language) { self.language = language }

    var zh: Bool { language == .zh }

    /// Picks the Chinese or English form.
    func t(_ chinese: String, _ english: String) -> String { zh ? chinese : english }

    // MARK: Screens and chrome

    public var appName: String { t("网格事件派遣台", "wangge dispatch console") }
    public func screenName(_ screen: ScreenID) -> String {
        switch screen {
        case .queue: t("事件队列", "Queue")
        case .detail: t("案件详情", "Case")
        case .map: t("网格图", "Grid map")
        case .board: t("升级看板", "Escalation board")
        case .overdue: t("超期督办", "Overdue")
        case .stats: t("考核", "Assessment")
        case .help: t("帮助", "Help")
        }
    }
    public func operatorLine(_ person: Person) -> String {
        "\(person.name)（\(roleName(person.role))）"
    }
    public var keysHint: String { t("?帮助  :命令  1队列 2网格图 3看板 4督办  q返回", "? help  : command  1 queue 2 map 3 board 4 overdue  q back") }
    public var tooSmall: String { t("终端太小", "Terminal too small") }
    public var loading: String { t("加载中", "loading") }
    public var counting: String { t("计数中", "counting") }
    public func newArrivals(_ n: Int) -> String { t("新到 \(n) 件", "\(n) new") }
    public func refreshed(_ what: String) -> String { t("已刷新：\(what)", "Refreshed: \(what)") }
    public var nothingHere: String { t("（没有案件）", "(no cases)") }
    public func loadFailed(_ message: String) -> String { t("读取失败：\(message)", "Could not load: \(message)") }
    /// The status line after this console's engine wrote: the first action and how many more.
    public func engineActed(_ lines: [String], events: Int) -> String {
        let first = lines.first ?? ""
        let more = lines.count > 1 ? t("等 \(lines.count) 项", " and \(lines.count - 1) more") : ""
        return t("升级引擎：\(first)\(more)", "Engine: \(first)\(more)")
    }
    public func engineFailed(_ message: String) -> String { t("升级引擎未能运行：\(message)", "Engine could not run: \(message)") }
    /// Another program holds the write lock; the console waits instead of failing.
    public func waitingForLock(seconds: Int, limit: Int) -> String {
        t("数据库正被其他程序写入，已等待 \(seconds) 秒，继续等待（最长 \(limit) 秒）…",
          "The database is being written by another program: waited \(seconds) s, still waiting (up to \(limit) s)…")
    }

    /// The start-up check found the database changed behind the program's back.
    public func integrityWarning(_ problem: String, more: Int) -> String {
        t("⚠ 数据库可能在 wangge 之外被改动：\(problem)\(more > 0 ? "（另有 \(more) 处）" : "")。请管理员运行 wangge check",
          "⚠ The database may have been changed outside wangge: \(problem)\(more > 0 ? " (and \(more) more)" : ""). Ask an admin to run wangge check")
    }
    /// The title bar's mark for this console's engine.
    public func engineMark(_ indicator: EngineIndicator) -> String {
        switch indicator {
        case .acting: return t("引擎●", "engine●")
        case .standby: return t("引擎○", "engine○")
        case .failing: return t("引擎✗", "engine✗")
        }
    }

    // MARK: Queue

    public func queueTitle(total: Int?, shown: Int) -> String {
        guard let total else { return t("事件队列", "Queue") }
        return t("事件队列 共 \(total) 件", "Queue: \(total) cases")
    }
    public var columnCode: String { t("编号", "Code") }
    public var columnLevel: String { t("层级", "Level") }
    public var columnStatus: String { t("状态", "State") }
    public var columnCategory: String { t("分类", "Category") }
    public var columnGrid: String { t("网格", "Grid") }
    public var columnHandler: String { t("承办", "Handler") }
    public var columnTimeLeft: String { t("时限", "Time left") }
    public var columnAge: String { t("时长", "Age") }
    public var columnTitle: String { t("标题", "Title") }
    public var filterPrompt: String { t("筛选", "Filter") }
    public var filterHelp: String {
        t("文字；g:网格 c:分类 如 g:0103 c:04；回车确定，Esc 取消",
          "text; g:grid c:category e.g. g:0103 c:04; Enter apply, Esc cancel")
    }
    public var openOnly: String { t("未办结", "open") }
    public var allStates: String { t("全部状态", "all states") }
    public var onlyMine: String { t("我的", "mine") }
    public var onlyOverdue: String { t("超期", "overdue") }
    public var onlyNew: String { t("待受理", "new") }
    public func sortName(_ order: CaseOrder) -> String {
        switch order {
        case .dueAt: t("按截止", "by due")
        case .reportedAtDescending: t("最新", "newest")
        case .reportedAt: t("最早", "oldest")
        case .code: t("按编号", "by code")
        }
    }
    public func filterGrid(_ name: String) -> String { t("网格 \(name)", "grid \(name)") }
    public func filterCategory(_ name: String) -> String { t("分类 \(name)", "category \(name)") }
    public func filterText(_ text: String) -> String { t("含“\(text)”", "“\(text)”") }
    public func tagged(_ n: Int) -> String { t("已选 \(n) 件", "\(n) tagged") }
    public var newMark: String { t("新", "N") }
    public var nothingTagged: String { t("没有选中的案件：用空格选择，或直接对当前案件操作", "Nothing tagged: Space tags a case") }
    public func bulkDone(ok: Int, failed: Int) -> String {
        failed == 0 ? t("已处理 \(ok) 件", "\(ok) done") : t("已处理 \(ok) 件，\(failed) 件未成功：", "\(ok) done, \(failed) failed: ")
    }

    // MARK: Detail

    public var fieldState: String { t("状态", "State") }
    public var fieldLevel: String { t("层级", "Level") }
    public var fieldSeverity: String { t("严重程度", "Severity") }
    public var fieldVersion: String { t("版本", "Version") }
    public var fieldCategory: String { t("分类", "Category") }
    public var fieldGrid: String { t("网格", "Grid") }
    public var fieldCommunity: String { t("社区", "Community") }
    public var fieldSource: String { t("来源", "Source") }
    public var fieldReported: String { t("上报", "Reported") }
    public var fieldHandler: String { t("承办", "Handler") }
    public var fieldLimit: String { t("时限", "Limit") }
    public var fieldDue: String { t("截止", "Due") }
    public var fieldDescription: String { t("描述", "Description") }
    public var fieldSummons: String { t("吹哨报到", "Summoned") }
    public var fieldDuplicates: String { t("重复上报", "Duplicates") }
    public var fieldDuplicateOf: String { t("并入", "Merged into") }
    public var fieldPendingExtension: String { t("延期申请", "Extension asked") }
    public var fieldSuspended: String { t("挂账至", "Suspended until") }
    public var timeline: String { t("时间线", "Timeline") }
    public var actions: String { t("可用操作", "Actions") }
    public var noActions: String { t("（当前角色在此案件上没有可用操作）", "(no actions for your role here)") }
    public func summonState(_ unit: String, reportedAt: String?, due: String, late: Bool) -> String {
        if let reportedAt { return t("\(unit) 已于 \(reportedAt) 报到", "\(unit) reported in \(reportedAt)") }
        return t("\(unit) 须于 \(due) 前报到", "\(unit) due \(due)") + (late ? t("（已超时）", " (late)") : "")
    }

    // MARK: Time left

    public func timeLeft(_ seconds: Int64, working: Bool) -> String {
        t("剩", "") + span(seconds) + (working ? t("(工)", "(w)") : "")
    }
    public func overdueBy(_ seconds: Int64) -> String { t("超", "late ") + span(seconds) }
    public var suspended: String { t("挂账中", "suspended") }
    public func span(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        let days = s / 86_400, hours = (s % 86_400) / 3600, minutes = (s % 3600) / 60
        if days > 0 { return zh ? "\(days)天\(hours)时" : "\(days)d\(hours)h" }
        if hours > 0 { return zh ? "\(hours)时\(minutes)分" : "\(hours)h\(minutes)m" }
        return zh ? "\(minutes)分" : "\(minutes)m"
    }
    public func age(_ seconds: Int64) -> String {
        let a = max(0, seconds)
        if a >= 86_400 { return zh ? "\(a / 86_400)天" : "\(a / 86_400)d" }
        if a >= 3600 { return zh ? "\(a / 3600)时" : "\(a / 3600)h" }
        return zh ? "\(a / 60)分" : "\(a / 60)m"
    }

    // MARK: Map, board, overdue

    public func mapTitle(_ place: String) -> String { t("网格图｜\(place)", "Grid map | \(place)") }
    public func tileCounts(open: Int, overdue: Int) -> String { t("办\(open) 超\(overdue)", "open \(open) late \(overdue)") }
    public func gridKind(_ kind: GridKind) -> String {
        switch kind {
        case .basic: t("基础", "basic")
        case .allPurpose: t("全科", "all-purpose")
        case .school: t("专属学校", "excl. school")
        case .hospital: t("专属医院", "excl. hospital")
        case .market: t("专属市场", "excl. market")
        case .enterprise: t("专属企业", "excl. enterprise")
        }
    }
    public var mapLegend: String {
        t("方向键/hjkl 移动  回车 进入  Esc 返回上级  办=未办结 超=超期  [专]=专属网格",
          "arrows/hjkl move  Enter drill in  Esc up  [X]=exclusive grid")
    }
    public var exclusiveMark: String { t("[专]", "[X]") }
    public var boardTitle: String { t("升级看板", "Escalation board") }
    public func boardColumn(_ level: Level, count: Int?) -> String {
        levelName(level) + (count.map { t(" \($0) 件", " \($0)") } ?? "")
    }
    public var summonedMark: String { t("哨", "W") }
    public func overdueTitle(overdue: Int?, shown: Int) -> String {
        t("超期督办", "Overdue") + (overdue.map { t("｜超期 \($0) 件", " | \($0) overdue") } ?? "")
            + t("｜显示最紧急的 \(shown) 件（含 24 小时内到期）", " | \(shown) most urgent (incl. due within 24 h)")
    }
    public func groupHeader(_ name: String, count: Int, overdue: Int) -> String {
        t("\(name)  \(count) 件，超期 \(overdue)", "\(name)  \(count), \(overdue) overdue")
    }
    public var unassigned: String { t("待派遣（指挥中心）", "Not dispatched (command room)") }

    // MARK: Help and command line

    public func helpTitle(_ screen: ScreenID) -> String { t("帮助｜\(screenName(screen))", "Help | \(screenName(screen))") }
    public var helpGlobal: String { t("全局", "Everywhere") }
    public var helpCommands: String { t("命令行（: 打开，Tab 补全）", "Command line (: opens, Tab completes)") }
    public var helpClose: String { t("按任意键关闭帮助", "any key closes help") }
    public func helpScrollHint(first: Int, last: Int, total: Int) -> String {
        t("第 \(first)-\(min(last, total)) 行，共 \(total) 行；j k PgDn PgUp 滚动，", "lines \(first)-\(min(last, total)) of \(total); j k PgDn PgUp scroll, ")
    }
    public var commandPrompt: String { ":" }
    public func unknownCommand(_ word: String) -> String { t("未知命令 \(word)（:help 查看可用命令）", "Unknown command \(word) (:help lists them)") }
    public func commandUsage(_ usage: String) -> String { t("用法：\(usage)", "Usage: \(usage)") }
    public func unknownGrid(_ text: String) -> String { t("找不到网格 \(text)", "No grid \(text)") }
    public func unknownRoutineItem(_ text: String) -> String {
        t("未知的问题项 \(text)（\(RoutineItem.allCases.map(\.chineseName).joined(separator: "、"))）",
          "Unknown item \(text) (\(RoutineItem.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    public func unknownHandler(_ text: String) -> String { t("找不到承办人或单位 \(text)", "No handler \(text)") }
    public func ambiguousHandler(_ text: String, _ names: [String]) -> String {
        t("“\(text)”匹配多个：\(names.joined(separator: "、"))", "“\(text)” matches several: \(names.joined(separator: ", "))")
    }
    public func themeApplied(_ name: String) -> String { t("已换用主题 \(name)", "Theme \(name)") }
    public func languageApplied(_ language: Language) -> String { language == .zh ? "已切换为中文" : "Language: English" }
    public var commandDescriptions: [(String, String)] {
        [
            ("dispatch C-XXXX 承办人 [时限]", t("派遣案件，如 :dispatch C-261120-0001 张伟 2 working_days", "dispatch, e.g. :dispatch C-261120-0001 zhang.wei")),
            ("open C-XXXX", t("打开案件详情", "open a case")),
            ("grid 0103", t("队列只看该网格（编号或名称）", "queue filtered to a grid (code or name)")),
            ("filter 文字", t("队列按文字筛选；不带参数清除", "filter the queue by text; none clears")),
            ("sort due|newest|oldest|code", t("队列排序", "sort the queue")),
            ("theme 名称", t("换主题：dark light high-contrast mono 或文件路径", "theme: dark light high-contrast mono or a path")),
            ("lang zh|en", t("界面语言", "interface language")),
            ("queue | map | board | overdue", t("切换画面", "switch screen")),
            ("q", t("退出", "quit")),
        ]
    }
}
