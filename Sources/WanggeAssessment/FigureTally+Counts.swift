import WanggeCore

/// The tally's counts as one list of integers, so that sums of settled cases can be
/// stored (the assessment roll-up) and taken away again when a case changes.
extension FigureTally {
    /// Every count except `closeSeconds` and `residents`, in a fixed order. The order is
    /// stored: append new counts at the end, never reorder.
    public var counts: [Int] {
        [
            reported, filed, closed, closedOnTime, openLate, closedAtGridLevel, complaints, dispatchInTime, dispatchLate,
            hotlineAnsweredInTime, hotlineAnsweredLate, hotlineFiled, hotlineResolved,
            handledOnTime, handledLate, dispatches, sendBacks, checksPassed, checksFailed, fedBack, reworked, evaluations, satisfied,
            routineEntries, routineFindings, routineCases,
        ]
    }

    /// How many counts `counts` has.
    public static let countsLength = 26

    /// A tally with the given counts (missing trailing counts are zero: a list stored by
    /// an older version) and no close times.
    public init(counts c: [Int]) {
        self.init()
        func at(_ i: Int) -> Int { i < c.count ? c[i] : 0 }
        reported = at(0); filed = at(1); closed = at(2); closedOnTime = at(3); openLate = at(4); closedAtGridLevel = at(5)
        complaints = at(6); dispatchInTime = at(7); dispatchLate = at(8)
        hotlineAnsweredInTime = at(9); hotlineAnsweredLate = at(10); hotlineFiled = at(11); hotlineResolved = at(12)
        handledOnTime = at(13); handledLate = at(14); dispatches = at(15); sendBacks = at(16); checksPassed = at(17)
        checksFailed = at(18); fedBack = at(19); reworked = at(20); evaluations = at(21); satisfied = at(22)
        routineEntries = at(23); routineFindings = at(24); routineCases = at(25)
    }

    /// The counts of `f` alone when they no longer depend on the moment of judgement (no
    /// round running: closed, declined, merged...), else nil. `closeSeconds` stays
    /// empty: the roll-up keeps the report and close instants and measures them with the
    /// calendar of the moment it is read.
    public static func settled(_ f: CaseFacts) -> FigureTally? {
        guard f.open == nil else { return nil }
        var t = FigureTally()
        // No running round, so the instant of judgement plays no part.
        let never = Instant(secondsSinceEpoch: .min)
        t.addCase(f, judgedAt: never, closeSeconds: nil)
        for h in f.handlers { t.addHandler(h, of: f, judgedAt: never) }
        return t
    }
}
