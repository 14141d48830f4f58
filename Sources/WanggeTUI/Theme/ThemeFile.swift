import WanggeTOML

/// Reads a theme from TOML: `name`, `summary`, then one inline table per role under
/// `[roles]` (and optionally `[monochrome]`; `box` picks light, rounded or ascii borders), each with `fg`, `bg` and `attrs`:
///
/// ```toml
/// name = "dark"
/// [roles]
/// overdue = { fg = 196, attrs = ["bold"] }
/// selected = { fg = "black", bg = "#5fafd7" }
/// ```
///
/// Colours are `"default"`, a basic name (`red`, `bright-red`…), an xterm index 0–255 or
/// `"#rrggbb"` (taken to the nearest xterm colour). Every mistake is a `TOMLError` naming
/// file:line:column, so a broken theme can be reported exactly and the console can fall back.
public enum ThemeFile {
    static let attributeNames: [String: Style.Attributes] = [
        "bold": .bold, "reverse": .reverse, "underline": .underline, "dim": .dim,
    ]
    static let colorNames: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "grey": 8, "gray": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses `text` (named `file` in errors). Roles left out keep the built-in paint.
    public static func parse(_ text: String, file: String?) throws(TOMLError) -> Theme {
        let root = try TOMLFields.parse(text, file: file)
        try root.rejectUnknownKeys(allowed: ["name", "summary", "box", "roles", "monochrome"])
        let name = try root.string("name")
        let summary = try root.optionalString("summary") ?? ""
        var palette = Palette.standard
        if let roles = try root.optionalTable("roles") {
            try read(roles, into: &palette, allowColors: true)
        }
        var monochrome = Palette.monochrome
        if let mono = try root.optionalTable("monochrome") {
            try read(mono, into: &monochrome, allowColors: false)
        }
        var glyphs = BoxGlyphs.light
        switch try root.optionalString("box") ?? "light" {
        case "light": glyphs = .light
        case "rounded": glyphs = .rounded
        case "ascii": glyphs = .ascii
        case let other: throw root.error("\"box\" 的值 \"\(other)\" 无效（可选值：light、rounded、ascii）", at: "box")
        }
        return Theme(name: name, summary: summary, palette: palette, monochrome: monochrome, glyphs: glyphs)
    }

    private static func read(_ table: TOMLFields, into palette: inout Palette, allowColors: Bool) throws(TOMLError) {
        let byKey = Dictionary(uniqueKeysWithValues: Style.Role.allCases.map { ($0.themeKey, $0) })
        try table.rejectUnknownKeys(allowed: Set(byKey.keys))
        for key in table.keys {
            guard let role = byKey[key] else { continue }
            let paint = try table.table(key)
            try paint.rejectUnknownKeys(allowed: allowColors ? ["fg", "bg", "attrs"] : ["attrs"])
            var result = RolePaint()
            if allowColors {
                result.foreground = try color(paint, "fg")
                result.background = try color(paint, "bg")
            }
            for name in try paint.optionalStringArray("attrs") ?? [] {
                guard let attribute = attributeNames[name] else {
                    throw paint.error("未知的属性 \"\(name)\"（可用：bold、dim、reverse、underline）", at: "attrs")
                }
                result.attributes.insert(attribute)
            }
            palette[role] = result
        }
    }

    private static func color(_ paint: TOMLFields, _ key: String) throws(TOMLError) -> TerminalColor {
        guard let node = paint.table[key] else { return .terminalDefault }
        switch node.value {
        case .integer(let index):
            guard (0...255).contains(index) else { throw paint.error("颜色编号 \(index) 应在 0 到 255 之间", at: key) }
            return .indexed(Int(index))
        case .string(let text):
            if text == "default" { return .terminalDefault }
            if let index = colorNames[text] { return .indexed(index) }
            if let index = hexColor(text) { return .indexed(index) }
            throw paint.error("无法识别的颜色 \"\(text)\"（可用 default、red、bright-red、0–255 或 \"#rrggbb\"）", at: key)
        default:
            throw paint.error("\"\(key)\" 应为颜色名、0–255 的编号或 \"#rrggbb\"，实际是\(node.value.typeName)", at: key)
        }
    }

    /// The xterm-256 index nearest to `#rrggbb`, or nil when `text` is not that form.
    static func hexColor(_ text: String) -> Int? {
        guard text.count == 7, text.first == "#", let value = Int(text.dropFirst(), radix: 16) else { return nil }
        let target = (value >> 16, (value >> 8) & 0xFF, value & 0xFF)
        var best = 16
        var bestDistance = Int.max
        for index in 16..<256 {
            let rgb = TerminalColor.rgb(of: index)
            let distance = (rgb.0 - target.0) * (rgb.0 - target.0) + (rgb.1 - target.1) * (rgb.1 - target.1)
                + (rgb.2 - target.2) * (rgb.2 - target.2)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }
}
