import WanggeCore

/// The case screen: the case as last loaded, its timeline and what may be done to it.
public struct DetailState: Hashable, Sendable {
    public var code: String
    public var state: CaseState?
    public var events: [CaseEvent] = []
    public var duplicates: [String] = []
    /// First timeline line on screen.
    public var scroll = 0
    /// The actions the operator's role allows on the case now.
    public var actions: [Action] = []

    public init(code: String) { self.code = code }
}

/// Open and overdue cases of one grid, for the map.
public struct GridLoad: Hashable, Sendable {
    public var open: Int
    public var overdue: Int

    public init(open: Int = 0, overdue: Int = 0) {
        self.open = open
        self.overdue = overdue
    }

    static func + (lhs: GridLoad, rhs: GridLoad) -> GridLoad {
        GridLoad(open: lhs.open + rhs.open, overdue: lhs.overdue + rhs.overdue)
    }
}

/// Where the map is: the county (streets as tiles), a street (communities) or a
/// community (grids).
public enum MapPlace: Hashable, Sendable {
    case county
    case street(String)
    case community(String)
}

/// The map screen.
public struct MapState: Hashable, Sendable {
    public var place: MapPlace = .county
    /// The selected tile.
    public var cursor = 0
    /// Where each level above was left, to come back to the same tile.
    public var trail: [(place: MapPlace, cursor: Int)] = []
    public var loads: [String: GridLoad] = [:]
    public var loaded = false

    public init() {}

    public static func == (lhs: MapState, rhs: MapState) -> Bool {
        lhs.place == rhs.place && lhs.cursor == rhs.cursor && lhs.loads == rhs.loads && lhs.loaded == rhs.loaded
            && lhs.trail.map(\.place) == rhs.trail.map(\.place) && lhs.trail.map(\.cursor) == rhs.trail.map(\.cursor)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(place)
        hasher.combine(cursor)
    }
}

/// The escalation board: open cases by level, most urgent first.
public struct BoardState: Hashable, Sendable {
    public var columns: [Level: [CaseState]] = [:]
    public var counts: [Level: Int] = [:]
    /// The selected column (0 grid … 3 department) and card in each column.
    public var column = 0
    public var cards: [Level: Int] = [:]
    public var loaded = false

    public init() {}

    /// The selected card.
    public var selected: CaseState? {
        let level = Level.allCases[column]
        let list = columns[level] ?? []
        let index = cards[level] ?? 0
        return list.indices.contains(index) ? list[index] : nil
    }
}

/// The overdue screen: overdue and nearly due cases grouped by handler.
public struct OverdueState: Hashable, Sendable {
    public var rows: [CaseState] = []
    /// All overdue cases in scope (the list shows only the most urgent).
    public var overdueTotal: Int?
    /// Selected case (index into `ordered`) and first line on screen.
    public var cursor = 0
    public var scrollTop = 0
    public var loaded = false

    public init() {}
}

/// The `:` prompt.
public struct CommandLineState: Hashable, Sendable {
    public var editor = LineEditor()
    /// Candidates for the word being typed, after Tab.
    public var completions: [String] = []
    public var completionIndex = 0

    public init() {}
}

/// A line for the status bar.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// The whole console as a value: everything `render` draws and `update` changes.
public struct ConsoleState: Sendable {
    public var context: ConsoleContext
    public var screen: ScreenID = .queue
    /// Screens to go back to with q / Esc.
    public var history: [ScreenID] = []
    public var queue = QueueState()
    public var detail: DetailState?
    public var map = MapState()
    public var board = BoardState()
    public var overdue = OverdueState()
    public var stats: StatsState
    /// The action form, when one is open (over the current screen).
    public var form: ActionForm?
    public var commandLine: CommandLineState?
    /// The screen whose help is open, when it is.
    public var helpFor: ScreenID?
    /// How far the help is scrolled, in lines.
    public var helpScroll = 0
    public var status: StatusMessage?
    /// What the start-up integrity check found, shown on the status bar whenever no
    /// newer message covers it, for as long as the console runs.
    public var integrityWarning: String?
    public var size: TerminalSize
    public var now: Instant
    public var themeName: String
    /// Cases that arrived while the console was open and have not been opened yet.
    public var newCaseIDs: Set<Int64> = []
    /// The newest case id known; anything above it that appears is new.
    public var newestSeenID: Int64?
    public var quitting = false
    /// What the console's own engine is doing, for the title bar (nil: it runs none).
    public var engine: EngineIndicator?

    public init(context: ConsoleContext, size: TerminalSize, now: Instant, themeName: String = "dark") {
        self.context = context
        self.size = size
        self.now = now
        self.themeName = themeName
        map.place = context.organisation.streets.count == 1 ? .street(context.organisation.streets[0].code) : .county
        stats = StatsState(level: StatsUpdate.initialLevel(context.organisation))
    }
}

/// The console's own escalation engine as the title bar shows it.
public enum EngineIndicator: Hashable, Sendable {
    /// This console holds the lease and escalates.
    case acting
    /// Another console or an engine process holds the lease.
    case standby(holder: String)
    /// The last tick failed; the message is on the status line.
    case failing
}
