import WanggeCore

/// Column widths measured the way the terminal measures them.
///
/// ncursesw and the terminal behind it (tmux, xterm, an SSH client) decide how many columns a
/// character takes with glibc's `wcwidth`. If layout used any other rule, a Chinese title
/// would push the border it sits next to out of place. So the table here is generated from
/// glibc's `wcwidth` under `C.UTF-8` (see `ScalarWidthTable.swift` in WanggeCore), and a test compares it
/// with the live function: CJK and fullwidth forms are 2 columns, combining and zero-width
/// marks 0, ambiguous-width characters (—, ×, box drawing) 1.
public enum DisplayWidth {
    /// The columns one scalar takes, exactly as glibc's `wcwidth`: 0, 1, 2, or -1 when the
    /// scalar is not printable (controls, unassigned code points, line separators).
    /// Unprintable scalars never reach a buffer: `TextSanitizer` replaces them first.
    public static func of(_ scalar: Unicode.Scalar) -> Int { ScalarWidth.of(scalar) }

    /// The columns `text` takes once it is in a `ScreenBuffer`: neutralised as one line by
    /// `TextSanitizer` and cut into terminal cells. Layout measures with this so that what it
    /// measures is what `ScreenBuffer.put` draws.
    public static func of(_ text: String) -> Int {
        var columns = 0
        for cluster in TerminalClusters(TextSanitizer.neutralise(text)) {
            columns += cluster.width
        }
        return columns
    }

    /// The columns one `Character` takes once drawn (see `of(_: String)`).
    public static func of(_ character: Character) -> Int {
        of(String(character))
    }

    /// Whether the terminal can print `scalar` as it is (glibc `wcwidth` is not -1).
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool { ScalarWidth.isPrintable(scalar) }
}
