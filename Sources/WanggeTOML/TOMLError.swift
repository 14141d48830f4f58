/// A place in a TOML document, so that every configuration error can point the
/// person editing the file at the exact spot: `file:line:column`.
///
/// Both numbers are 1-based. `column` counts `Character`s (grapheme clusters) on the
/// line, not bytes or code units, so that a column after Chinese text matches what an
/// editor shows.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    /// Both 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a document; the position of the root table.
    public static let start = SourcePosition(line: 1, column: 1)

    /// Document order: by line, then column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, the form used inside messages ("首次定义于 3:1").
    public var description: String { "\(line):\(column)" }
}

/// The one error type of this module, from the parser and from `TOMLFields` alike,
/// so that callers can show any configuration problem the same way.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name as given to the parser; `nil` when parsing text with no file.
    public var file: String?
    public var position: SourcePosition
    /// A user-facing message, in Chinese.
    public var message: String

    /// For loaders that find problems of their own; `TOMLFields.error(_:at:)` fills
    /// in the file and position for you.
    public init(file: String?, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `org.toml:12:5: message`, or `12:5: message` without a file: the form compilers
    /// use, which editors and terminals can turn into a link to the spot.
    public var description: String {
        if let file {
            return "\(file):\(position.line):\(position.column): \(message)"
        }
        return "\(position.line):\(position.column): \(message)"
    }
}
