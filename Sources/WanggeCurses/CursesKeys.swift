@preconcurrency import CNCurses
import WanggeTUI

/// Names the key codes ncursesw reports with `KEY_CODE_YES` (keypad mode).
enum CursesKeys {
    /// The key for a `get_wch` key code, `.unknown` for codes the console has no use for.
    static func key(forCode code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            let functionKey = code - wangge_key_f(0)
            if functionKey >= 1 && functionKey <= 63 { return .function(Int(functionKey)) }
            return .unknown(Int(code))
        }
    }
}
