/// A one-line text field: what the filter, the command line and form fields are typed into.
///
/// Positions count `Character`s, so a Chinese character typed through an input method is
/// one step for the cursor keys and Backspace, however many columns it takes.
public struct LineEditor: Hashable, Sendable {
    /// The text typed so far.
    public private(set) var characters: [Character]
    /// Where the next character goes: 0…characters.count.
    public private(set) var cursor: Int

    /// An editor holding `text`, cursor at the end.
    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The text as a string.
    public var text: String { String(characters) }

    /// Replaces the text, cursor at the end.
    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// Applies an editing key; returns false when the key is not an editing key (so the
    /// caller can treat it: Enter, Esc, Tab, arrows up and down…).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let character):
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = characters.count
        case .ctrl("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"):
            characters.removeLast(characters.count - cursor)
        case .ctrl("w"):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Draws the field at (x, y) in `width` columns: the text scrolled so the cursor shows,
    /// the cursor cell in reverse when `focused`.
    public func render(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, style: Style, focused: Bool) {
        guard width > 0 else { return }
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        // Scroll: keep the cursor (and one column for it) inside the field.
        var start = 0
        func columns(_ from: Int, _ to: Int) -> Int {
            characters[from..<to].reduce(0) { $0 + max(1, DisplayWidth.of($1)) }
        }
        while start < cursor && columns(start, cursor) + 1 > width { start += 1 }
        buffer.put(String(characters[start...]), x: x, y: y, maxWidth: width, style: style)
        guard focused else { return }
        let cursorX = x + columns(start, cursor)
        if cursorX < x + width {
            var cursorStyle = style
            cursorStyle.attributes.insert(.reverse)
            if cursor < characters.count {
                buffer.put(String(characters[cursor]), x: cursorX, y: y, maxWidth: x + width - cursorX, style: cursorStyle)
            } else {
                buffer.put(" ", x: cursorX, y: y, maxWidth: 1, style: cursorStyle)
            }
        }
    }
}
