/// A named set of paints for the console's semantic roles, loaded from `Themes/*.toml`.
///
/// Screens only ever name roles (`Style.Role`); a theme decides how each looks. The
/// monochrome palette is what a terminal without colours (or `NO_COLOR`) shows, so every
/// theme keeps the roles apart by attributes there too.
public struct Theme: Hashable, Sendable {
    /// The name people type after `--theme` or `:theme`.
    public var name: String
    /// One line saying what the theme is for.
    public var summary: String
    /// Paints where the terminal has colours.
    public var palette: Palette
    /// Paints where it has none.
    public var monochrome: Palette
    /// Box characters: `ascii` for terminals that draw box characters two columns wide.
    public var glyphs: BoxGlyphs

    /// A theme painting `palette` (and `monochrome` without colours).
    public init(
        name: String, summary: String = "", palette: Palette, monochrome: Palette = .monochrome, glyphs: BoxGlyphs = .light
    ) {
        self.glyphs = glyphs
        self.name = name
        self.summary = summary
        self.palette = palette
        self.monochrome = monochrome
    }

    /// The built-in palette, used when no theme file can be read.
    public static let fallback = Theme(name: "dark", summary: "built-in", palette: .standard)
}

extension Style.Role {
    /// The key naming this role in a theme file: `overdue`, `level_grid`, `status_bar`…
    public var themeKey: String {
        switch self {
        case .normal: "normal"
        case .dim: "dim"
        case .title: "title"
        case .header: "header"
        case .selected: "selected"
        case .overdue: "overdue"
        case .warning: "warning"
        case .ok: "ok"
        case .levelGrid: "level_grid"
        case .levelCommunity: "level_community"
        case .levelStreet: "level_street"
        case .levelDepartment: "level_department"
        case .exclusiveGrid: "exclusive_grid"
        case .border: "border"
        case .statusBar: "status_bar"
        case .tagged: "tagged"
        case .newCase: "new_case"
        case .error: "error"
        case .accent: "accent"
        }
    }
}
