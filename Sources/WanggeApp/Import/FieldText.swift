/// Fast paths for the text of imported fields, which are read millions of times.
extension String {
    /// `trimmingSpaces()` without the per-character Unicode work when there is nothing
    /// to trim: an ASCII first byte that is not a space and a last scalar that is
    /// neither a space nor a combining mark leave the text as it is.
    var trimmedField: String {
        var text = self
        let plain: Bool = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            guard first >= 0x21, first < 0x80 else { return false }
            if last < 0x80 { return last >= 0x21 && last != 0x7F }
            // A multi-byte last scalar: decode it and check its properties.
            var start = bytes.count - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            var scalar: UInt32 = 0
            let lead = bytes[start]
            let length = bytes.count - start
            switch length {
            case 2: scalar = UInt32(lead & 0x1F)
            case 3: scalar = UInt32(lead & 0x0F)
            case 4: scalar = UInt32(lead & 0x07)
            default: return false
            }
            for k in (start + 1)..<bytes.count { scalar = scalar << 6 | UInt32(bytes[k] & 0x3F) }
            guard let s = Unicode.Scalar(scalar) else { return false }
            // CJK and other letters: the common case of Chinese text.
            if (0x4E00...0x9FFF).contains(scalar) { return true }
            let p = s.properties
            return !p.isWhitespace && p.generalCategory != .nonspacingMark && p.generalCategory != .enclosingMark
                && p.generalCategory != .spacingMark && !p.isGraphemeExtend
        }
        return plain ? self : trimmingSpaces()
    }
}

/// UTF-8 validity of a field's bytes, with a fast path for ASCII.
enum FieldBytes {
    static func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            var ascii = true
            for b in buffer where b >= 0x80 { ascii = false; break }
            if ascii || isValidUTF8(buffer) { return String(decoding: buffer, as: UTF8.self) }
            return nil
        }
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
