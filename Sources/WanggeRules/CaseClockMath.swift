import WanggeCore

/// Clock questions the rules ask about a case's current stage, answered with the same
/// calendar arithmetic as its deadline: how much of a clock the stage has used (not
/// counting suspensions), and when it will have used a given amount.
struct CaseClockMath {
    let context: EvaluationContext
    let clock: CaseClock

    var calendar: WorkCalendar { context.calendar }

    /// The limit with extensions, in the stage clock's seconds.
    var total: Int64 { calendar.totalSeconds(clock.limit, extensions: clock.extensions) }

    /// Seconds of `kind` used by the stage at `now`, suspensions excluded.
    func used(on kind: ClockKind, at now: Instant) -> Int64 {
        calendar.used(start: clock.start, at: now, clock: kind, suspensions: clock.suspensions)
    }

    /// The earliest instant at which the stage has used `target` seconds of `kind`
    /// (suspensions excluded); nil when an open suspension stops it first.
    func instant(whenUsed target: Int64, on kind: ClockKind) -> Instant? {
        if target <= 0 { return clock.start }
        var rest = target
        var cursor = clock.start
        for span in Self.merged(clock.suspensions, after: clock.start) {
            let available = calendar.measure(from: cursor, to: span.start, clock: kind)
            if rest <= available { return calendar.reach(from: cursor, by: rest, clock: kind) }
            rest -= max(0, available)
            guard let end = span.end else { return nil }
            cursor = max(cursor, end)
        }
        return calendar.reach(from: cursor, by: rest, clock: kind)
    }

    /// Suspensions clipped to `start`, sorted, merged where they overlap.
    static func merged(_ spans: [TimeSpan], after start: Instant) -> [TimeSpan] {
        if spans.isEmpty { return [] }
        var clipped: [TimeSpan] = []
        for span in spans {
            let begin = max(span.start, start)
            if let end = span.end, end <= begin { continue }
            clipped.append(TimeSpan(start: begin, end: span.end))
        }
        clipped.sort { $0.start < $1.start }
        var result: [TimeSpan] = []
        for span in clipped {
            guard let last = result.last else { result.append(span); continue }
            guard let lastEnd = last.end else { break }
            if span.start <= lastEnd {
                result[result.count - 1].end = span.end.map { max($0, lastEnd) }
            } else {
                result.append(span)
            }
        }
        return result
    }
}

extension WorkCalendar {
    /// The earliest instant `t` with `measure(t, due, clock) <= seconds`: when "at most
    /// this much time left" on a named clock starts to hold. One working hour before a
    /// Monday 09:00 deadline starts on Friday at 18:00, when the last working second
    /// before it ends.
    func earliestWithin(_ seconds: Int64, before due: Instant, clock: ClockKind) -> Instant {
        if seconds <= 0 { return due }
        let latest = advance(from: due, by: -seconds, clock: clock)
        let previous = advance(from: latest, by: -1, clock: clock)
        return previous + 1
    }
}
