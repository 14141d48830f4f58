import WanggeCore

/// What a key asks the console to do, independent of which key it was.
public enum Intent: Hashable, Sendable {
    // Everywhere.
    case quit, back, help, commandLine, suspend, refresh, redraw
    case show(ScreenID)
    // Moving in lists, tiles and columns.
    case up, down, left, right, pageUp, pageDown, top, bottom, open
    // Queue.
    case filter, clearFilter, toggleTag, tagAll, bulkDispatch, quickMine, quickOverdue, quickNew
    case cycleLevel, toggleOpenOnly, cycleSort
    // A case action (detail, overdue board, escalation board, queue shortcuts).
    case act(Action)
    // The 考核 screen.
    case stats(StatsKey)
}

/// One row of a binding table: the keys, what they do, and the help text.
///
/// The screens look keys up in the same tables that `?` prints, so the help can never
/// list a key that does nothing or miss one that does something.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var intent: Intent
    /// Help text in both languages (Chinese, English).
    public var help: (zh: String, en: String)

    public init(_ keys: [Key], _ intent: Intent, _ zh: String, _ en: String) {
        self.keys = keys
        self.intent = intent
        help = (zh, en)
    }

    public static func == (lhs: KeyBinding, rhs: KeyBinding) -> Bool {
        lhs.keys == rhs.keys && lhs.intent == rhs.intent
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(intent)
    }

    /// The keys as printed in the help: "j Down", "Enter", "Space" (ASCII names: arrows
    /// are ambiguous-width characters and would misalign the help in some CJK terminals).
    public var keyLabel: String { keys.map(KeyBinding.label).joined(separator: " ") }

    /// A key's printed name.
    public static func label(_ key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "^" + String(c).uppercased()
        case .alt(let c): "M-" + String(c)
        case .resize: "resize"
        case .unknown(let n): "#\(n)"
        }
    }
}

/// The binding tables, one per screen plus the global one.
public enum KeyBindings {
    /// Keys that work on every screen (unless a form or prompt has the keyboard).
    public static let global: [KeyBinding] = [
        KeyBinding([.char("?"), .function(1)], .help, "帮助（本画面的全部按键）", "help (every key of this screen)"),
        KeyBinding([.char(":")], .commandLine, "命令行", "command line"),
        KeyBinding([.char("1")], .show(.queue), "事件队列", "queue"),
        KeyBinding([.char("2")], .show(.map), "网格图", "grid map"),
        KeyBinding([.char("3")], .show(.board), "升级看板", "escalation board"),
        KeyBinding([.char("4")], .show(.overdue), "超期督办", "overdue"),
        KeyBinding([.char("5")], .show(.stats), "考核统计", "assessment figures"),
        KeyBinding([.char("r"), .function(5)], .refresh, "刷新", "refresh"),
        KeyBinding([.ctrl("l")], .redraw, "重绘屏幕", "redraw the screen"),
        KeyBinding([.char("q"), .escape], .back, "返回（在队列中：退出）", "back (quit from the queue)"),
        KeyBinding([.ctrl("c")], .quit, "退出", "quit"),
        KeyBinding([.ctrl("z")], .suspend, "挂起到后台（fg 回来）", "suspend (fg returns)"),
    ]

    static let movement: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .down, "下移", "down"),
        KeyBinding([.char("k"), .up], .up, "上移", "up"),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, "下一页", "page down"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, "上一页", "page up"),
        KeyBinding([.char("g"), .home], .top, "到顶", "top"),
        KeyBinding([.char("G"), .end], .bottom, "到底", "bottom"),
    ]

    /// The queue.
    public static let queue: [KeyBinding] = movement + [
        KeyBinding([.enter], .open, "打开案件", "open the case"),
        KeyBinding([.char("/")], .filter, "筛选：文字，g:网格，c:分类", "filter: text, g:grid, c:category"),
        KeyBinding([.char("x")], .clearFilter, "清除全部筛选", "clear every filter"),
        KeyBinding([.char("m")], .quickMine, "只看我的", "only mine"),
        KeyBinding([.char("o")], .quickOverdue, "只看超期", "only overdue"),
        KeyBinding([.char("n")], .quickNew, "只看待受理（新上报）", "only new reports"),
        KeyBinding([.char("l")], .cycleLevel, "按层级轮换：全部、网格、社区、街道、部门", "by level: all, grid, community, street, dept"),
        KeyBinding([.char("a")], .toggleOpenOnly, "未办结 / 全部状态", "open only / all states"),
        KeyBinding([.char("s")], .cycleSort, "排序轮换：截止、最新、最早、编号", "sort: due, newest, oldest, code"),
        KeyBinding([.char(" ")], .toggleTag, "选择 / 取消选择", "tag / untag"),
        KeyBinding([.char("*")], .tagAll, "选择本页全部 / 全部取消", "tag the page / untag all"),
        KeyBinding([.char("d")], .act(.dispatch), "派遣（有选中时批量派遣）", "dispatch (the tagged ones when any)"),
        KeyBinding([.char("D")], .bulkDispatch, "批量派遣选中的案件", "dispatch the tagged cases"),
    ]

    /// The case screen's own keys; action keys come from `actionKeys`.
    public static let detail: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .down, "时间线下翻", "scroll down"),
        KeyBinding([.char("k"), .up], .up, "时间线上翻", "scroll up"),
        KeyBinding([.pageDown], .pageDown, "下一页", "page down"),
        KeyBinding([.pageUp], .pageUp, "上一页", "page up"),
    ]

    /// The key of each case action, in the order the case screen lists them.
    public static let actionKeys: [(Action, Key)] = [
        (.accept, .char("A")), (.decline, .char("x")), (.dispatch, .char("d")), (.handlerAccept, .char("t")),
        (.sendBack, .char("b")), (.feedback, .char("f")), (.verify, .char("v")), (.evaluate, .char("e")),
        (.close, .char("c")), (.archive, .char("Z")), (.requestExtension, .char("E")),
        (.decideExtension, .char("X")), (.suspend, .char("p")), (.resume, .char("R")), (.supervise, .char("S")),
        (.summon, .char("w")), (.reportIn, .char("i")), (.linkDuplicate, .char("L")), (.reopen, .char("O")),
        (.escalate, .char("u")), (.comment, .char("n")),
    ]

    /// The grid map.
    public static let map: [KeyBinding] = [
        KeyBinding([.char("h"), .left], .left, "左", "left"),
        KeyBinding([.char("l"), .right], .right, "右", "right"),
        KeyBinding([.char("k"), .up], .up, "上", "up"),
        KeyBinding([.char("j"), .down], .down, "下", "down"),
        KeyBinding([.enter], .open, "进入社区 / 打开该网格的队列", "drill in / open the grid's queue"),
        KeyBinding([.backspace], .back, "返回上一级", "up one level"),
    ]

    /// The escalation board.
    public static let board: [KeyBinding] = [
        KeyBinding([.char("h"), .left], .left, "左一列", "column left"),
        KeyBinding([.char("l"), .right], .right, "右一列", "column right"),
        KeyBinding([.char("k"), .up], .up, "上一张", "card up"),
        KeyBinding([.char("j"), .down], .down, "下一张", "card down"),
        KeyBinding([.enter], .open, "打开案件", "open the case"),
        KeyBinding([.char("u")], .act(.escalate), "升级到上一层级", "escalate one level"),
        KeyBinding([.char("S")], .act(.supervise), "督办", "supervise"),
    ]

    /// The overdue screen.
    public static let overdue: [KeyBinding] = movement + [
        KeyBinding([.enter], .open, "打开案件", "open the case"),
        KeyBinding([.char("S")], .act(.supervise), "督办", "supervise"),
        KeyBinding([.char("X")], .act(.decideExtension), "审批延期申请", "decide the extension"),
        KeyBinding([.char("c")], .act(.close), "结案", "close"),
    ]

    /// The 考核 screen.
    public static let stats: [KeyBinding] = movement + [
        KeyBinding([.char("h"), .left], .left, "上一项指标", "previous figure"),
        KeyBinding([.char("l"), .right], .right, "下一项指标", "next figure"),
        KeyBinding([.enter], .open, "下钻：街道→社区→网格；在网格（网格员、部门）上打开该指标计入的案件",
                   "drill: street, community, grid; on a grid (worker, department) the cases the figure counts"),
        KeyBinding([.char("!")], .stats(.openFailing), "打开拉低该指标的案件（超期、未结案、返工……）", "the cases pulling the figure down"),
        KeyBinding([.char("s")], .stats(.sort), "按所选指标排序（再按反向，第三次恢复）", "sort by the figure (again: reverse, third: off)"),
        KeyBinding([.char("[")], .stats(.previousMonth), "上一个月", "previous month"),
        KeyBinding([.char("]")], .stats(.nextMonth), "下一个月", "next month"),
        KeyBinding([.char("b")], .stats(.cycleGroups), "分组轮换：地区、网格员、部门", "group by: places, workers, departments"),
        KeyBinding([.backspace], .back, "返回上一级", "up one level"),
    ]

    /// The table of `screen`, without the global keys.
    public static func table(for screen: ScreenID) -> [KeyBinding] {
        switch screen {
        case .queue: queue
        case .detail: detail
        case .map: map
        case .board: board
        case .overdue: overdue
        case .stats: stats
        case .help: []
        }
    }

    /// What `key` does on `screen`: the screen's table first, then the global one.
    public static func intent(for key: Key, on screen: ScreenID) -> Intent? {
        for binding in table(for: screen) where binding.keys.contains(key) { return binding.intent }
        if screen == .detail, let action = actionKeys.first(where: { $0.1 == key })?.0 { return .act(action) }
        for binding in global where binding.keys.contains(key) { return binding.intent }
        return nil
    }
}
