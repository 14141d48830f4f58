/// A calendar date with no time and no zone, in the proleptic Gregorian calendar.
///
/// Holidays, make-up working days (调休) and report dates are days, not instants: a
/// holiday is the same date whatever the time zone, so it is kept as a date and only
/// turned into instants through a `WorkCalendar`'s offset.
public struct CivilDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The Gregorian year; year 0 is 1 BC (astronomical numbering), as ISO 8601 does.
    public var year: Int
    /// 1 = January … 12 = December.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    /// The largest distance from 1970-01-01, in days, that a date may have (about 2.7
    /// billion years); keeps the day arithmetic far from `Int64` overflow.
    public static let maximumDaysFromEpoch: Int64 = 1_000_000_000_000

    /// A validated date; nil for a month outside 1...12, a day the month does not have
    /// (2025-02-29), or a year so far out that day numbers would overflow.
    public init?(year: Int, month: Int, day: Int) {
        guard (-2_700_000_000...2_700_000_000).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` (a leading `-` and more year digits are allowed so every
    /// `description` reads back); nil for anything else, including invalid dates.
    public init?(_ text: String) {
        var scanner = ASCIIScanner(text)
        guard let date = scanner.date(), scanner.isAtEnd else { return nil }
        self = date
    }

    /// The date a number of days after 1970-01-01 (negative before it), using Howard
    /// Hinnant's `civil_from_days`: exact integer arithmetic, no tables, no loops.
    /// Day numbers beyond ±`maximumDaysFromEpoch` are clamped.
    public init(daysSinceEpoch: Int64) {
        let clamped = Swift.min(Swift.max(daysSinceEpoch, -CivilDate.maximumDaysFromEpoch),
                                CivilDate.maximumDaysFromEpoch)
        let z = clamped + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.year = Int(year)
        self.month = Int(month)
        self.day = Int(day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), the form every
    /// calendar computation uses: consecutive dates are consecutive integers.
    public var daysSinceEpoch: Int64 {
        let y = Int64(year) - (month <= 2 ? 1 : 0)
        let m = Int64(month)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday, the numbering `WorkCalendar.weekendDays`
    /// uses. 1970-01-01 was a Thursday.
    public var weekday: Int {
        CivilDate.weekday(daysSinceEpoch: daysSinceEpoch)
    }

    /// The ISO weekday (1 = Monday) of a day number.
    static func weekday(daysSinceEpoch: Int64) -> Int {
        Int(CalendarMath.floorMod(daysSinceEpoch + 3, 7)) + 1
    }

    /// The date `days` later (earlier when negative), across months and years.
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: CalendarMath.add(daysSinceEpoch, Int64(days)))
    }

    /// Whether `year` has a 29 February in the Gregorian rule (every 4th year, except
    /// centuries not divisible by 400).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month (0 for a month outside 1...12).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Chronological order, so holiday lists sort and ranges read naturally.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2026-10-01`: the form configuration files and the store use.
    public var description: String {
        "\(year.calendarPadded(4))-\(month.calendarPadded(2))-\(day.calendarPadded(2))"
    }

    /// Decodes from the `YYYY-MM-DD` string, so holiday lists read naturally in files.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date YYYY-MM-DD, found \"\(text)\"")
        }
        self = date
    }

    /// Encodes as the `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
