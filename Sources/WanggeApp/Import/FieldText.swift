/// Fast paths for the text of imported fields, which are read millions of times.
extension String {
    /// `trimmingSpaces()` without the per-character Unicode work when there is nothing
    /// to trim: when neither the first nor the last scalar is a space (and the last is
    /// not a combining mark that could belong to a space), the text stays as it is.
    var trimmedField: String {
        var text = self
        let plain: Bool = text.withUTF8 { bytes in
            guard let first = FieldBytes.scalar(bytes, at: 0), let last = FieldBytes.lastScalar(bytes) else { return true }
            return !FieldBytes.maybeSpace(first) && !FieldBytes.maybeSpace(last) && !FieldBytes.maybeMark(last)
        }
        return plain ? self : trimmingSpaces()
    }
}

/// UTF-8 of a field's bytes: validity with a fast path for ASCII, and the scalars at
/// its ends.
enum FieldBytes {
    static func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            var ascii = true
            for b in buffer where b >= 0x80 { ascii = false; break }
            if ascii || isValidUTF8(buffer) { return String(decoding: buffer, as: UTF8.self) }
            return nil
        }
    }

    /// The scalar starting at `index` (a lead byte), or nil for bad UTF-8 or an empty text.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return UInt32(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return value
    }

    static func lastScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard !bytes.isEmpty else { return nil }
        var start = bytes.count - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(bytes, at: start)
    }

    /// Whether a scalar may be white space: ASCII and CJK ideographs are answered
    /// without a Unicode table.
    static func maybeSpace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value <= 0x20 || value == 0x7F }
        if (0x4E00...0x9FFF).contains(value) || (0xFF01...0xFF5E).contains(value) { return false }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? true
    }

    /// Whether a scalar may extend the character before it (a combining mark).
    static func maybeMark(_ value: UInt32) -> Bool {
        if value < 0x300 { return false }
        if (0x4E00...0x9FFF).contains(value) || (0xFF01...0xFF5E).contains(value) { return false }
        return Unicode.Scalar(value)?.properties.isGraphemeExtend ?? true
    }

    /// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return false
            }
            guard i + need < n else { return false }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return false }
            for k in 2..<(need + 1) where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += need + 1
        }
        return true
    }
}
