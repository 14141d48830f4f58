/// One column of the screen.
///
/// A wide (2-column) character lives in its own cell followed by a continuation cell, so
/// that column arithmetic stays simple (x is always a column) and nothing can be written
/// into the right half of a Chinese character without the buffer noticing.
public struct Cell: Hashable, Sendable {
    /// What the terminal draws here: one spacing character and up to four zero-width marks
    /// (see `TerminalCluster`). Empty in a continuation cell.
    public var grapheme: String
    /// Columns the grapheme takes: 1 or 2, and 0 for the continuation of a wide character.
    public var width: Int
    /// The role and emphasis of this cell.
    public var style: Style

    /// A cell holding `grapheme`, which must be one terminal cluster of `width` columns.
    public init(grapheme: String, width: Int, style: Style = .normal) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// An empty (space) cell.
    public static func blank(_ style: Style = .normal) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The right half of the wide character in the cell to the left.
    public static func continuation(_ style: Style) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    /// Whether this cell is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
