/// Sparklines drawn with braille patterns: two values per cell, each a column of up to
/// four dots filled from the bottom. Braille (U+2800…) is one column wide in every
/// terminal, unlike the block elements (▁▂▃…), which CJK terminals may draw two wide.
public enum Sparkline {
    /// The dots of the left and right column of a cell, bottom first.
    static let left: [UInt32] = [0x40, 0x04, 0x02, 0x01]
    static let right: [UInt32] = [0x80, 0x20, 0x10, 0x08]

    /// One cell per two values (nil: nothing drawn for it). Heights are scaled to
    /// `fixedMaximum` (1 for rates) or to the largest value; a value above zero gets at
    /// least one dot, so "a little" never looks like "none".
    public static func braille(_ values: [Double?], fixedMaximum: Double? = nil) -> String {
        let top = fixedMaximum ?? values.compactMap { $0 }.max() ?? 0
        func level(_ v: Double?) -> Int {
            guard let v, top > 0, v > 0 else { return 0 }
            return max(1, min(4, Int((v / top * 4).rounded())))
        }
        var out = ""
        var i = 0
        while i < values.count {
            var bits: UInt32 = 0
            for k in 0..<level(values[i]) { bits |= left[k] }
            if i + 1 < values.count { for k in 0..<level(values[i + 1]) { bits |= right[k] } }
            out.unicodeScalars.append(Unicode.Scalar(0x2800 + bits) ?? " ")
            i += 2
        }
        return out
    }
}
