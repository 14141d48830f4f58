import Testing
@testable import WanggeCore

/// `parseLocal` and calendar validation: what operators type and what configuration
/// files hold. Expected instants come from `date -u -d '… +0800' +%s`.
struct CalendarParseTests {
    let calendar = WorkCalendar.standard

    struct Accepted: Sendable, CustomTestStringConvertible {
        let text: String
        let seconds: Int64
        var testDescription: String { text }
    }

    @Test(arguments: [
        Accepted(text: "2026-11-20 17:00", seconds: 1_795_165_200),
        Accepted(text: "2026-11-20T17:00", seconds: 1_795_165_200),
        Accepted(text: "2026-11-20t17:00", seconds: 1_795_165_200),
        Accepted(text: "2026-11-20T17:00:30", seconds: 1_795_165_230),
        Accepted(text: "2026-11-20 17:00:30", seconds: 1_795_165_230),
        Accepted(text: "2026-11-20", seconds: 1_795_104_000),
        Accepted(text: "  2026-11-20 17:00\t", seconds: 1_795_165_200),
        Accepted(text: "2026-11-20 9:05", seconds: 1_795_104_000 + 9 * 3600 + 5 * 60),
        Accepted(text: "2026-11-20T17:00Z", seconds: 1_795_194_000),
        Accepted(text: "2026-11-20T17:00:00Z", seconds: 1_795_194_000),
        Accepted(text: "2026-11-20T17:00+08:00", seconds: 1_795_165_200),
        Accepted(text: "2026-11-20T17:00:30+08:00", seconds: 1_795_165_230),
        Accepted(text: "2026-11-20T17:00+0800", seconds: 1_795_165_200),
        Accepted(text: "2026-11-20T17:00+08", seconds: 1_795_165_200),
        Accepted(text: "2026-11-20 17:00-05:30", seconds: 1_795_213_800),
        Accepted(text: "1970-01-01 08:00", seconds: 0),
    ])
    func accepts(_ case_: Accepted) {
        #expect(calendar.parseLocal(case_.text) == Instant(secondsSinceEpoch: case_.seconds))
    }

    @Test(arguments: [
        "", "tomorrow", "2026-11-31", "2026-02-29 10:00", "2026-11-20 24:00", "2026-11-20 17:60",
        "2026-11-20 17", "2026-11-20 17:0", "2026-11-20 17:00:60", "2026-11-20T17:00:30.5",
        "2026/11/20 17:00", "20261120", "26-11-20 17:00", "2026-11-20 17:00 +08:00", "2026-11-20Z",
        "2026-11-20 17:00+19:00", "2026-11-20 17:00+08:60", "2026-11-20 17:00Zjunk",
        "2026-11-20 17:00+8", "2026-11-20  17:00", "2026-11-20_17:00",
    ])
    func rejects(_ text: String) {
        #expect(calendar.parseLocal(text) == nil)
    }

    @Test func parseUsesTheCalendarsOwnOffset() throws {
        var utc = WorkCalendar.standard
        utc.zoneName = "UTC"
        utc.utcOffsetSeconds = 0
        #expect(utc.parseLocal("2026-11-20 17:00") == Instant(secondsSinceEpoch: 1_795_194_000))
        #expect(utc.parseLocal("2026-11-20 17:00+08:00") == Instant(secondsSinceEpoch: 1_795_165_200))
        let instant = try #require(calendar.parseLocal("2026-11-20 17:00:30"))
        #expect(calendar.civil(instant).description == "2026-11-20 17:00:30")
        #expect(calendar.instant(calendar.civil(instant)) == instant)
    }

    @Test func standardCalendar() throws {
        let calendar = WorkCalendar.standard
        #expect(calendar.zoneName == "Asia/Shanghai")
        #expect(calendar.utcOffsetSeconds == 28_800)
        #expect(calendar.periods.map(\.description) == ["08:00-12:00", "14:00-18:00"])
        #expect(calendar.weekendDays == [6, 7])
        #expect(calendar.workingSecondsPerDay == 8 * 3600)
        #expect(calendar.validationProblem == nil)
        #expect(try WorkCalendar() == calendar)
    }

    @Test func validationNamesTheProblem() throws {
        let morning = try #require(WorkingPeriod("08:00-12:00"))
        let overlapping = try #require(WorkingPeriod("11:00-14:00"))
        let holiday = try #require(CivilDate("2026-10-01"))
        #expect(throws: WorkCalendarError.noWorkingPeriods) { try WorkCalendar(periods: []) }
        #expect(throws: WorkCalendarError.periodsOverlapOrUnsorted(morning, overlapping)) {
            try WorkCalendar(periods: [morning, overlapping])
        }
        let afternoon = try #require(WorkingPeriod("14:00-18:00"))
        #expect(throws: WorkCalendarError.periodsOverlapOrUnsorted(afternoon, morning)) {
            try WorkCalendar(periods: [afternoon, morning])
        }
        #expect(throws: WorkCalendarError.weekdayOutOfRange(0)) { try WorkCalendar(weekendDays: [0, 6]) }
        #expect(throws: WorkCalendarError.noWorkingWeekday) { try WorkCalendar(weekendDays: Set(1...7)) }
        #expect(throws: WorkCalendarError.offsetOutOfRange(90_000)) { try WorkCalendar(utcOffsetSeconds: 90_000) }
        #expect(throws: WorkCalendarError.emptyZoneName) { try WorkCalendar(zoneName: "") }
        #expect(throws: WorkCalendarError.holidayAndMakeUpWorkday(holiday)) {
            try WorkCalendar(holidays: [holiday], makeUpWorkdays: [holiday])
        }
        #expect(WorkCalendarError.holidayAndMakeUpWorkday(holiday).description
                == "2026-10-01 is listed both as a holiday and as a make-up working day")
        // Touching periods are fine, and so is a period running to midnight.
        let late = try #require(WorkingPeriod("18:00-24:00"))
        let calendar = try WorkCalendar(periods: [morning, afternoon, late])
        #expect(calendar.workingSecondsPerDay == 14 * 3600)
    }
}
