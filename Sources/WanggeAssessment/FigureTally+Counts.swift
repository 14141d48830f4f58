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

    /// What `f` alone puts in the assessment roll-up, whenever it is judged. A case with
    /// no round running (closed, declined, merged...) counts the same at every instant.
    /// One with a round running counts `base` until the round is late and `base` plus
    /// `late.counts` from `late.from` on: the moment of judgement plays a part only
    /// through `OpenRound.isLate`, which once true stays true. Both parts are the very
    /// tallies `addCase` and `addHandler` make judged before and after that moment, so
    /// the roll-up cannot drift from them. `closeSeconds` stays empty: the roll-up keeps
    /// the report and close instants and measures them with the calendar in force when
    /// it is read.
    public static func contribution(_ f: CaseFacts) -> RollupContribution {
        let never = Instant(secondsSinceEpoch: .min)
        let base = judged(f, at: never)
        guard let open = f.open, open.due.secondsSinceEpoch < .max else { return RollupContribution(base: base, late: nil) }
        let always = Instant(secondsSinceEpoch: .max)
        let added = zip(judged(f, at: always).counts, base.counts).map { $0 - $1 }
        guard added.contains(where: { $0 != 0 }) else { return RollupContribution(base: base, late: nil) }
        // Late at t exactly when t > due and no suspension lasts past t.
        var from = open.due.secondsSinceEpoch + 1
        if let until = open.suspendedUntil { from = Swift.max(from, until.secondsSinceEpoch) }
        return RollupContribution(base: base, late: RollupContribution.Late(from: Instant(secondsSinceEpoch: from), counts: added))
    }

    /// The tally of `f` alone judged at `instant`, without its closing time.
    static func judged(_ f: CaseFacts, at instant: Instant) -> FigureTally {
        var t = FigureTally()
        t.addCase(f, judgedAt: instant, closeSeconds: nil)
        for h in f.handlers { t.addHandler(h, of: f, judgedAt: instant) }
        return t
    }
}

/// One case's share of the assessment roll-up (see `FigureTally.contribution`).
public struct RollupContribution: Sendable, Equatable {
    /// The counts that hold at every moment of judgement.
    public var base: FigureTally
    /// For a round running: from when it counts late, and the counts that adds.
    public var late: Late?

    public struct Late: Sendable, Equatable {
        public var from: Instant
        /// Indexed like `FigureTally.counts`.
        public var counts: [Int]
    }

    /// The counts of the case judged at `instant`.
    public func counts(judgedAt instant: Instant) -> [Int] {
        guard let late, instant >= late.from else { return base.counts }
        return zip(base.counts, late.counts).map { $0 + $1 }
    }
}
