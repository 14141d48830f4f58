import WanggeCore

/// A date/time layout such as `%Y-%m-%d %H:%M:%S` or `%Y年%m月%d日 %H:%M`: `%Y` four
/// digits, `%m %d %H` one or two, `%M %S` two, `%z` an offset (`Z`, `+08:00`, `+0800`,
/// `+08`), `%%` a percent sign; anything else must appear as written. Every layout
/// also accepts fractions of a second after `%S` (dropped) and a trailing offset.
public struct ImportTimeFormat: Sendable, Hashable, CustomStringConvertible {
    enum Token: Hashable, Sendable {
        case year, month, day, hour, minute, second, offset
        case literal(UInt8)
    }

    let tokens: [Token]
    public let description: String

    /// nil when the layout has an unknown `%` directive or no year, month and day.
    public init?(_ pattern: String) {
        var tokens: [Token] = []
        var bytes = Array(pattern.utf8)[...]
        while let b = bytes.popFirst() {
            guard b == UInt8(ascii: "%") else { tokens.append(.literal(b)); continue }
            guard let d = bytes.popFirst() else { return nil }
            switch d {
            case UInt8(ascii: "Y"): tokens.append(.year)
            case UInt8(ascii: "m"): tokens.append(.month)
            case UInt8(ascii: "d"): tokens.append(.day)
            case UInt8(ascii: "H"): tokens.append(.hour)
            case UInt8(ascii: "M"): tokens.append(.minute)
            case UInt8(ascii: "S"): tokens.append(.second)
            case UInt8(ascii: "z"): tokens.append(.offset)
            case UInt8(ascii: "%"): tokens.append(.literal(d))
            default: return nil
            }
        }
        guard tokens.contains(.year), tokens.contains(.month), tokens.contains(.day) else { return nil }
        self.tokens = tokens
        description = pattern
    }

    /// The layouts tried when a mapping names none: ISO 8601 and the forms Chinese
    /// systems export (`2026/3/2 9:05`, `2026年3月2日 09:05`).
    public static let defaults: [ImportTimeFormat] = [
        "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d",
        "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y.%m.%d %H:%M:%S", "%Y.%m.%d %H:%M", "%Y.%m.%d",
        "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日%H:%M", "%Y年%m月%d日", "%Y%m%d%H%M%S",
    ].compactMap(ImportTimeFormat.init)

    /// Reads `text` (UTF-8) in this layout; times without an offset are at `offset`
    /// seconds east of UTC.
    func parse(_ text: UnsafeBufferPointer<UInt8>, offset defaultOffset: Int) -> Instant? {
        var i = 0
        let end = text.count
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var offset: Int?
        func digits(_ minCount: Int, _ maxCount: Int) -> Int? {
            var value = 0, count = 0
            while count < maxCount, i < end, text[i] >= 0x30, text[i] <= 0x39 {
                value = value * 10 + Int(text[i] - 0x30)
                count += 1
                i += 1
            }
            return count >= minCount ? value : nil
        }
        for token in tokens {
            switch token {
            case .year: guard let v = digits(4, 4) else { return nil }; year = v
            case .month: guard let v = digits(1, 2) else { return nil }; month = v
            case .day: guard let v = digits(1, 2) else { return nil }; day = v
            case .hour: guard let v = digits(1, 2) else { return nil }; hour = v
            case .minute: guard let v = digits(2, 2) else { return nil }; minute = v
            case .second:
                guard let v = digits(2, 2) else { return nil }
                second = v
                if i < end, text[i] == UInt8(ascii: ".") {
                    i += 1
                    guard digits(1, 9) != nil else { return nil }
                }
            case .offset:
                guard let v = Self.offset(text, &i) else { return nil }
                offset = v
            case .literal(let b):
                guard i < end, text[i] == b else { return nil }
                i += 1
            }
        }
        if i < end {
            guard offset == nil, tokens.contains(.hour), let v = Self.offset(text, &i) else { return nil }
            offset = v
        }
        guard i == end, let date = CivilDate(year: year, month: month, day: day),
              let civil = CivilTime(date: date, hour: hour, minute: minute, second: second) else { return nil }
        return civil.instant(utcOffsetSeconds: offset ?? defaultOffset)
    }

    /// `Z`, `+08:00`, `+0800` or `+08` (or `-`), to the end of the text.
    static func offset(_ text: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        let end = text.count
        guard i < end else { return nil }
        if text[i] == UInt8(ascii: "Z") || text[i] == UInt8(ascii: "z") {
            i += 1
            return i == end ? 0 : nil
        }
        let sign: Int
        switch text[i] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        i += 1
        var numbers: [Int] = []
        while i < end {
            let b = text[i]
            i += 1
            if b == UInt8(ascii: ":") { continue }
            guard b >= 0x30, b <= 0x39 else { return nil }
            numbers.append(Int(b - 0x30))
        }
        guard numbers.count == 2 || numbers.count == 4 else { return nil }
        let hours = numbers[0] * 10 + numbers[1]
        let minutes = numbers.count == 4 ? numbers[2] * 10 + numbers[3] : 0
        guard hours <= 18, minutes <= 59 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}

/// Reads the times of an import: the mapping's layouts in order, in its zone.
public struct ImportTimeParser: Sendable {
    public var formats: [ImportTimeFormat]
    public var utcOffsetSeconds: Int

    public init(formats: [ImportTimeFormat], utcOffsetSeconds: Int) {
        self.formats = formats
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    public func parse(_ text: String) -> Instant? {
        var trimmed = text.trimmedField
        return trimmed.withUTF8 { bytes in
            for format in formats {
                if let instant = format.parse(bytes, offset: utcOffsetSeconds) { return instant }
            }
            return nil
        }
    }

    /// Reads a zone written as an offset: `+08:00`, `+0800`, `-05:00`, `Z`, `UTC`.
    public static func offset(_ text: String) -> Int? {
        if text == "UTC" || text == "utc" { return 0 }
        var copy = text
        return copy.withUTF8 { bytes in
            var i = 0
            return ImportTimeFormat.offset(bytes, &i)
        }
    }
}
