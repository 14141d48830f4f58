/// The notice shown instead of a screen when the terminal is below the minimum size.
///
/// Laying out an 80×24 screen in 60×20 would cut tables mid-column and hide the status bar;
/// a plain statement of what is needed is more useful. The notice is centred on one line,
/// broken after its punctuation onto more lines when narrower, and clipped when even a
/// piece does not fit.
public enum TooSmallNotice {
    /// The notice text for a terminal of `actual` size needing `minimum`.
    public static func message(minimum: TerminalSize, actual: TerminalSize) -> String {
        pieces(minimum: minimum, actual: actual).joined()
    }

    /// Draws the notice centred in `buffer`, whose size is the terminal's.
    public static func render(into buffer: inout ScreenBuffer, minimum: TerminalSize) {
        var lines: [String] = []
        for piece in pieces(minimum: minimum, actual: buffer.size) {
            if let last = lines.last, DisplayWidth.of(last + piece) <= buffer.width {
                lines[lines.count - 1] = last + piece
            } else {
                lines.append(piece)
            }
        }
        let top = max(0, (buffer.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let left = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: left, y: top + offset, style: Style(.warning, .bold))
        }
    }

    /// The message in the pieces it may be broken into.
    private static func pieces(minimum: TerminalSize, actual: TerminalSize) -> [String] {
        ["终端太小：", "至少需要 \(minimum.width)×\(minimum.height)，", "当前 \(actual.width)×\(actual.height)"]
    }
}
