/// A key press (or terminal event) as the console's key bindings see it.
///
/// Backends translate whatever their terminal library reports into this, so key bindings,
/// screens and their tests never see ncurses codes or escape sequences.
public enum Key: Hashable, Sendable {
    /// A printable character, including Chinese typed through an input method.
    case char(Character)
    /// Arrow keys.
    case up, down, left, right
    /// Paging and jumping keys.
    case pageUp, pageDown, home, end
    /// Editing and confirming keys; `backTab` is Shift-Tab.
    case enter, escape, backspace, tab, backTab, delete, insert
    /// F1…F12 (and beyond where the terminal has them).
    case function(Int)
    /// Control plus a key, named by the lower-case letter or the symbol: `.ctrl("c")`,
    /// `.ctrl("z")`, `.ctrl("@")`. Tab, Enter, Backspace and Escape have their own cases.
    case ctrl(Character)
    /// Alt (Meta) plus a character, sent by terminals as ESC followed by the character.
    case alt(Character)
    /// The terminal changed size; the next frame must be rendered at the new size.
    case resize
    /// A key the backend could not name (its raw code, for logs and diagnostics).
    case unknown(Int)

    /// The key for a character read from a raw-mode terminal (no translation of CR, ^C, ^Z).
    ///
    /// CR is Enter, LF is Ctrl-J, BS and DEL are Backspace, TAB is Tab, ESC is Escape, the
    /// other C0 controls are `.ctrl`, C1 controls are `.unknown` and everything else is
    /// `.char`.
    public static func fromInput(_ scalar: Unicode.Scalar) -> Key {
        let value = scalar.value
        switch value {
        case 0x0D: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x00: return .ctrl("@")
        case 0x01...0x1A:
            return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x1C: return .ctrl("\\")
        case 0x1D: return .ctrl("]")
        case 0x1E: return .ctrl("^")
        case 0x1F: return .ctrl("_")
        case 0x80...0x9F: return .unknown(Int(value))
        default: return .char(Character(scalar))
        }
    }
}
