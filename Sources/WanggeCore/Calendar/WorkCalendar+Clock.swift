/// Clock arithmetic: how much of a clock passes between two instants, and when a given
/// amount will have passed. Everything is in the clock's own seconds: real seconds for
/// urgent hours and calendar days, working seconds for working hours and working days.
extension WorkCalendar {
    /// A limit in its clock's seconds: hours × 3600 for urgent and working hours, days ×
    /// `workingSecondsPerDay` for working days (one working day is one day's office
    /// hours, so 1 working day from Monday 10:00 ends Tuesday 10:00), days × 86 400 for
    /// calendar days. Saturates instead of overflowing.
    public func limitSeconds(_ limit: TimeLimit) -> Int64 {
        let amount = Int64(limit.amount)
        switch limit.clock {
        case .urgentHours, .workingHours: return CalendarMath.multiply(amount, 3600)
        case .workingDays: return CalendarMath.multiply(amount, workingSecondsPerDay)
        case .calendarDays: return CalendarMath.multiply(amount, CalendarMath.secondsPerDay)
        }
    }

    /// The clock-seconds from `from` to `to`: plain seconds for urgent hours and calendar
    /// days; for working clocks only the seconds inside working periods of working days.
    /// Negative when `to` is before `from`. Costs O(log holidays) however far apart the
    /// instants are.
    public func measure(from: Instant, to: Instant, clock: ClockKind) -> Int64 {
        switch clock {
        case .urgentHours, .calendarDays:
            return CalendarMath.subtract(to.secondsSinceEpoch, from.secondsSinceEpoch)
        case .workingHours, .workingDays:
            return to < from ? -workingSeconds(from: to, to: from) : workingSeconds(from: from, to: to)
        }
    }

    /// Working seconds in `[from, to)`, `from <= to`.
    private func workingSeconds(from: Instant, to: Instant) -> Int64 {
        let (startDay, startSecond) = CalendarMath.split(from, utcOffsetSeconds: utcOffsetSeconds)
        let (endDay, endSecond) = CalendarMath.split(to, utcOffsetSeconds: utcOffsetSeconds)
        if startDay == endDay {
            guard index.isWorking(startDay) else { return 0 }
            return index.worked(before: endSecond) - index.worked(before: startSecond)
        }
        var total: Int64 = 0
        if index.isWorking(startDay) { total = index.secondsPerDay - index.worked(before: startSecond) }
        let wholeDays = index.workingDays(from: startDay + 1, to: endDay)
        total = CalendarMath.add(total, CalendarMath.multiply(wholeDays, index.secondsPerDay))
        if index.isWorking(endDay) { total = CalendarMath.add(total, index.worked(before: endSecond)) }
        return total
    }

    /// The instant at which `seconds` of the clock have passed since `from`.
    ///
    /// Forward (seconds > 0) it is the EARLIEST instant `t` with
    /// `measure(from, t) == seconds`: a limit ends the moment its last working second
    /// does, so 4 working hours from Friday 14:00 end Friday 18:00, not Monday 08:00,
    /// and a limit ending at 12:00 ends at 12:00, not 14:00. Backward (seconds < 0, for
    /// "2 working hours before the deadline") it is the LATEST such instant, the start
    /// of the earliest working second counted, so 1 working hour before Monday 09:00 is
    /// Monday 08:00. Zero returns `from`.
    ///
    /// When no such instant exists (only with a calendar that fails validation, e.g.
    /// no working weekday, or beyond hundreds of billions of years) the result saturates
    /// to `Int64.max` (forward) or `Int64.min` (backward) seconds.
    public func advance(from: Instant, by seconds: Int64, clock: ClockKind) -> Instant {
        reach(from: from, by: seconds, clock: clock)
            ?? Instant(secondsSinceEpoch: seconds > 0 ? .max : .min)
    }

    /// `advance`, with nil where no such instant exists.
    public func reach(from: Instant, by seconds: Int64, clock: ClockKind) -> Instant? {
        if seconds == 0 { return from }
        switch clock {
        case .urgentHours, .calendarDays:
            return Instant(secondsSinceEpoch: CalendarMath.add(from.secondsSinceEpoch, seconds))
        case .workingHours, .workingDays:
            if seconds > 0 { return workingForward(from: from, by: seconds) }
            return workingBackward(from: from, by: seconds == .min ? .max : -seconds)
        }
    }

    private func workingForward(from: Instant, by seconds: Int64) -> Instant? {
        let perDay = index.secondsPerDay
        guard perDay > 0 else { return nil }
        let (day, second) = CalendarMath.split(from, utcOffsetSeconds: utcOffsetSeconds)
        var rest = seconds
        if index.isWorking(day) {
            let done = index.worked(before: second)
            if rest <= perDay - done {
                return CalendarMath.join(day: day, second: index.earliestSecond(reaching: done + rest),
                                         utcOffsetSeconds: utcOffsetSeconds)
            }
            rest -= perDay - done
        }
        // `rest` > 0 remains from the start of the next day: `fullDays` whole working
        // days, then `lastPart` (1 ... perDay) seconds into the following one.
        let fullDays = (rest - 1) / perDay
        let lastPart = rest - fullDays * perDay
        guard let lastDay = index.workingDay(number: fullDays + 1, onOrAfter: day + 1) else { return nil }
        return CalendarMath.join(day: lastDay, second: index.earliestSecond(reaching: lastPart),
                                 utcOffsetSeconds: utcOffsetSeconds)
    }

    private func workingBackward(from: Instant, by seconds: Int64) -> Instant? {
        let perDay = index.secondsPerDay
        guard perDay > 0 else { return nil }
        let (day, second) = CalendarMath.split(from, utcOffsetSeconds: utcOffsetSeconds)
        var rest = seconds
        if index.isWorking(day) {
            let done = index.worked(before: second)
            if rest <= done {
                return CalendarMath.join(day: day, second: index.latestSecond(at: done - rest),
                                         utcOffsetSeconds: utcOffsetSeconds)
            }
            rest -= done
        }
        let fullDays = (rest - 1) / perDay
        let lastPart = rest - fullDays * perDay
        guard let firstDay = index.workingDay(number: fullDays + 1, onOrBefore: day - 1) else { return nil }
        return CalendarMath.join(day: firstDay, second: index.latestSecond(at: perDay - lastPart),
                                 utcOffsetSeconds: utcOffsetSeconds)
    }
}
