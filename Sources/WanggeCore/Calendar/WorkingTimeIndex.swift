/// What a `WorkCalendar`'s settings mean for counting, precomputed whenever they
/// change: the day's working spans in seconds, which weekdays work, and the sorted
/// dates whose status differs from their weekday's (holidays on weekdays, make-up
/// Saturdays and Sundays).
///
/// With it, counting the working days between two dates costs a weekday sum plus two
/// binary searches, so measuring a span of years is as cheap as a span of hours, and
/// finding the n-th working day is a binary search over such counts.
struct WorkingTimeIndex: Sendable {
    struct Span: Sendable {
        var start: Int64
        var end: Int64
    }

    /// Day numbers beyond this (about 290 billion years) would overflow seconds.
    static let dayLimit: Int64 = Int64.max / CalendarMath.secondsPerDay - 2

    /// The working spans of a working day, sorted, merged, within 0...86 400.
    private(set) var spans: [Span] = []
    /// The total length of `spans`.
    private(set) var secondsPerDay: Int64 = 0
    /// Bit i set when weekday i + 1 (1 = Monday) works unless a list says otherwise.
    private var weekdayMask: UInt8 = 0
    /// The number of bits in `weekdayMask`.
    private var workingWeekdaysPerWeek: Int64 = 0
    /// Sorted day numbers whose working status is the opposite of their weekday's.
    private var flippedDays: [Int64] = []
    /// `flippedGain[i]`: working days gained by the first i flipped days (+1 for a
    /// make-up day, -1 for a holiday on a working weekday).
    private var flippedGain: [Int64] = [0]

    init(periods: [WorkingPeriod], weekendDays: Set<Int>, holidays: Set<CivilDate>,
         makeUpWorkdays: Set<CivilDate>) {
        var raw = periods.map {
            Span(start: Swift.min(Swift.max($0.start.secondsFromMidnight, 0), CalendarMath.secondsPerDay),
                 end: Swift.min(Swift.max($0.end.secondsFromMidnight, 0), CalendarMath.secondsPerDay))
        }.filter { $0.start < $0.end }
        raw.sort { $0.start < $1.start }
        for span in raw {
            if let last = spans.last, span.start <= last.end {
                spans[spans.count - 1].end = Swift.max(last.end, span.end)
            } else {
                spans.append(span)
            }
        }
        secondsPerDay = spans.reduce(0) { $0 + $1.end - $1.start }

        for weekday in 1...7 where !weekendDays.contains(weekday) {
            weekdayMask |= 1 << UInt8(weekday - 1)
            workingWeekdaysPerWeek += 1
        }

        // A holiday wins over everything; otherwise a listed date is a make-up working
        // day, which wins over the weekend. Keyed by day number so that two spellings
        // of one day (a date mutated out of range) cannot count twice.
        var listed: [Int64: Bool] = [:]
        for date in makeUpWorkdays { listed[date.daysSinceEpoch] = true }
        for date in holidays { listed[date.daysSinceEpoch] = false }
        var flips: [(day: Int64, gain: Int64)] = []
        for (day, works) in listed where works != baseWorks(day) {
            flips.append((day, works ? 1 : -1))
        }
        flips.sort { $0.day < $1.day }
        flippedDays = flips.map(\.day)
        flippedGain.reserveCapacity(flips.count + 1)
        for flip in flips {
            flippedGain.append(flippedGain[flippedGain.count - 1] + flip.gain)
        }
    }

    // MARK: Days

    @inline(__always)
    private func baseWorks(_ day: Int64) -> Bool {
        weekdayMask & (1 << UInt8(CalendarMath.floorMod(day + 3, 7))) != 0
    }

    /// The index of the first flipped day `>= day`.
    @inline(__always)
    private func flipIndex(_ day: Int64) -> Int {
        var low = 0
        var high = flippedDays.count
        while low < high {
            let middle = (low + high) / 2
            if flippedDays[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether working periods count on this day.
    func isWorking(_ day: Int64) -> Bool {
        let index = flipIndex(day)
        let flipped = index < flippedDays.count && flippedDays[index] == day
        return baseWorks(day) != flipped
    }

    /// Whether some working time lies after `day` forever (a working weekday and a
    /// non-empty day), so a forward search always ends.
    var hasRecurringWorkingTime: Bool {
        workingWeekdaysPerWeek > 0 && secondsPerDay > 0
    }

    /// The number of working days in `[from, to)`; 0 when `to <= from`.
    func workingDays(from: Int64, to: Int64) -> Int64 {
        guard from < to else { return 0 }
        let count = CalendarMath.subtract(to, from)
        var total = CalendarMath.multiply(count / 7, workingWeekdaysPerWeek)
        var weekdayIndex = CalendarMath.floorMod(from + 3, 7)
        for _ in 0..<(count % 7) {
            if weekdayMask & (1 << UInt8(weekdayIndex)) != 0 { total += 1 }
            weekdayIndex = weekdayIndex == 6 ? 0 : weekdayIndex + 1
        }
        if !flippedDays.isEmpty {
            total += flippedGain[flipIndex(to)] - flippedGain[flipIndex(from)]
        }
        return total
    }

    /// The smallest day `D >= from` such that `[from, D]` holds `count` working days
    /// (count >= 1); nil if there is no such day.
    ///
    /// Gallops from a guess of whole weeks (doubling the reach while holidays eat into
    /// it), then binary-searches the last stretch: a few dozen comparisons for any
    /// count.
    func workingDay(number count: Int64, onOrAfter from: Int64) -> Int64? {
        guard count >= 1, from < Self.dayLimit else { return nil }
        var low = from
        var bound: Int64
        if workingWeekdaysPerWeek > 0 {
            var reach = CalendarMath.multiply(CalendarMath.add(count / workingWeekdaysPerWeek, 1), 7)
            while true {
                bound = Swift.min(CalendarMath.add(from, reach), Self.dayLimit)
                if workingDays(from: from, to: bound) >= count { break }
                if bound == Self.dayLimit { return nil }
                low = bound
                reach = CalendarMath.multiply(reach, 2)
            }
        } else {
            guard let last = flippedDays.last, last >= from else { return nil }
            bound = last + 1
            guard workingDays(from: from, to: bound) >= count else { return nil }
        }
        // The answer lies in [low, bound - 1].
        var high = bound - 1
        while low < high {
            let middle = low + (high - low) / 2
            if workingDays(from: from, to: middle + 1) >= count { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The largest day `D <= through` such that `[D, through]` holds `count` working
    /// days (count >= 1); nil if there is no such day. The mirror of the forward search.
    func workingDay(number count: Int64, onOrBefore through: Int64) -> Int64? {
        guard count >= 1, through > -Self.dayLimit else { return nil }
        let end = through + 1
        var high = through
        var bound: Int64
        if workingWeekdaysPerWeek > 0 {
            var reach = CalendarMath.multiply(CalendarMath.add(count / workingWeekdaysPerWeek, 1), 7)
            while true {
                bound = Swift.max(CalendarMath.subtract(end, reach), -Self.dayLimit)
                if workingDays(from: bound, to: end) >= count { break }
                if bound == -Self.dayLimit { return nil }
                high = bound - 1
                reach = CalendarMath.multiply(reach, 2)
            }
        } else {
            guard let first = flippedDays.first, first <= through else { return nil }
            bound = first
            guard workingDays(from: bound, to: end) >= count else { return nil }
        }
        // The answer lies in [bound, high].
        var low = bound
        while low < high {
            let middle = low + (high - low + 1) / 2
            if workingDays(from: middle, to: end) >= count { low = middle } else { high = middle - 1 }
        }
        return low
    }

    // MARK: Seconds within a day

    /// Working seconds in `[0, second)` of a working day.
    @inline(__always)
    func worked(before second: Int64) -> Int64 {
        var total: Int64 = 0
        for span in spans {
            if second <= span.start { break }
            total += Swift.min(second, span.end) - span.start
        }
        return total
    }

    /// The earliest second of day at which `worked(before:)` equals `target`
    /// (0 < target <= secondsPerDay): the end of the target-th working second.
    func earliestSecond(reaching target: Int64) -> Int64 {
        var before: Int64 = 0
        for span in spans {
            let length = span.end - span.start
            if target <= before + length { return span.start + (target - before) }
            before += length
        }
        return CalendarMath.secondsPerDay
    }

    /// The latest second of day at which `worked(before:)` equals `value`
    /// (0 <= value < secondsPerDay): the start of working second number value + 1.
    func latestSecond(at value: Int64) -> Int64 {
        var before: Int64 = 0
        for span in spans {
            let length = span.end - span.start
            if value < before + length { return span.start + (value - before) }
            before += length
        }
        return CalendarMath.secondsPerDay
    }
}
