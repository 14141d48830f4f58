import WanggeCore
/// Cutting and padding text by display width, for columns and cards.
///
/// Everything measures with `DisplayWidth.of`, the same function `ScreenBuffer.put` draws
/// with, so a padded Chinese cell ends exactly where the next column starts.
public enum TextFit {
    /// The mark ending a cut text. ASCII on purpose: `…` is East Asian "ambiguous" width,
    /// two columns in some CJK terminals, which would push every later column out of line.
    public static let cutMark = "~"

    /// `text` cut to at most `width` columns; when cut, the last column shows `cutMark`
    /// so that a shortened title says so. Never splits a wide character: a cut that would
    /// land in one leaves a space.
    public static func clip(_ text: String, _ width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        let (head, more) = bounded(text, columns: width)
        let clean = TextSanitizer.neutralise(head)
        if !more, DisplayWidth.of(clean) <= width { return clean }
        let room = ellipsis ? width - 1 : width
        var result = ""
        var used = 0
        for cluster in TerminalClusters(clean) {
            if used + cluster.width > room { break }
            result += cluster.text
            used += cluster.width
        }
        if used < room { result += String(repeating: " ", count: room - used) }
        return ellipsis ? result + cutMark : result
    }

    /// `text` clipped and padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, _ width: Int, alignRight: Bool = false) -> String {
        let clipped = clip(text, width)
        let gap = max(0, width - DisplayWidth.of(clipped))
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + clipped : clipped + spaces
    }

    /// Splits `text` into lines of at most `width` columns (breaking anywhere, as Chinese
    /// has no spaces), at most `maxLines`; the last line ends in `cutMark` when text is left.
    public static func wrap(_ text: String, _ width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        let (head, _) = maxLines == .max ? (text, false) : bounded(text, columns: width * maxLines)
        let clusters = Array(TerminalClusters(TextSanitizer.neutralise(head)))
        for (index, cluster) in clusters.enumerated() {
            if used + cluster.width > width {
                lines.append(line)
                if lines.count == maxLines {
                    // The last line shows that text is left: `clip` needs only a little of it.
                    let rest = clusters[index..<min(clusters.count, index + width + 1)].map(\.text).joined()
                    if !rest.isEmpty { lines[lines.count - 1] = clip(line + rest, width) }
                    return lines
                }
                line = ""
                used = 0
            }
            line += cluster.text
            used += cluster.width
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The part of `text` that could show in `columns` columns, and whether more was cut
    /// off: a 100,000-character note costs no more to clip than a title. Every character
    /// takes at least one column once neutralised, except rare zero-width ones, for which
    /// the head keeps four times as many characters as columns.
    static func bounded(_ text: String, columns: Int) -> (head: String, more: Bool) {
        let limit = max(0, columns) * 4 + 8
        guard text.utf8.count > limit else { return (text, false) }
        let head = text.prefix(limit)
        return head.endIndex == text.endIndex ? (text, false) : (String(head), true)
    }
}
