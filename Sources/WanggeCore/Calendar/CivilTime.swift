/// A wall-clock date and time in some fixed UTC offset, to the second.
///
/// The bridge between `Instant` (what the store keeps) and what people read and type.
/// China has no daylight saving time, so an offset is all a zone needs.
public struct CivilTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The local date.
    public var date: CivilDate
    /// 0 ... 23.
    public var hour: Int
    /// 0 ... 59.
    public var minute: Int
    /// 0 ... 59.
    public var second: Int

    /// A validated wall-clock time (hour 0...23, minute and second 0...59; no leap
    /// seconds, which `Instant` does not count either).
    public init?(date: CivilDate, hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The wall-clock reading of `instant` at `utcOffsetSeconds` east of UTC
    /// (28 800 for China). Exact integer arithmetic; works before 1970 too.
    public init(instant: Instant, utcOffsetSeconds: Int) {
        let (day, secondOfDay) = CalendarMath.split(instant, utcOffsetSeconds: utcOffsetSeconds)
        date = CivilDate(daysSinceEpoch: day)
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay % 3600 / 60)
        second = Int(secondOfDay % 60)
    }

    /// Seconds after local midnight.
    public var secondsFromMidnight: Int64 {
        Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
    }

    /// The instant at which a clock at `utcOffsetSeconds` shows this time.
    public func instant(utcOffsetSeconds: Int) -> Instant {
        CalendarMath.join(day: date.daysSinceEpoch, second: secondsFromMidnight,
                          utcOffsetSeconds: utcOffsetSeconds)
    }

    /// `2026-11-22T00:42:12Z`: ISO 8601 with a `Z`, which is only true when this value
    /// was made with offset 0 (as `Instant.description` does).
    public var iso8601UTC: String {
        "\(date)T\(hour.calendarPadded(2)):\(minute.calendarPadded(2)):\(second.calendarPadded(2))Z"
    }

    /// `2026-11-22 08:42`: the short local form the console shows; seconds are noise
    /// for deadlines.
    public func formatted() -> String {
        "\(date) \(hour.calendarPadded(2)):\(minute.calendarPadded(2))"
    }

    /// `2026-11-22 08:42:12`, with seconds, for logs and tests.
    public var description: String {
        "\(formatted()):\(second.calendarPadded(2))"
    }

    /// Chronological order within one offset.
    public static func < (lhs: CivilTime, rhs: CivilTime) -> Bool {
        (lhs.date, lhs.secondsFromMidnight) < (rhs.date, rhs.secondsFromMidnight)
    }
}
