/// Checks the four TOML date/time forms and normalises the separator, keeping the
/// text otherwise as written (the caller decides what a local time means).
enum TOMLDateTime {
    /// The normalised text, or `nil` if `c` is not a valid date/time.
    static func normalized(_ c: [UInt8]) -> String? {
        var out = c
        var i = 0
        if c.count >= 5 && c[4] == UInt8(ascii: "-") {
            guard parseDate(c, &i) else { return nil }
            if i == c.count { return String(decoding: out, as: UTF8.self) }  // local date
            guard c[i] == UInt8(ascii: "T") || c[i] == UInt8(ascii: "t") || c[i] == UInt8(ascii: " ") else {
                return nil
            }
            out[i] = UInt8(ascii: "T")
            i += 1
            guard parseTime(c, &i) else { return nil }
            if i == c.count { return String(decoding: out, as: UTF8.self) }  // local date-time
            if c[i] == UInt8(ascii: "Z") || c[i] == UInt8(ascii: "z") {
                out[i] = UInt8(ascii: "Z")
                i += 1
            } else {
                guard parseOffset(c, &i) else { return nil }
            }
            return i == c.count ? String(decoding: out, as: UTF8.self) : nil
        }
        guard parseTime(c, &i), i == c.count else { return nil }  // local time
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads exactly `count` digits.
    private static func number(_ c: [UInt8], _ i: inout Int, count: Int) -> Int? {
        guard i + count <= c.count else { return nil }
        var value = 0
        for k in i..<(i + count) {
            guard TOMLScalars.isDigit(c[k]) else { return nil }
            value = value * 10 + Int(c[k] - 0x30)
        }
        i += count
        return value
    }

    private static func expect(_ c: [UInt8], _ i: inout Int, _ byte: Character) -> Bool {
        guard i < c.count, let ascii = byte.asciiValue, c[i] == ascii else { return false }
        i += 1
        return true
    }

    private static func parseDate(_ c: [UInt8], _ i: inout Int) -> Bool {
        guard let year = number(c, &i, count: 4), expect(c, &i, "-"),
              let month = number(c, &i, count: 2), expect(c, &i, "-"),
              let day = number(c, &i, count: 2) else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// `HH:MM:SS` with an optional fraction; seconds are required in TOML 1.0.
    /// A leap second (`60`) is accepted, as RFC 3339 allows.
    private static func parseTime(_ c: [UInt8], _ i: inout Int) -> Bool {
        guard let hour = number(c, &i, count: 2), expect(c, &i, ":"),
              let minute = number(c, &i, count: 2), expect(c, &i, ":"),
              let second = number(c, &i, count: 2) else { return false }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        if i < c.count && c[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < c.count && TOMLScalars.isDigit(c[i]) { i += 1 }
            guard i > start else { return false }
        }
        return true
    }

    private static func parseOffset(_ c: [UInt8], _ i: inout Int) -> Bool {
        guard i < c.count, c[i] == UInt8(ascii: "+") || c[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard let hour = number(c, &i, count: 2), expect(c, &i, ":"),
              let minute = number(c, &i, count: 2) else { return false }
        return hour <= 23 && minute <= 59
    }
}
