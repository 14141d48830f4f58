/// Deadlines of cases: a limit on a clock, lengthened by extensions (延期) and paused
/// by suspensions (挂账).
extension WorkCalendar {
    /// The clock-seconds a case may use: `limitSeconds(limit) × (1 + extensions)`, each
    /// extension granting the limit once more. Negative amounts and extension counts
    /// count as zero (a deadline before the case started means nothing).
    public func totalSeconds(_ limit: TimeLimit, extensions: Int = 0) -> Int64 {
        let base = Swift.max(0, limitSeconds(limit))
        return CalendarMath.multiply(base, CalendarMath.add(1, Int64(Swift.max(0, extensions))))
    }

    /// When the case's time runs out: the earliest instant at which the clock, started
    /// at `start` and stopped inside every suspension, has run the total.
    ///
    /// Suspensions may be unsorted, overlap, or begin before `start`; only their parts
    /// after `start` matter. Returns nil when an open suspension (no end) begins before
    /// the total is used up: the deadline is unknown until the suspension ends. An open
    /// suspension that begins after the time is already used up does not matter. Also
    /// nil when the calendar can never supply the time (only an invalid calendar).
    public func deadline(start: Instant, limit: TimeLimit, extensions: Int = 0,
                         suspensions: [TimeSpan] = []) -> Instant? {
        var rest = totalSeconds(limit, extensions: extensions)
        var cursor = start
        for span in Self.merged(suspensions, after: start) {
            let available = measure(from: cursor, to: span.start, clock: limit.clock)
            if rest <= available { return reach(from: cursor, by: rest, clock: limit.clock) }
            rest -= available
            guard let end = span.end else { return nil }
            cursor = end
        }
        return reach(from: cursor, by: rest, clock: limit.clock)
    }

    /// The clock-seconds a case started at `start` has used by `at`, not counting time
    /// inside suspensions (an open suspension counts as running until `at`). Zero when
    /// `at` is not after `start`.
    public func used(start: Instant, at: Instant, clock: ClockKind, suspensions: [TimeSpan]) -> Int64 {
        guard at > start else { return 0 }
        var total = measure(from: start, to: at, clock: clock)
        for span in Self.merged(suspensions, after: start) {
            if span.start >= at { break }
            let end = Swift.min(span.end ?? at, at)
            total -= measure(from: span.start, to: end, clock: clock)
        }
        return total
    }

    /// The clock-seconds left at `at`: `totalSeconds − used`. It does not change while
    /// the case is suspended or outside working time, reaches 0 at the deadline, and is
    /// negative once the case is overdue (by the working time it is over).
    public func remaining(start: Instant, limit: TimeLimit, extensions: Int = 0,
                          suspensions: [TimeSpan] = [], at: Instant) -> Int64 {
        CalendarMath.subtract(totalSeconds(limit, extensions: extensions),
                              used(start: start, at: at, clock: limit.clock, suspensions: suspensions))
    }

    /// Suspensions clipped to begin no earlier than `start`, with empty and reversed
    /// spans dropped, sorted and merged where they overlap or touch. An open span
    /// swallows every span after it.
    static func merged(_ spans: [TimeSpan], after start: Instant) -> [TimeSpan] {
        var clipped: [TimeSpan] = []
        clipped.reserveCapacity(spans.count)
        for span in spans {
            let begin = Swift.max(span.start, start)
            if let end = span.end, end <= begin { continue }
            clipped.append(TimeSpan(start: begin, end: span.end))
        }
        if clipped.count < 2 { return clipped }
        clipped.sort { $0.start < $1.start }
        var result: [TimeSpan] = []
        result.reserveCapacity(clipped.count)
        for span in clipped {
            guard let last = result.last else {
                result.append(span)
                continue
            }
            guard let lastEnd = last.end else { break }
            if span.start <= lastEnd {
                result[result.count - 1].end = span.end.map { Swift.max($0, lastEnd) }
            } else {
                result.append(span)
            }
        }
        return result
    }
}
