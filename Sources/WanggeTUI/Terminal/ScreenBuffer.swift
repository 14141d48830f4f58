import WanggeCore
/// A grid of cells that a frame is rendered into before anything reaches the terminal.
///
/// Screens draw into a fresh buffer; `ScreenDiff` compares it with the previous frame and
/// only changed cells go out. Because everything written here is neutralised, clipped by
/// display width and kept inside the grid, a screen cannot corrupt the terminal or overwrite
/// a border, however long or hostile its text. Tests read the result back as text
/// (`textLines()`) and as roles (`styleLines()`) without any terminal.
public struct ScreenBuffer: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// A blank buffer of the given size (negative sizes count as 0).
    public init(width: Int, height: Int, style: Style = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// A blank buffer of `size`.
    public init(size: TerminalSize, style: Style = .normal) {
        self.init(width: size.width, height: size.height, style: style)
    }

    /// The buffer's size.
    public var size: TerminalSize { TerminalSize(width: width, height: height) }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`, or nil outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        guard contains(x: x, y: y) else { return nil }
        return cells[y * width + x]
    }

    /// Whether column `x`, row `y` is inside the buffer.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes `text` on row `y` from column `x` and returns the columns it used.
    ///
    /// The text is neutralised as one line, cut into terminal cells and clipped to
    /// `maxWidth` columns and to the buffer. A wide character never straddles the limit:
    /// when only one column is left for it, that column gets a space in `style` instead
    /// (counted as used). Columns left of 0 are skipped the same way.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .normal
    ) -> Int {
        guard y >= 0, y < height else { return 0 }
        var limit = width
        if let maxWidth {
            guard maxWidth > 0 else { return 0 }
            if x < width - maxWidth { limit = x + maxWidth }
        }
        guard x < limit else { return 0 }
        let start = max(x, 0)
        var column = x
        for cluster in TerminalClusters(TextSanitizer.neutralise(text)) {
            if column + cluster.width > limit {
                if column >= 0 && column < limit {
                    place(.blank(style), x: column, y: y)
                    column += 1
                }
                break
            }
            if column < 0 {
                // Hidden left of the buffer; a wide character cut by the edge leaves a space.
                for padding in 0..<max(0, column + cluster.width) {
                    place(.blank(style), x: padding, y: y)
                }
            } else if cluster.width == 2 {
                placeWide(cluster.text, x: column, y: y, style: style)
            } else {
                place(Cell(grapheme: cluster.text, width: 1, style: style), x: column, y: y)
            }
            column += cluster.width
        }
        return max(0, column - start)
    }

    /// Fills the part of `rect` inside the buffer with `character` (a space unless it is one
    /// printable column wide) in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        var iterator = TerminalClusters(TextSanitizer.neutralise(String(character)))
        var grapheme = " "
        if let cluster = iterator.next(), cluster.width == 1, iterator.next() == nil {
            grapheme = cluster.text
        }
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(grapheme: grapheme, width: 1, style: style)
        for row in area.y..<(area.y + area.height) {
            for column in area.x..<(area.x + area.width) {
                place(cell, x: column, y: row)
            }
        }
    }

    /// Blanks `rect` (plain spaces).
    public mutating func clear(_ rect: Rect) {
        fill(rect, style: .normal)
    }

    /// Blanks the whole buffer.
    public mutating func clear() {
        cells = Array(repeating: .blank(), count: width * height)
    }

    /// Gives every cell of `rect` the style `style` without changing its text (for example
    /// to highlight a selected row after drawing it).
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<(area.y + area.height) {
            for column in area.x..<(area.x + area.width) {
                cells[row * width + column].style = style
            }
        }
    }

    /// The text of each row, one `String` per row; a wide character appears once.
    /// Every line is exactly `width` columns wide, which is what golden snapshots compare.
    public func textLines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for cell in cells[(row * width)..<((row + 1) * width)] where !cell.isContinuation {
                line += cell.grapheme
            }
            return line
        }
    }

    /// One letter per cell naming its role (`Style.Role.snapshotLetter`), so a snapshot can
    /// assert what each column means; both halves of a wide character carry its letter.
    public func styleLines() -> [String] {
        (0..<height).map { row in
            String(cells[(row * width)..<((row + 1) * width)].map(\.style.role.snapshotLetter))
        }
    }

    /// Copies the cells of `run` from `source` (same position) into this buffer, clipped.
    /// Used by in-memory backends that mirror what a terminal received.
    mutating func copy(_ run: ScreenDiff.Run, from source: ScreenBuffer) {
        guard run.y >= 0, run.y < height, run.y < source.height else { return }
        let first = max(0, run.x)
        let last = min(run.x + run.length, width, source.width)
        guard first < last else { return }
        for column in first..<last {
            cells[run.y * width + column] = source.cells[run.y * source.width + column]
        }
    }

    /// Stores a one-column cell, first breaking any wide character it lands on.
    mutating func place(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        breakWideCharacter(x: x, y: y)
        cells[y * width + x] = cell
    }

    /// Stores a two-column character and its continuation; a space if it does not fit.
    private mutating func placeWide(_ grapheme: String, x: Int, y: Int, style: Style) {
        guard contains(x: x, y: y) else { return }
        guard x + 1 < width else {
            place(.blank(style), x: x, y: y)
            return
        }
        breakWideCharacter(x: x, y: y)
        breakWideCharacter(x: x + 1, y: y)
        cells[y * width + x] = Cell(grapheme: grapheme, width: 2, style: style)
        cells[y * width + x + 1] = .continuation(style)
    }

    /// Before (x, y) is overwritten: if it holds half of a wide character, the other half
    /// becomes a space, so no half character is ever left behind.
    private mutating func breakWideCharacter(x: Int, y: Int) {
        let index = y * width + x
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if cell.width == 2, x + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
    }
}
