/// A wall-clock time of day to the minute, used for the bounds of working periods.
///
/// `24:00` is allowed so a period can run to the end of the day (`16:00-24:00`);
/// minutes are enough for office hours and keep configuration readable.
public struct TimeOfDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// 0 ... 24 (24 only as 24:00).
    public var hour: Int
    /// 0 ... 59.
    public var minute: Int

    /// A validated time: 00:00 ... 23:59, or exactly 24:00 (the end of the day).
    public init?(hour: Int, minute: Int) {
        guard ((0...23).contains(hour) && (0...59).contains(minute)) || (hour == 24 && minute == 0)
        else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Reads `HH:MM` (one or two hour digits, two minute digits), e.g. `08:00`,
    /// `8:00`, `24:00`; nil for anything else.
    public init?(_ text: String) {
        var scanner = ASCIIScanner(text)
        guard let hour = scanner.digits(1, 2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2, 2), scanner.isAtEnd
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// Midnight at the start of a day.
    public static let midnight = TimeOfDay(uncheckedHour: 0, minute: 0)
    /// 24:00, the end of a day.
    public static let endOfDay = TimeOfDay(uncheckedHour: 24, minute: 0)

    init(uncheckedHour hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Seconds after midnight (86 400 for 24:00), the unit the calendar computes in.
    public var secondsFromMidnight: Int64 {
        Int64(hour) * 3600 + Int64(minute) * 60
    }

    /// Earlier in the day first; 24:00 after everything.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.secondsFromMidnight < rhs.secondsFromMidnight
    }

    /// `08:00`.
    public var description: String {
        "\(hour.calendarPadded(2)):\(minute.calendarPadded(2))"
    }

    /// Decodes from the `HH:MM` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = TimeOfDay(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a time HH:MM, found \"\(text)\"")
        }
        self = time
    }

    /// Encodes as the `HH:MM` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
