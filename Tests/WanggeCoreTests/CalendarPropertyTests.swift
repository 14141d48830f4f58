import Testing
@testable import WanggeCore

/// Properties over a seeded random sample: `advance` inverts `measure`, returns the
/// earliest (forward) or latest (backward) such instant, and `measure` agrees with a
/// slow day-by-day reference written independently here.
struct CalendarPropertyTests {
    /// SplitMix64: a fixed seed gives the same sample on every run and machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    static let calendars: [WorkCalendar] = {
        var holidays = WorkCalendar.standard
        // A dense, irregular list: the 1st-3rd of every month off, and the second
        // Saturday of every month worked, 2020-2031.
        for year in 2020...2031 {
            for month in 1...12 {
                for day in 1...3 { if let date = CivilDate(year: year, month: month, day: day) { holidays.holidays.insert(date) } }
                for day in 8...14 {
                    if let date = CivilDate(year: year, month: month, day: day), date.weekday == 6,
                       !holidays.holidays.contains(date) {
                        holidays.makeUpWorkdays.insert(date)
                    }
                }
            }
        }
        var odd = WorkCalendar.standard
        odd.zoneName = "Test/Odd"
        odd.utcOffsetSeconds = -(5 * 3600 + 30 * 60)
        odd.periods = ["00:00-01:30", "09:15-12:00", "13:00-17:45", "22:00-24:00"].compactMap(WorkingPeriod.init)
        odd.weekendDays = [3, 7]
        return [WorkCalendar.standard, holidays, odd]
    }()

    /// Working seconds in [from, to) by walking local days one at a time and
    /// intersecting with each period: deliberately the obvious algorithm.
    static func referenceMeasure(_ calendar: WorkCalendar, from: Instant, to: Instant) -> Int64 {
        let offset = Int64(calendar.utcOffsetSeconds)
        let fromLocal = from.secondsSinceEpoch + offset
        let toLocal = to.secondsSinceEpoch + offset
        var day = fromLocal >= 0 ? fromLocal / 86_400 : (fromLocal - 86_399) / 86_400
        var total: Int64 = 0
        while day * 86_400 < toLocal {
            if calendar.isWorkingDay(CivilDate(daysSinceEpoch: day)) {
                for period in calendar.periods {
                    let start = max(day * 86_400 + period.start.secondsFromMidnight, fromLocal)
                    let end = min(day * 86_400 + period.end.secondsFromMidnight, toLocal)
                    if end > start { total += end - start }
                }
            }
            day += 1
        }
        return total
    }

    @Test(arguments: 0..<3)
    func measureMatchesReference(_ which: Int) {
        let calendar = Self.calendars[which]
        var random = SeededGenerator(state: 20_261_122 + UInt64(which))
        let base: Int64 = 1_577_836_800  // 2020-01-01T00:00:00Z
        for _ in 0..<400 {
            let from = Instant(secondsSinceEpoch: base + Int64.random(in: 0..<(11 * 365 * 86_400), using: &random))
            // Mostly short spans, where the edge cases are; some up to four months.
            let length = Bool.random(using: &random)
                ? Int64.random(in: 0..<(3 * 86_400), using: &random)
                : Int64.random(in: 0..<(120 * 86_400), using: &random)
            let to = from + length
            let expected = Self.referenceMeasure(calendar, from: from, to: to)
            #expect(calendar.measure(from: from, to: to, clock: .workingHours) == expected, "\(from) \(to)")
            #expect(calendar.measure(from: to, to: from, clock: .workingDays) == -expected)
        }
    }

    @Test(arguments: 0..<3)
    func advanceInvertsMeasure(_ which: Int) {
        let calendar = Self.calendars[which]
        var random = SeededGenerator(state: 42 + UInt64(which))
        let base: Int64 = 1_577_836_800
        for _ in 0..<2000 {
            let from = Instant(secondsSinceEpoch: base + Int64.random(in: 0..<(11 * 365 * 86_400), using: &random))
            let seconds: Int64
            switch Int.random(in: 0..<4, using: &random) {
            case 0: seconds = Int64.random(in: 1...3600, using: &random)
            case 1: seconds = 3600 * Int64.random(in: 1...40, using: &random)
            case 2: seconds = calendar.workingSecondsPerDay * Int64.random(in: 1...10, using: &random)
            default: seconds = Int64.random(in: 1...(400 * 28_800), using: &random)
            }
            let forward = calendar.advance(from: from, by: seconds, clock: .workingHours)
            #expect(calendar.measure(from: from, to: forward, clock: .workingHours) == seconds)
            #expect(calendar.measure(from: from, to: forward - 1, clock: .workingHours) == seconds - 1)
            let backward = calendar.advance(from: from, by: -seconds, clock: .workingHours)
            #expect(calendar.measure(from: from, to: backward, clock: .workingHours) == -seconds)
            #expect(calendar.measure(from: from, to: backward + 1, clock: .workingHours) == -(seconds - 1))
            #expect(calendar.advance(from: from, by: seconds, clock: .urgentHours) == from + seconds)
        }
    }

    /// Deadlines with random suspensions: the deadline is where `used` first reaches
    /// the total, and `remaining` never rises as time passes.
    @Test func deadlineAgreesWithUsed() {
        let calendar = Self.calendars[1]
        var random = SeededGenerator(state: 7)
        let base: Int64 = 1_780_272_000  // 2026-06-01T00:00:00Z
        for _ in 0..<300 {
            let start = Instant(secondsSinceEpoch: base + Int64.random(in: 0..<(60 * 86_400), using: &random))
            let clock = ClockKind.allCases[Int.random(in: 0..<4, using: &random)]
            let limit = TimeLimit(amount: Int.random(in: 1...5, using: &random), clock: clock)
            let spans = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                let begin = start + Int64.random(in: -86_400..<(10 * 86_400), using: &random)
                return TimeSpan(start: begin, end: begin + Int64.random(in: -3600..<(3 * 86_400), using: &random))
            }
            let extensions = Int.random(in: 0...2, using: &random)
            guard let deadline = calendar.deadline(start: start, limit: limit, extensions: extensions, suspensions: spans) else {
                Issue.record("closed suspensions always give a deadline")
                continue
            }
            let total = calendar.totalSeconds(limit, extensions: extensions)
            #expect(calendar.used(start: start, at: deadline, clock: clock, suspensions: spans) == total)
            #expect(calendar.used(start: start, at: deadline - 1, clock: clock, suspensions: spans) < total)
            var previous = Int64.max
            for step in stride(from: Int64(0), through: deadline - start + 86_400, by: 5_399) {
                let left = calendar.remaining(start: start, limit: limit, extensions: extensions,
                                              suspensions: spans, at: start + step)
                #expect(left <= previous)
                previous = left
            }
        }
    }

    /// Many deadlines over long spans stay cheap: 20 000 deadlines of up to 10 years of
    /// working days with suspensions, in well under the time a day-by-day walk would take.
    /// 20,000 deadlines of up to 2,500 working days across suspensions: a hang guard, not
    /// a timing (a per-day walk would take minutes; the calendar's arithmetic takes
    /// seconds even on a busy machine). Speed itself is for benchmarks.
    @Test(.timeLimit(.minutes(2))) func manyLongDeadlinesFinish() {
        let calendar = Self.calendars[1]
        var random = SeededGenerator(state: 99)
        do {
            var sink: Int64 = 0
            for _ in 0..<20_000 {
                let start = Instant(secondsSinceEpoch: 1_577_836_800 + Int64.random(in: 0..<(86_400 * 365), using: &random))
                let limit = TimeLimit(amount: Int.random(in: 1...2500, using: &random), clock: .workingDays)
                let spans = [TimeSpan(start: start + 86_400, end: start + 40 * 86_400),
                             TimeSpan(start: start + 400 * 86_400, end: start + 500 * 86_400)]
                if let deadline = calendar.deadline(start: start, limit: limit, suspensions: spans) {
                    sink &+= deadline.secondsSinceEpoch
                }
                sink &+= calendar.remaining(start: start, limit: limit, suspensions: spans, at: start + 3_000 * 86_400)
            }
            #expect(sink != 0)
        }
    }
}
