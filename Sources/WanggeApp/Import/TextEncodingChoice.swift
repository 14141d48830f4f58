/// The encoding of an imported file. Chinese government systems often export GBK (or
/// its superset GB18030); `auto` reads the start of the file and picks UTF-8 when it is
/// valid UTF-8 (or starts with a byte-order mark) and GB18030 otherwise.
public enum TextEncodingChoice: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case gbk

    /// Accepts the spellings people use: utf8, UTF-8, gb2312, gb18030, cp936...
    public init?(name: String) {
        switch name.lowercased().replacingAll("_", with: "-") {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "gbk", "gb2312", "gb18030", "cp936", "936": self = .gbk
        default: return nil
        }
    }

    public var displayName: String {
        switch self {
        case .auto: "自动识别"
        case .utf8: "UTF-8"
        case .gbk: "GBK"
        }
    }
}

enum UTF8Check {
    /// Whether `bytes` is valid UTF-8, allowing a sequence cut off at the end (the
    /// sample is the start of a larger file).
    static func isValidPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b >= 0xC2 && b <= 0xDF { length = 2 }
            else if b >= 0xE0 && b <= 0xEF { length = 3 }
            else if b >= 0xF0 && b <= 0xF4 { length = 4 }
            else { return false }
            for k in 1..<length {
                if i + k >= n { return true }
                if bytes[i + k] & 0xC0 != 0x80 { return false }
            }
            i += length
        }
        return true
    }
}
