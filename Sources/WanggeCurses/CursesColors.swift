@preconcurrency import CNCurses
import WanggeTUI

/// Which colours the terminal offers the console.
public enum ColorSupport: Hashable, Sendable {
    /// No colours: `NO_COLOR` is set, or the terminal has none. Roles are told apart by
    /// attributes (the monochrome palette).
    case none(noColorRequested: Bool)
    /// `count` colours (8, 16 or 256 and more); `defaultBackground` when the terminal's own
    /// default colours (and so transparent backgrounds) can be used.
    case colors(count: Int, defaultBackground: Bool)
}

/// Turns a palette into ncursesw colour pairs and attributes, one pair per role.
struct CursesColors {
    let support: ColorSupport
    /// Per role (by raw value): the colour pair and attributes to draw with.
    private(set) var pairs: [Int16]
    private(set) var attributes: [attr_t]

    /// Starts colours when the terminal has them and `NO_COLOR` is not set.
    static func start(noColorRequested: Bool) -> ColorSupport {
        guard !noColorRequested else { return .none(noColorRequested: true) }
        guard has_colors() else { return .none(noColorRequested: false) }
        guard start_color() == OK, COLORS > 0 else { return .none(noColorRequested: false) }
        let defaultBackground = use_default_colors() == OK
        return .colors(count: Int(COLORS), defaultBackground: defaultBackground)
    }

    init(support: ColorSupport) {
        self.support = support
        let count = Style.Role.allCases.count
        pairs = Array(repeating: 0, count: count)
        attributes = Array(repeating: wangge_attr_normal(), count: count)
    }

    /// Applies `palette` where there are colours, `monochrome` where there are none.
    mutating func apply(_ palette: Palette, monochrome: Palette) {
        for role in Style.Role.allCases {
            let index = Int(role.rawValue)
            switch support {
            case .none:
                pairs[index] = 0
                attributes[index] = Self.attributes(for: monochrome[role].attributes)
            case .colors(let count, let defaultBackground):
                let paint = palette[role]
                let pair = Int16(index + 1)
                let foreground = Self.colorNumber(
                    paint.foreground, count: count, defaultBackground: defaultBackground, fallback: COLOR_WHITE)
                let background = Self.colorNumber(
                    paint.background, count: count, defaultBackground: defaultBackground, fallback: COLOR_BLACK)
                if Int32(pair) < COLOR_PAIRS, init_pair(pair, foreground, background) == OK {
                    pairs[index] = pair
                } else {
                    pairs[index] = 0
                }
                attributes[index] = Self.attributes(for: paint.attributes)
            }
        }
    }

    /// The ncurses attributes for `style`: its role's plus its own.
    func cursesAttributes(for style: Style) -> (attr_t, Int16) {
        let index = Int(style.role.rawValue)
        return (attributes[index] | Self.attributes(for: style.attributes), pairs[index])
    }

    private static func colorNumber(
        _ color: TerminalColor, count: Int, defaultBackground: Bool, fallback: Int32
    ) -> Int16 {
        switch color.reduced(toColorCount: count) {
        case .terminalDefault:
            return Int16(defaultBackground ? -1 : fallback)
        case .indexed(let index):
            return Int16(clamping: index)
        }
    }

    static func attributes(for attributes: Style.Attributes) -> attr_t {
        var result = wangge_attr_normal()
        if attributes.contains(.bold) { result |= wangge_attr_bold() }
        if attributes.contains(.reverse) { result |= wangge_attr_reverse() }
        if attributes.contains(.underline) { result |= wangge_attr_underline() }
        if attributes.contains(.dim) { result |= wangge_attr_dim() }
        return result
    }
}
