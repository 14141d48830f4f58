/// Integer helpers for the calendar: floor division (time before 1970 is negative, and
/// truncating division would put it on the wrong day) and saturating arithmetic (so an
/// absurd input yields an absurd but finite answer instead of trapping the console).
enum CalendarMath {
    static let secondsPerDay: Int64 = 86_400

    @inline(__always)
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    @inline(__always)
    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        let remainder = a % b
        return (remainder != 0 && (remainder < 0) != (b < 0)) ? remainder + b : remainder
    }

    @inline(__always)
    static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (result, overflow) = a.addingReportingOverflow(b)
        if overflow { return b > 0 ? .max : .min }
        return result
    }

    @inline(__always)
    static func subtract(_ a: Int64, _ b: Int64) -> Int64 {
        let (result, overflow) = a.subtractingReportingOverflow(b)
        if overflow { return b < 0 ? .max : .min }
        return result
    }

    @inline(__always)
    static func multiply(_ a: Int64, _ b: Int64) -> Int64 {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { return (a < 0) == (b < 0) ? .max : .min }
        return result
    }

    /// Splits an instant into a day number and second of day in a fixed offset, without
    /// overflowing even at the ends of `Int64`.
    @inline(__always)
    static func split(_ instant: Instant, utcOffsetSeconds: Int) -> (day: Int64, second: Int64) {
        let seconds = instant.secondsSinceEpoch
        let offset = Int64(utcOffsetSeconds)
        var day = floorDiv(seconds, secondsPerDay) &+ floorDiv(offset, secondsPerDay)
        var second = floorMod(seconds, secondsPerDay) + floorMod(offset, secondsPerDay)
        if second >= secondsPerDay {
            second -= secondsPerDay
            day &+= 1
        }
        return (day, second)
    }

    /// The inverse of `split`, saturating at the ends of `Int64`.
    @inline(__always)
    static func join(day: Int64, second: Int64, utcOffsetSeconds: Int) -> Instant {
        let local = add(multiply(day, secondsPerDay), second)
        return Instant(secondsSinceEpoch: subtract(local, Int64(utcOffsetSeconds)))
    }
}

/// A tiny cursor over ASCII bytes, for the strict date and time formats the calendar
/// reads without Foundation.
struct ASCIIScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// Consumes between `minimum` and `maximum` decimal digits and returns their value.
    mutating func digits(_ minimum: Int, _ maximum: Int) -> Int? {
        var value = 0
        var count = 0
        while count < maximum, let byte = peek, byte >= 0x30, byte <= 0x39 {
            value = value * 10 + Int(byte - 0x30)
            count += 1
            position += 1
        }
        return count >= minimum ? value : nil
    }

    /// Consumes a date `[-]YYYY-MM-DD` (four to nine year digits).
    mutating func date() -> CivilDate? {
        let negative = take(UInt8(ascii: "-"))
        guard let year = digits(4, 9), take(UInt8(ascii: "-")),
              let month = digits(2, 2), take(UInt8(ascii: "-")),
              let day = digits(2, 2)
        else { return nil }
        return CivilDate(year: negative ? -year : year, month: month, day: day)
    }

    /// The text without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> [UInt8] {
        var slice = Array(text.utf8)[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return Array(slice)
    }
}

extension Int {
    /// Zero-padded decimal, for the fixed-width date and time formats.
    func calendarPadded(_ width: Int) -> String {
        let digits = String(self.magnitude)
        let padding = String(repeating: "0", count: Swift.max(0, width - digits.count))
        return (self < 0 ? "-" : "") + padding + digits
    }
}
