/// Classifies and checks the bare tokens of TOML: booleans, integers, floats and
/// dates/times. Pure functions of the token text, so they are easy to test alone.
enum TOMLScalars {
    struct Problem: Error {
        var message: String
    }

    static func classify(_ token: String) -> Result<TOMLValue, Problem> {
        switch token {
        case "true": return .success(.boolean(true))
        case "false": return .success(.boolean(false))
        case "inf", "+inf": return .success(.float(.infinity))
        case "-inf": return .success(.float(-.infinity))
        case "nan", "+nan": return .success(.float(.nan))
        case "-nan": return .success(.float(-.nan))
        default: break
        }
        let chars = Array(token.utf8)
        if looksLikeDate(chars) {
            guard let text = TOMLDateTime.normalized(chars) else {
                return .failure(Problem(message: "无效的日期时间 \"\(token)\""))
            }
            return .success(.dateTime(text))
        }
        return number(token, chars)
    }

    /// `YYYY-MM-DD`, the only form that may be followed by a space and a time.
    static func isFullDate(_ token: String) -> Bool {
        let c = Array(token.utf8)
        return c.count == 10 && looksLikeDate(c)
    }

    private static func looksLikeDate(_ c: [UInt8]) -> Bool {
        if c.count >= 5 && c[0..<4].allSatisfy(isDigit) && c[4] == UInt8(ascii: "-") { return true }
        if c.count >= 3 && c[0..<2].allSatisfy(isDigit) && c[2] == UInt8(ascii: ":") { return true }
        return false
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    // MARK: Numbers

    private static func number(_ token: String, _ c: [UInt8]) -> Result<TOMLValue, Problem> {
        let invalid = Problem(message: "无效的值 \"\(token)\"（字符串需要加引号）")
        guard let first = c.first else { return .failure(invalid) }
        guard isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else {
            return .failure(invalid)
        }
        if c.count > 2 && first == UInt8(ascii: "0") {
            switch c[1] {
            case UInt8(ascii: "x"): return radixInteger(token, c.dropFirst(2), radix: 16)
            case UInt8(ascii: "o"): return radixInteger(token, c.dropFirst(2), radix: 8)
            case UInt8(ascii: "b"): return radixInteger(token, c.dropFirst(2), radix: 2)
            default: break
            }
        }
        let isFloat = c.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        return isFloat ? float(token, c) : decimalInteger(token, c)
    }

    /// Digits separated by single underscores, starting and ending with a digit.
    private static func validDigits(_ c: ArraySlice<UInt8>, isDigit: (UInt8) -> Bool) -> Bool {
        guard let first = c.first, let last = c.last, isDigit(first), isDigit(last) else { return false }
        var previousUnderscore = false
        for b in c {
            if b == UInt8(ascii: "_") {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else if isDigit(b) {
                previousUnderscore = false
            } else {
                return false
            }
        }
        return true
    }

    private static func withoutUnderscores(_ c: ArraySlice<UInt8>) -> String {
        String(decoding: c.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
    }

    /// A decimal integer part: no leading zeros except for `0` itself.
    private static func validDecimal(_ c: ArraySlice<UInt8>) -> Bool {
        guard validDigits(c, isDigit: isDigit) else { return false }
        return !(c.count > 1 && c.first == UInt8(ascii: "0"))
    }

    private static func splitSign(_ c: [UInt8]) -> (negative: Bool, rest: ArraySlice<UInt8>) {
        if c.first == UInt8(ascii: "-") { return (true, c.dropFirst()) }
        if c.first == UInt8(ascii: "+") { return (false, c.dropFirst()) }
        return (false, c[...])
    }

    private static func decimalInteger(_ token: String, _ c: [UInt8]) -> Result<TOMLValue, Problem> {
        let (negative, rest) = splitSign(c)
        guard validDecimal(rest) else {
            let onlyDigits = rest.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") }
            let leadingZero = onlyDigits && rest.count > 1 && rest.first == UInt8(ascii: "0")
            let hint = leadingZero ? "（十进制整数不能以 0 开头）" : ""
            return .failure(Problem(message: "无效的整数 \"\(token)\"\(hint)"))
        }
        guard let magnitude = UInt64(withoutUnderscores(rest)) else {
            return .failure(Problem(message: "整数 \"\(token)\" 超出 64 位范围"))
        }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return .success(.integer(Int64.min)) }
            guard magnitude <= UInt64(Int64.max) else {
                return .failure(Problem(message: "整数 \"\(token)\" 超出 64 位范围"))
            }
            return .success(.integer(-Int64(magnitude)))
        }
        guard magnitude <= UInt64(Int64.max) else {
            return .failure(Problem(message: "整数 \"\(token)\" 超出 64 位范围"))
        }
        return .success(.integer(Int64(magnitude)))
    }

    private static func radixInteger(_ token: String, _ digits: ArraySlice<UInt8>,
                                      radix: Int) -> Result<TOMLValue, Problem> {
        let isRadixDigit: (UInt8) -> Bool = { b in
            switch radix {
            case 2: b == 0x30 || b == 0x31
            case 8: b >= 0x30 && b <= 0x37
            default: isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
            }
        }
        guard validDigits(digits, isDigit: isRadixDigit) else {
            return .failure(Problem(message: "无效的整数 \"\(token)\""))
        }
        guard let value = UInt64(withoutUnderscores(digits), radix: radix), value <= UInt64(Int64.max) else {
            return .failure(Problem(message: "整数 \"\(token)\" 超出 64 位范围"))
        }
        return .success(.integer(Int64(value)))
    }

    /// `[+-] int ( . digits )? ( [eE] [+-]? digits )?` with at least one of the two parts.
    private static func float(_ token: String, _ c: [UInt8]) -> Result<TOMLValue, Problem> {
        let invalid = Problem(message: "无效的浮点数 \"\(token)\"")
        let (_, rest) = splitSign(c)
        let exponentIndex = rest.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = rest[..<(exponentIndex ?? rest.endIndex)]
        let dotIndex = mantissa.firstIndex(of: UInt8(ascii: "."))
        guard validDecimal(mantissa[..<(dotIndex ?? mantissa.endIndex)]) else { return .failure(invalid) }
        if let dotIndex {
            guard validDigits(mantissa[(dotIndex + 1)...], isDigit: isDigit) else { return .failure(invalid) }
        }
        if let exponentIndex {
            var exponent = rest[(exponentIndex + 1)...]
            if exponent.first == UInt8(ascii: "+") || exponent.first == UInt8(ascii: "-") {
                exponent = exponent.dropFirst()
            }
            guard validDigits(exponent, isDigit: isDigit) else { return .failure(invalid) }
        }
        guard let value = Double(withoutUnderscores(c[...])) else { return .failure(invalid) }
        return .success(.float(value))
    }
}
