import WanggeCore
/// One terminal cell's worth of text: a spacing scalar and the zero-width marks that follow
/// it, with the columns it takes (1 or 2).
public struct TerminalCluster: Hashable, Sendable {
    /// The scalars of the cell, base first.
    public var text: String
    /// 1 or 2 columns.
    public var width: Int
}

/// Cuts already-neutralised text into the cells a terminal would draw.
///
/// A terminal does not know grapheme clusters: it gives every scalar with a non-zero
/// `wcwidth` its own cell and stacks zero-width scalars onto the cell before. ncursesw's
/// `cchar_t` works the same way (one spacing character plus up to four combining ones). So
/// the buffer cuts text by `wcwidth`, not by Swift's `Character`: a flag made of two
/// regional indicators is two cells here because it is two cells on the terminal.
/// Marks beyond `maximumMarks` are dropped ("Zalgo" text cannot grow a cell), a mark with
/// nothing before it sits on a space, and an unprintable scalar (which the sanitiser should
/// already have replaced) becomes U+FFFD.
public struct TerminalClusters: Sequence, IteratorProtocol {
    /// Zero-width marks kept on one cell: ncursesw's `CCHARW_MAX` (5) minus the base.
    public static let maximumMarks = 4

    private var scalars: String.UnicodeScalarView.Iterator
    private var pending: Unicode.Scalar?

    /// Cells of `text`, which should come from `TextSanitizer.neutralise`.
    public init(_ text: String) {
        scalars = text.unicodeScalars.makeIterator()
        pending = scalars.next()
    }

    public mutating func next() -> TerminalCluster? {
        guard let first = pending else { return nil }
        pending = scalars.next()
        var text = ""
        var width = DisplayWidth.of(first)
        var marks = 0
        switch width {
        case 1, 2:
            text.unicodeScalars.append(first)
        case 0:
            // A mark with no base: put it on a space so that it still shows and takes a cell.
            text.unicodeScalars.append(" ")
            text.unicodeScalars.append(first)
            width = 1
            marks = 1
        default:
            text.unicodeScalars.append("\u{FFFD}")
            width = 1
        }
        while let scalar = pending, DisplayWidth.of(scalar) == 0 {
            if marks < Self.maximumMarks {
                text.unicodeScalars.append(scalar)
                marks += 1
            }
            pending = scalars.next()
        }
        return TerminalCluster(text: text, width: width)
    }
}
