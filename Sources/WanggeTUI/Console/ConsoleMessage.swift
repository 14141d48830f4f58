import WanggeApp
import WanggeAssessment
import WanggeCore
import WanggeStore

/// Everything that can happen to the console: keys, the clock, the store changing, and
/// the answers to the effects it asked for.
public enum ConsoleMessage: Sendable {
    case key(Key)
    case resized(TerminalSize)
    case tick(Instant)
    /// Some process committed to the store.
    case storeChanged
    case queueLoaded(generation: Int, offset: Int, rows: [CaseState])
    /// A count asked for with `.count` (run off the main loop: a count over a million
    /// cases must not hold up the frame).
    case counted(CountTag, Int)
    case detailLoaded(CaseDetail)
    case mapLoaded([String: GridLoad])
    case boardLoaded(columns: [Level: [CaseState]])
    case overdueLoaded(rows: [CaseState])
    case newestCases([CaseState])
    case executed([ActionResult])
    case themeChanged(name: String, warning: String?)
    case failed(String)
    /// The 考核 screen's figures (computed off the main loop).
    case statsLoaded(StatsRequest, AssessmentReport)
    /// The weekly tallies behind the 考核 screen's sparklines.
    case statsSeriesLoaded(StatsRequest, [String: [FigureTally]])
    /// The cases behind a figure, for the queue.
    case statsCasesLoaded(StatsDrill, [Int64])
    /// A line for the status bar: what was just recorded, or why it was refused.
    case noted(String, refused: Bool)
    /// The console's own engine ran a tick; what it wrote arrives as a store change.
    case engineTicked(EngineTickReport)
    /// The console's own engine could not tick (a broken rules file, a locked database).
    case engineFailed(String)
    /// The start-up integrity check (run off the main loop) is done: the first problem
    /// and how many more, or nil when clean.
    case integrityChecked(problem: String?, more: Int)
    /// A call is waiting for another process's write lock.
    case waitingForLock(BusyWait)
}

/// What a background count was for.
public enum CountTag: Hashable, Sendable {
    case queue(generation: Int)
    case board(Level)
    case overdue
}

/// A case with what its screen shows besides the state.
public struct CaseDetail: Hashable, Sendable {
    public var state: CaseState
    public var events: [CaseEvent]
    public var duplicates: [String]

    public init(state: CaseState, events: [CaseEvent], duplicates: [String]) {
        self.state = state
        self.events = events
        self.duplicates = duplicates
    }
}

/// One action to carry out: the command and the case version the operator saw.
public struct ActionRequest: Hashable, Sendable {
    public var code: String
    public var expectedVersion: Int?
    public var command: CaseCommand

    public init(code: String, expectedVersion: Int?, command: CaseCommand) {
        self.code = code
        self.expectedVersion = expectedVersion
        self.command = command
    }
}

/// How an action went.
public struct ActionResult: Sendable {
    public var request: ActionRequest
    /// The outcome line on success.
    public var outcome: String?
    /// The refusal when the core or the store said no.
    public var refusal: Refusal?

    public init(request: ActionRequest, outcome: String?, refusal: Refusal?) {
        self.request = request
        self.outcome = outcome
        self.refusal = refusal
    }
}

/// What `update` asks the runtime to do; the answers come back as messages.
public enum ConsoleEffect: Hashable, Sendable {
    case loadQueue(CaseQuery, generation: Int)
    /// Counts in the background; the answer comes back as `.counted(tag, n)`.
    case count(CaseQuery, CountTag)
    case loadDetail(code: String)
    case loadMap
    case loadBoard(perColumn: Int)
    case loadOverdue(limit: Int)
    case loadNewest
    /// Computes the 考核 screen's figures in the background.
    case loadStats(StatsRequest)
    case loadStatsCases(StatsDrill)
    /// Records a routine work entry (五查三问) / reports one of its findings as a case.
    case recordRoutine(RoutineEntry)
    case reportRoutineFinding(entry: Int64, finding: Int, category: String)
    case execute([ActionRequest])
    case setTheme(String)
    case redraw
    case suspend
    case quit
}
