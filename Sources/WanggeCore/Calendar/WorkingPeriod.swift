/// One stretch of office hours in a working day, e.g. 08:00-12:00.
///
/// A day usually has two (morning and afternoon, with a lunch break between); the
/// working clocks count only time inside them.
public struct WorkingPeriod: Hashable, Codable, Sendable, CustomStringConvertible {
    /// When the period begins (inclusive).
    public var start: TimeOfDay
    /// When the period ends (exclusive); may be 24:00.
    public var end: TimeOfDay

    /// A period that starts before it ends; nil otherwise (a period cannot wrap past
    /// midnight: write `22:00-24:00` and `00:00-06:00` instead).
    public init?(start: TimeOfDay, end: TimeOfDay) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// Reads `08:00-12:00`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = TimeOfDay(String(parts[0])),
              let end = TimeOfDay(String(parts[1]))
        else { return nil }
        self.init(start: start, end: end)
    }

    init(uncheckedStart start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    /// The period's length in seconds (0 if it was mutated into an empty one).
    public var durationSeconds: Int64 {
        Swift.max(0, end.secondsFromMidnight - start.secondsFromMidnight)
    }

    /// The default office hours: 08:00-12:00 and 14:00-18:00.
    public static let standardDay: [WorkingPeriod] = [
        WorkingPeriod(uncheckedStart: TimeOfDay(uncheckedHour: 8, minute: 0),
                      end: TimeOfDay(uncheckedHour: 12, minute: 0)),
        WorkingPeriod(uncheckedStart: TimeOfDay(uncheckedHour: 14, minute: 0),
                      end: TimeOfDay(uncheckedHour: 18, minute: 0)),
    ]

    /// `08:00-12:00`.
    public var description: String { "\(start)-\(end)" }
}
