/// Reading times that operators type or configuration files hold.
extension WorkCalendar {
    /// Reads a local date-time; nil when the text is not one of the accepted forms or
    /// names an impossible date or time:
    ///
    /// - `2026-11-20 17:00`, `2026-11-20T17:00`, `2026-11-20T17:00:30` — local time in
    ///   this calendar's offset (people type local times);
    /// - `2026-11-20` — local midnight at the start of that day;
    /// - any form with a time followed by `Z`, `+08:00`, `+0800` or `+08` — that offset
    ///   instead, so times copied from logs or other systems stay exact.
    ///
    /// Surrounding spaces are ignored; hours are 0-23 (one or two digits), minutes and
    /// seconds two digits 00-59; fractions of a second are not accepted.
    public func parseLocal(_ text: String) -> Instant? {
        var scanner = ASCIIScanner(bytes: ASCIIScanner.trimmed(text))
        guard let date = scanner.date() else { return nil }
        if scanner.isAtEnd { return startOfDay(date) }
        guard scanner.take(UInt8(ascii: " ")) || scanner.take(UInt8(ascii: "T"))
            || scanner.take(UInt8(ascii: "t"))
        else { return nil }
        guard let hour = scanner.digits(1, 2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2, 2)
        else { return nil }
        var second = 0
        if scanner.take(UInt8(ascii: ":")) {
            guard let value = scanner.digits(2, 2) else { return nil }
            second = value
        }
        guard let civil = CivilTime(date: date, hour: hour, minute: minute, second: second) else { return nil }
        var offset = utcOffsetSeconds
        if !scanner.isAtEnd {
            guard let explicit = Self.offsetSuffix(&scanner) else { return nil }
            offset = explicit
        }
        return civil.instant(utcOffsetSeconds: offset)
    }

    /// Reads `Z`, `+HH:MM`, `+HHMM` or `+HH` (or with `-`) to the end of the text.
    private static func offsetSuffix(_ scanner: inout ASCIIScanner) -> Int? {
        if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
            return scanner.isAtEnd ? 0 : nil
        }
        let sign: Int
        if scanner.take(UInt8(ascii: "+")) {
            sign = 1
        } else if scanner.take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = scanner.digits(2, 2), hours <= 18 else { return nil }
        var minutes = 0
        if !scanner.isAtEnd {
            _ = scanner.take(UInt8(ascii: ":"))
            guard let value = scanner.digits(2, 2), value <= 59 else { return nil }
            minutes = value
        }
        guard scanner.isAtEnd else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
