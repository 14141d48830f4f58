import WanggeCore

/// The queue screen: the filter, the loaded window of rows and the cursor.
///
/// Only a window around what is on screen is loaded (`rowsOffset ..< rowsOffset + rows`),
/// so a queue of a million cases costs the same as one of fifty. Moving inside the window
/// needs no query; moving out of it asks for the next window.
public struct QueueState: Hashable, Sendable {
    public var filter = QueueFilter()
    /// The loaded rows, starting at `rowsOffset` in the full ordered list.
    public var rows: [CaseState] = []
    public var rowsOffset = 0
    /// How many cases match; nil until counted.
    public var total: Int?
    /// The selected row (absolute index).
    public var cursor = 0
    /// The first row on screen (absolute index).
    public var scrollTop = 0
    /// Tagged cases by id, with the version seen when tagged.
    public var tagged: [Int64: ActionTarget] = [:]
    /// Bumped whenever the filter changes; a load for an older generation is dropped.
    public var generation = 0
    /// Whether a load is on its way (shown in the title).
    public var loading = false
    /// The `/` prompt while it is open.
    public var filterEditor: LineEditor?

    public init() {}

    /// The selected case, if loaded.
    public var selected: CaseState? { row(at: cursor) }

    /// The case at absolute index `index`, if loaded.
    public func row(at index: Int) -> CaseState? {
        let local = index - rowsOffset
        return rows.indices.contains(local) ? rows[local] : nil
    }

    /// The last index the cursor may reach.
    var lastIndex: Int {
        if let total { return max(0, total - 1) }
        return max(0, rowsOffset + rows.count - 1)
    }

    /// Moves the cursor by `delta` rows, keeping it visible in `visible` rows.
    mutating func move(by delta: Int, visible: Int) {
        cursor = min(max(0, cursor + delta), lastIndex)
        keepCursorVisible(visible: visible)
    }

    /// Scrolls so the cursor is on screen.
    mutating func keepCursorVisible(visible: Int) {
        let visible = max(1, visible)
        if cursor < scrollTop { scrollTop = cursor }
        if cursor >= scrollTop + visible { scrollTop = cursor - visible + 1 }
        scrollTop = max(0, min(scrollTop, max(0, lastIndex - visible + 1)))
    }

    /// Whether the rows on screen are not all loaded.
    func needsWindow(visible: Int) -> Bool {
        let end = min(scrollTop + visible, lastIndex + 1)
        let loadedEnd = rowsOffset + rows.count
        if scrollTop < rowsOffset { return true }
        if end > loadedEnd { return total.map { loadedEnd < $0 } ?? false }
        return false
    }

    /// The window to load for the current scroll position: a screen above and below.
    func window(visible: Int) -> (offset: Int, limit: Int) {
        (max(0, scrollTop - visible), visible * 3)
    }
}
