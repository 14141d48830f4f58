/// A terminal colour: the terminal's own default or an xterm palette index (0–255).
///
/// Themes are written for 256 colours; many SSH clients and `TERM=screen` offer 8. Rather
/// than ship two themes, a backend reduces each colour to the nearest one it has.
public enum TerminalColor: Hashable, Sendable {
    /// Whatever the terminal uses when no colour is asked for (keeps transparent backgrounds).
    case terminalDefault
    /// xterm palette index: 0–7 basic, 8–15 bright, 16–231 a 6×6×6 cube, 232–255 greys.
    case indexed(Int)

    public static let black = TerminalColor.indexed(0)
    public static let red = TerminalColor.indexed(1)
    public static let green = TerminalColor.indexed(2)
    public static let yellow = TerminalColor.indexed(3)
    public static let blue = TerminalColor.indexed(4)
    public static let magenta = TerminalColor.indexed(5)
    public static let cyan = TerminalColor.indexed(6)
    public static let white = TerminalColor.indexed(7)

    /// This colour on a terminal with `count` colours: unchanged when it exists there,
    /// otherwise the nearest of the 16 (or 8) basic colours; `terminalDefault` when the
    /// terminal has no colours or the index is out of range.
    public func reduced(toColorCount count: Int) -> TerminalColor {
        guard case .indexed(let index) = self else { return self }
        guard count > 0, index >= 0, index < 256 else { return .terminalDefault }
        if index < count { return self }
        if index < 16 && count >= 8 { return .indexed(index - 8) }
        let target = Self.rgb(of: index)
        let candidates = count >= 16 ? 16 : min(count, 8)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<candidates {
            let rgb = Self.rgb(of: candidate)
            let distance = (rgb.0 - target.0) * (rgb.0 - target.0)
                + (rgb.1 - target.1) * (rgb.1 - target.1)
                + (rgb.2 - target.2) * (rgb.2 - target.2)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return .indexed(best)
    }

    /// xterm's default RGB for a palette index (0–255).
    static func rgb(of index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            let basic: [(Int, Int, Int)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
                (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
                (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return basic[index]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
        default:
            let grey = 8 + 10 * (min(index, 255) - 232)
            return (grey, grey, grey)
        }
    }
}
