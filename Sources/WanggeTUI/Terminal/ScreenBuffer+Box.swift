/// The characters a box is drawn with.
///
/// Box-drawing characters are East Asian "ambiguous" width: one column under glibc (and in
/// tmux and most terminals), two in some CJK terminal settings. `.ascii` is there for those.
public struct BoxGlyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    /// A set of box glyphs; each must be one column wide.
    public init(
        horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
        bottomLeft: Character, bottomRight: Character
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    /// ┌─┐ │ └─┘
    public static let light = BoxGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    /// ╭─╮ │ ╰─╯
    public static let rounded = BoxGlyphs(
        horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
    /// +-+ | +-+ for terminals that draw box characters two columns wide.
    public static let ascii = BoxGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}

extension ScreenBuffer {
    /// Draws the outline of `rect` (the parts inside the buffer) and, when given, `title` on
    /// the top edge as " title ", clipped so that it never covers a corner.
    public mutating func drawBox(
        _ rect: Rect, title: String? = nil, style: Style = Style(.border),
        titleStyle: Style = Style(.title), glyphs: BoxGlyphs = .light
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        func glyph(_ character: Character, _ x: Int, _ y: Int) {
            place(Cell(grapheme: String(character), width: 1, style: style), x: x, y: y)
        }
        let firstColumn = max(rect.x + 1, 0)
        let endColumn = min(right, width)
        if firstColumn < endColumn {
            for x in firstColumn..<endColumn {
                glyph(glyphs.horizontal, x, rect.y)
                glyph(glyphs.horizontal, x, bottom)
            }
        }
        let firstRow = max(rect.y + 1, 0)
        let endRow = min(bottom, height)
        if firstRow < endRow {
            for y in firstRow..<endRow {
                glyph(glyphs.vertical, rect.x, y)
                glyph(glyphs.vertical, right, y)
            }
        }
        glyph(glyphs.topLeft, rect.x, rect.y)
        glyph(glyphs.topRight, right, rect.y)
        glyph(glyphs.bottomLeft, rect.x, bottom)
        glyph(glyphs.bottomRight, right, bottom)
        if let title, !title.isEmpty, rect.width > 4 {
            put(" " + title + " ", x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, style: titleStyle)
        }
    }
}
