import Foundation
import Testing
@testable import WanggeCore

/// Dates, times of day and wall-clock times: the integer conversions everything else
/// stands on. Day numbers and weekdays below were computed with `date -u` and Python's
/// `datetime`, independently of this code.
struct CalendarCivilDateTests {
    struct KnownDay: Sendable, CustomTestStringConvertible {
        let text: String
        let days: Int64
        let weekday: Int
        var testDescription: String { text }
    }

    @Test(arguments: [
        KnownDay(text: "1970-01-01", days: 0, weekday: 4),
        KnownDay(text: "2000-01-01", days: 10_957, weekday: 6),
        KnownDay(text: "2000-03-01", days: 11_017, weekday: 3),
        KnownDay(text: "2024-02-29", days: 19_782, weekday: 4),
        KnownDay(text: "2026-11-22", days: 20_779, weekday: 7),
        KnownDay(text: "1900-01-01", days: -25_567, weekday: 1),
        KnownDay(text: "2100-12-31", days: 47_846, weekday: 5),
        KnownDay(text: "1600-02-29", days: -135_081, weekday: 2),
        KnownDay(text: "0001-01-01", days: -719_162, weekday: 1),
    ])
    func knownDays(_ known: KnownDay) throws {
        let date = try #require(CivilDate(known.text))
        #expect(date.daysSinceEpoch == known.days)
        #expect(date.weekday == known.weekday)
        #expect(CivilDate(daysSinceEpoch: known.days) == date)
        #expect(date.description == known.text)
    }

    @Test func roundTripEveryDayFrom1900To2100() throws {
        let first = try #require(CivilDate(year: 1900, month: 1, day: 1)).daysSinceEpoch
        let last = try #require(CivilDate(year: 2100, month: 12, day: 31)).daysSinceEpoch
        #expect(last - first + 1 == 73_414)
        var previous = CivilDate(daysSinceEpoch: first - 1)
        #expect(previous.description == "1899-12-31")
        var leapDays = 0
        for day in first...last {
            let date = CivilDate(daysSinceEpoch: day)
            #expect(date.daysSinceEpoch == day)
            #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
            #expect(previous < date)
            // The successor of the previous date, computed the slow way.
            var expected = (previous.year, previous.month, previous.day + 1)
            if expected.2 > CivilDate.daysInMonth(year: previous.year, month: previous.month) {
                expected = previous.month == 12 ? (previous.year + 1, 1, 1) : (previous.year, previous.month + 1, 1)
            }
            #expect((date.year, date.month, date.day) == expected)
            #expect(date.weekday == previous.weekday % 7 + 1)
            if date.month == 2, date.day == 29 { leapDays += 1 }
            previous = date
        }
        #expect(leapDays == 49)  // 1904 ... 2096 and 2000, not 1900 or 2100
    }

    @Test func leapYears() {
        #expect(!CivilDate.isLeapYear(1900))
        #expect(CivilDate.isLeapYear(2000))
        #expect(CivilDate.isLeapYear(2024))
        #expect(!CivilDate.isLeapYear(2026))
        #expect(!CivilDate.isLeapYear(2100))
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test(arguments: ["2026-13-01", "2026-00-10", "2026-04-31", "2026-11-00", "2026-1-01", "26-11-20",
                      "2026-11-20x", "", "2026/11/20", "2026-11-20 "])
    func rejectsBadDates(_ text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test func addingDaysCrossesMonthsAndYears() throws {
        let date = try #require(CivilDate("2026-12-30"))
        #expect(date.adding(days: 3).description == "2027-01-02")
        #expect(date.adding(days: -365).description == "2025-12-30")
        #expect(try #require(CivilDate("2024-02-28")).adding(days: 1).description == "2024-02-29")
    }

    @Test func codableAsString() throws {
        let dates = [try #require(CivilDate("2026-10-01")), try #require(CivilDate("1999-12-31"))]
        let data = try JSONEncoder().encode(dates)
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-10-01","1999-12-31"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == dates)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }

    @Test func timeOfDay() throws {
        #expect(try #require(TimeOfDay("08:00")).secondsFromMidnight == 28_800)
        #expect(try #require(TimeOfDay("8:30")).description == "08:30")
        #expect(try #require(TimeOfDay("24:00")).secondsFromMidnight == 86_400)
        for bad in ["24:01", "25:00", "12:60", "12:5", "1200", "", "12:00:00"] {
            #expect(TimeOfDay(bad) == nil, "\(bad)")
        }
        #expect(try #require(TimeOfDay("11:59")) < (try #require(TimeOfDay("12:00"))))
        let period = try #require(WorkingPeriod("14:00-18:00"))
        #expect(period.durationSeconds == 14_400)
        #expect(period.description == "14:00-18:00")
        #expect(WorkingPeriod("18:00-14:00") == nil)
        #expect(WorkingPeriod("12:00-12:00") == nil)
    }

    @Test func civilTimeFromInstants() throws {
        // 2026-11-22 08:42:12 in Shanghai is 1795308132 (date -u -d '2026-11-22 08:42:12 +0800' +%s).
        let instant = Instant(secondsSinceEpoch: 1_795_308_132)
        let local = CivilTime(instant: instant, utcOffsetSeconds: 28_800)
        #expect(local.formatted() == "2026-11-22 08:42")
        #expect(local.description == "2026-11-22 08:42:12")
        #expect(local.date.weekday == 7)
        #expect(local.instant(utcOffsetSeconds: 28_800) == instant)
        #expect(CivilTime(instant: instant, utcOffsetSeconds: 0).iso8601UTC == "2026-11-22T00:42:12Z")
        #expect(instant.description == "2026-11-22T00:42:12Z")
        // Before 1970 and across the date line of the offset.
        #expect(Instant(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
        #expect(Instant(secondsSinceEpoch: -2_208_988_800).description == "1900-01-01T00:00:00Z")
        let shanghaiEpoch = CivilTime(instant: Instant(secondsSinceEpoch: -28_800), utcOffsetSeconds: 28_800)
        #expect(shanghaiEpoch.description == "1970-01-01 00:00:00")
        #expect(CivilTime(date: local.date, hour: 24, minute: 0) == nil)
        // The extremes do not trap.
        _ = Instant(secondsSinceEpoch: .max).description
        _ = Instant(secondsSinceEpoch: .min).description
    }
}
