/// Makes text from outside harmless before it reaches a terminal: a screen buffer of the
/// console, or any line the command line prints. It lives in Core so that both use the
/// same rule.
///
/// Case titles, notes, names and imported rows are typed or pasted by people we do not
/// control. Raw, an ESC sequence in a title could move the cursor, recolour the screen or
/// retitle the window; a bidi override could make "ABC" show as "CBA"; a zero-width or tag
/// character could hide text. Instead of deleting such characters (which would hide that
/// something was there), each one becomes a visible, one-line, fixed-width mark:
///
/// - ESC → `␛`, the other C0 controls → their control pictures `␀`…`␟`, DEL → `␡`;
/// - C1 controls, bidi controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C), zero-width
///   and other format characters (U+200B–200D, U+2060, U+FEFF, tags, …) and the invisible
///   Hangul fillers → `⟨U+202E⟩`;
/// - anything else the terminal cannot print (unassigned code points, noncharacters) → `�`;
/// - tab → a space; CR, LF, CRLF, U+2028 and U+2029 → a space on a single line or one `\n`
///   when lines are kept.
public enum TextSanitizer {
    /// Returns `text` with every control, bidi, invisible or unprintable scalar replaced by
    /// a visible mark. With `singleLine` (the default, as a buffer row is one line) line
    /// breaks become spaces; otherwise each becomes a single `"\n"` for the caller to split on.
    public static func neutralise(_ text: String, singleLine: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue  // CRLF is one line break.
            }
            previousWasCarriageReturn = value == 0x0D
            if !needsReplacement(scalar) {
                result.append(scalar)
                continue
            }
            switch value {
            case 0x0A, 0x0D, 0x2028, 0x2029:
                result.append(singleLine ? " " : "\n")
            case 0x09:
                result.append(" ")
            case 0x1B:
                result.append("\u{241B}")
            case 0x00..<0x20:
                result.append(controlPicture(value))
            case 0x7F:
                result.append("\u{2421}")
            case 0x80...0x9F:
                result.append(contentsOf: codePointMark(value).unicodeScalars)
            default:
                if isInvisible(scalar) {
                    result.append(contentsOf: codePointMark(value).unicodeScalars)
                } else {
                    result.append("\u{FFFD}")
                }
            }
        }
        return String(result)
    }

    /// Whether `scalar` must not reach the terminal as it is.
    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return false }
        if value < 0xA0 { return true }  // C0, DEL, C1
        return isInvisible(scalar) || !ScalarWidth.isPrintable(scalar)
    }

    /// Format characters (bidi controls, zero-width characters, tags, the BOM, …) and the
    /// Hangul fillers: characters that change or hide text without showing themselves.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF,
             0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return true
        case 0x115F, 0x1160, 0x3164, 0xFFA0:
            return true  // Hangul fillers: blank but not empty, used to fake empty names.
        default:
            return scalar.properties.generalCategory == .format
        }
    }

    /// The Unicode control picture for a C0 control (U+2400 + value).
    private static func controlPicture(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}"
    }

    /// A readable mark naming the code point, e.g. `⟨U+202E⟩`.
    public static func codePointMark(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        let padding = String(repeating: "0", count: max(0, 4 - hex.count))
        return "\u{27E8}U+" + padding + hex + "\u{27E9}"
    }
}
