/// The rows each screen gives its list, shared by `update` (to page and scroll) and
/// `render` (to draw), so the two always agree on what is on screen.
public enum ConsoleLayout {
    /// Queue: title, filter line, column header, list, preview line, status bar.
    public static func queueRows(_ size: TerminalSize) -> Int { max(1, size.height - 5) }
    /// Overdue: title, summary, list, preview line, status bar.
    public static func overdueRows(_ size: TerminalSize) -> Int { max(1, size.height - 4) }
    /// 考核: title bar, title, column header, list, total, two lines of formula, keys, status bar.
    public static func statsRows(_ size: TerminalSize) -> Int { max(1, size.height - 8) }
    /// Board: each card takes this many rows.
    public static let cardHeight = 4
    /// Board: cards that fit a column under its header.
    public static func boardCards(_ size: TerminalSize) -> Int { max(1, (size.height - 4) / cardHeight) }
    /// Case screen: timeline lines under the fields and above the action list.
    public static func timelineRows(_ size: TerminalSize, fieldLines: Int, actionLines: Int) -> Int {
        max(1, size.height - 2 - fieldLines - actionLines - 1)
    }
}
