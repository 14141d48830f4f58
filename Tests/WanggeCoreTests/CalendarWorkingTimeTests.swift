import Testing
@testable import WanggeCore

/// Advancing and measuring the four clocks in Asia/Shanghai with the default periods
/// (08:00-12:00, 14:00-18:00). The week used is Monday 2026-11-16 … Sunday 2026-11-22;
/// every expected answer was worked out by hand from the periods.
struct CalendarWorkingTimeTests {
    static let calendar = WorkCalendar.standard

    /// One row: from `start`, a limit ends at `end`.
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let start: String
        let limit: TimeLimit
        let end: String
        var testDescription: String { name }

        init(_ name: String, _ start: String, _ amount: Int, _ clock: ClockKind, _ end: String) {
            self.name = name
            self.start = start
            self.limit = TimeLimit(amount: amount, clock: clock)
            self.end = end
        }
    }

    static let standardRows: [Row] = [
        Row("lunch break: Mon 11:00 + 2wh", "2026-11-16 11:00", 2, .workingHours, "2026-11-16 15:00"),
        Row("night: Mon 17:00 + 2wh", "2026-11-16 17:00", 2, .workingHours, "2026-11-17 09:00"),
        Row("weekend: Fri 17:00 + 4wh", "2026-11-20 17:00", 4, .workingHours, "2026-11-23 11:00"),
        Row("ends at Fri 18:00, not Mon 08:00", "2026-11-20 14:00", 4, .workingHours, "2026-11-20 18:00"),
        Row("exact boundary: ends 12:00 not 14:00", "2026-11-16 10:00", 2, .workingHours, "2026-11-16 12:00"),
        Row("start Sat 09:00 + 1wh", "2026-11-21 09:00", 1, .workingHours, "2026-11-23 09:00"),
        Row("start Sun 23:00 + 1wh", "2026-11-22 23:00", 1, .workingHours, "2026-11-23 09:00"),
        Row("start in lunch Mon 12:30 + 1wh", "2026-11-16 12:30", 1, .workingHours, "2026-11-16 15:00"),
        Row("start before work Mon 07:00 + 8wh", "2026-11-16 07:00", 8, .workingHours, "2026-11-16 18:00"),
        Row("start at close Mon 18:00 + 1wh", "2026-11-16 18:00", 1, .workingHours, "2026-11-17 09:00"),
        Row("seconds carry: Mon 11:59:30 + 1wh", "2026-11-16 11:59:30", 1, .workingHours, "2026-11-16 14:59:30"),
        Row("Mon 09:00 + 40wh is Fri 17:00 + 1h", "2026-11-16 09:00", 40, .workingHours, "2026-11-23 09:00"),
        Row("Mon 10:00 + 1 working day", "2026-11-16 10:00", 1, .workingDays, "2026-11-17 10:00"),
        Row("Fri 10:00 + 3 working days", "2026-11-20 10:00", 3, .workingDays, "2026-11-25 10:00"),
        Row("Mon 08:00 + 1wd ends the same evening", "2026-11-16 08:00", 1, .workingDays, "2026-11-16 18:00"),
        Row("Mon 00:00 + 5wd", "2026-11-16 00:00", 5, .workingDays, "2026-11-20 18:00"),
        Row("Sat 15:00 + 2wd", "2026-11-21 15:00", 2, .workingDays, "2026-11-24 18:00"),
        Row("urgent through the night", "2026-11-16 17:00", 2, .urgentHours, "2026-11-16 19:00"),
        Row("urgent through the weekend", "2026-11-21 23:00", 26, .urgentHours, "2026-11-23 01:00"),
        Row("calendar day over Saturday", "2026-11-20 17:00", 1, .calendarDays, "2026-11-21 17:00"),
        Row("3 calendar days", "2026-11-16 10:00", 3, .calendarDays, "2026-11-19 10:00"),
        Row("zero limit is the start itself", "2026-11-21 09:00", 0, .workingHours, "2026-11-21 09:00"),
    ]

    /// 2026 National Day (国庆): 1-7 October off (Thursday to Wednesday), with make-up
    /// working days on Sunday 27 September and Saturday 10 October; also an extra
    /// holiday on Monday 23 November and a make-up Saturday 21 November for the week
    /// used elsewhere.
    static let holidayCalendar: WorkCalendar = {
        var calendar = WorkCalendar.standard
        calendar.holidays = Set((1...7).compactMap { CivilDate(year: 2026, month: 10, day: $0) })
            .union([CivilDate(year: 2026, month: 11, day: 23)].compactMap { $0 })
        calendar.makeUpWorkdays = Set(["2026-09-27", "2026-10-10", "2026-11-21"].compactMap(CivilDate.init))
        return calendar
    }()

    static let holidayRows: [Row] = [
        Row("holiday Monday skipped (make-up Sat counts)", "2026-11-20 17:00", 4, .workingHours, "2026-11-21 11:00"),
        Row("holiday Monday skipped", "2026-11-21 17:00", 2, .workingHours, "2026-11-24 09:00"),
        Row("National Day skipped", "2026-09-30 17:00", 2, .workingHours, "2026-10-08 09:00"),
        Row("make-up Saturday 10 Oct counts", "2026-10-09 17:00", 2, .workingHours, "2026-10-10 09:00"),
        Row("make-up Sunday 27 Sep counts", "2026-09-25 10:00", 1, .workingDays, "2026-09-27 10:00"),
        Row("working days over National Day", "2026-09-30 10:00", 2, .workingDays, "2026-10-09 10:00"),
        Row("urgent hours ignore holidays", "2026-09-30 17:00", 24, .urgentHours, "2026-10-01 17:00"),
        Row("calendar days ignore holidays", "2026-09-30 17:00", 7, .calendarDays, "2026-10-07 17:00"),
    ]

    static func instant(_ text: String, in calendar: WorkCalendar = calendar) throws -> Instant {
        try #require(calendar.parseLocal(text), "fixture \(text)")
    }

    func check(_ row: Row, in calendar: WorkCalendar) throws {
        let start = try Self.instant(row.start, in: calendar)
        let end = try Self.instant(row.end, in: calendar)
        let seconds = calendar.limitSeconds(row.limit)
        let deadline = try #require(calendar.deadline(start: start, limit: row.limit))
        #expect(calendar.civil(deadline).description == calendar.civil(end).description)
        #expect(calendar.advance(from: start, by: seconds, clock: row.limit.clock) == end)
        #expect(calendar.measure(from: start, to: end, clock: row.limit.clock) == seconds)
        #expect(calendar.measure(from: end, to: start, clock: row.limit.clock) == -seconds)
        #expect(calendar.remaining(start: start, limit: row.limit, at: end) == 0)
        if seconds > 0 {
            // The earliest such instant: a second earlier the limit has not run out.
            #expect(calendar.measure(from: start, to: end - 1, clock: row.limit.clock) == seconds - 1)
        }
    }

    @Test(arguments: standardRows)
    func standardCalendar(_ row: Row) throws {
        try check(row, in: Self.calendar)
    }

    @Test(arguments: holidayRows)
    func holidayCalendar(_ row: Row) throws {
        try check(row, in: Self.holidayCalendar)
    }

    @Test func workingDayRules() throws {
        let calendar = Self.holidayCalendar
        func works(_ text: String) throws -> Bool { calendar.isWorkingDay(try #require(CivilDate(text))) }
        #expect(try works("2026-11-20"))   // Friday
        #expect(try !works("2026-11-22"))  // Sunday
        #expect(try works("2026-11-21"))   // make-up Saturday wins over the weekend
        #expect(try !works("2026-11-23"))  // holiday Monday wins over the weekday
        #expect(try !works("2026-10-03"))  // holiday on a Saturday: still off
        #expect(try works("2026-09-27"))   // make-up Sunday
        #expect(Self.calendar.isWorkingDay(try #require(CivilDate("2026-11-21"))) == false)

        // Mutating the lists takes effect at once.
        var changing = Self.calendar
        let friday = try #require(CivilDate("2026-11-20"))
        changing.holidays.insert(friday)
        #expect(!changing.isWorkingDay(friday))
        changing.holidays.remove(friday)
        #expect(changing.isWorkingDay(friday))
        changing.weekendDays = [5, 6, 7]
        #expect(!changing.isWorkingDay(friday))
    }

    @Test func measureAcrossAWeek() throws {
        let calendar = Self.calendar
        let monday = try Self.instant("2026-11-16 00:00")
        let nextMonday = try Self.instant("2026-11-23 00:00")
        #expect(calendar.measure(from: monday, to: nextMonday, clock: .workingHours) == 40 * 3600)
        #expect(calendar.measure(from: monday, to: nextMonday, clock: .workingDays) == 40 * 3600)
        #expect(calendar.measure(from: monday, to: nextMonday, clock: .urgentHours) == 7 * 86_400)
        #expect(calendar.measure(from: monday, to: nextMonday, clock: .calendarDays) == 7 * 86_400)
        let saturday = try Self.instant("2026-11-21 10:00")
        let sunday = try Self.instant("2026-11-22 16:00")
        #expect(calendar.measure(from: saturday, to: sunday, clock: .workingHours) == 0)
        let lunch = try Self.instant("2026-11-16 12:10")
        let lunchEnd = try Self.instant("2026-11-16 13:50")
        #expect(calendar.measure(from: lunch, to: lunchEnd, clock: .workingHours) == 0)
        #expect(calendar.measure(from: lunch, to: lunch, clock: .workingHours) == 0)
    }

    @Test func limitSeconds() {
        let calendar = Self.calendar
        #expect(calendar.limitSeconds(TimeLimit(amount: 2, clock: .urgentHours)) == 7200)
        #expect(calendar.limitSeconds(TimeLimit(amount: 4, clock: .workingHours)) == 14_400)
        #expect(calendar.limitSeconds(TimeLimit(amount: 3, clock: .workingDays)) == 86_400)
        #expect(calendar.limitSeconds(TimeLimit(amount: 2, clock: .calendarDays)) == 172_800)
        #expect(calendar.limitSeconds(TimeLimit(amount: .max, clock: .calendarDays)) == .max)
    }

    /// Backward: the start of the earliest working second counted, for warnings such
    /// as "2 working hours before the deadline".
    @Test func advanceBackward() throws {
        let calendar = Self.calendar
        let rows: [(String, Int64, String)] = [
            ("2026-11-23 09:00", 3600, "2026-11-23 08:00"),
            ("2026-11-23 09:00", 2 * 3600, "2026-11-20 17:00"),
            ("2026-11-16 15:00", 2 * 3600, "2026-11-16 11:00"),
            ("2026-11-16 14:00", 3600, "2026-11-16 11:00"),
            ("2026-11-16 12:30", 4 * 3600, "2026-11-16 08:00"),
            ("2026-11-22 12:00", 8 * 3600, "2026-11-20 08:00"),
            ("2026-11-25 10:00", 24 * 3600, "2026-11-20 10:00"),
        ]
        for (from, seconds, expected) in rows {
            let start = try Self.instant(from)
            let back = calendar.advance(from: start, by: -seconds, clock: .workingHours)
            #expect(calendar.civil(back).formatted() == expected, "\(from) - \(seconds)s")
            #expect(calendar.measure(from: back, to: start, clock: .workingHours) == seconds)
        }
    }

    /// Long spans cost a few binary searches, not a walk: a century, counted in one call,
    /// matches the weekday count (26 089 weekdays in 2000-2099, from Python).
    @Test func centuryInOneStep() throws {
        let calendar = Self.calendar
        let start = try Self.instant("2000-01-01")
        let end = try Self.instant("2100-01-01")
        #expect(calendar.measure(from: start, to: end, clock: .workingHours) == 26_089 * 28_800)
        #expect(calendar.advance(from: start, by: 26_089 * 28_800, clock: .workingHours)
                == (try Self.instant("2099-12-31 18:00")))
    }

    /// Absurd inputs saturate instead of trapping.
    @Test func extremesDoNotTrap() {
        let calendar = Self.calendar
        let far = calendar.advance(from: Instant(secondsSinceEpoch: 0), by: .max, clock: .workingHours)
        #expect(far == Instant(secondsSinceEpoch: .max))
        let early = calendar.advance(from: Instant(secondsSinceEpoch: 0), by: .min, clock: .workingHours)
        #expect(early == Instant(secondsSinceEpoch: .min))
        _ = calendar.measure(from: Instant(secondsSinceEpoch: .min), to: Instant(secondsSinceEpoch: .max),
                             clock: .workingDays)
        _ = calendar.measure(from: Instant(secondsSinceEpoch: .min), to: Instant(secondsSinceEpoch: .max),
                             clock: .urgentHours)
        var broken = calendar
        broken.weekendDays = Set(1...7)
        #expect(broken.validationProblem == .noWorkingWeekday)
        #expect(broken.deadline(start: Instant(secondsSinceEpoch: 0), limit: TimeLimit(amount: 1, clock: .workingHours)) == nil)
    }
}
