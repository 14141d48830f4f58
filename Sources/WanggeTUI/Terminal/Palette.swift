/// How each role looks: foreground, background and attributes.
public struct RolePaint: Hashable, Sendable {
    /// Text colour.
    public var foreground: TerminalColor
    /// Cell colour.
    public var background: TerminalColor
    /// Emphasis every cell of the role gets (a cell's own attributes are added to it).
    public var attributes: Style.Attributes

    /// A paint; the defaults are the terminal's own colours, no emphasis.
    public init(
        foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
        attributes: Style.Attributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A mapping from roles to paints: what a theme produces and a backend applies.
///
/// Screens only ever name roles; swapping the palette restyles the whole console at once.
/// `monochrome` is what a terminal without colours (or a user with `NO_COLOR` set) gets, so
/// every role must stay distinguishable by attributes alone where it matters.
public struct Palette: Hashable, Sendable {
    /// Paints by role; a role without an entry is painted plainly.
    public var entries: [Style.Role: RolePaint]

    /// A palette painting `entries`' roles and leaving the others plain.
    public init(_ entries: [Style.Role: RolePaint] = [:]) {
        self.entries = entries
    }

    /// The paint for `role`.
    public subscript(role: Style.Role) -> RolePaint {
        get { entries[role] ?? RolePaint() }
        set { entries[role] = newValue }
    }

    /// The built-in palette, using only the 8 basic colours so it works everywhere.
    public static let standard = Palette([
        .normal: RolePaint(),
        .dim: RolePaint(attributes: .dim),
        .title: RolePaint(foreground: .cyan, attributes: .bold),
        .header: RolePaint(attributes: [.bold, .underline]),
        .selected: RolePaint(foreground: .black, background: .cyan),
        .overdue: RolePaint(foreground: .red, attributes: .bold),
        .warning: RolePaint(foreground: .yellow, attributes: .bold),
        .ok: RolePaint(foreground: .green),
        .levelGrid: RolePaint(foreground: .green),
        .levelCommunity: RolePaint(foreground: .cyan),
        .levelStreet: RolePaint(foreground: .yellow),
        .levelDepartment: RolePaint(foreground: .magenta),
        .exclusiveGrid: RolePaint(foreground: .blue, attributes: .bold),
        .border: RolePaint(foreground: .blue),
        .statusBar: RolePaint(foreground: .black, background: .white),
        .tagged: RolePaint(foreground: .magenta, attributes: .bold),
        .newCase: RolePaint(foreground: .green, attributes: .bold),
        .error: RolePaint(foreground: .white, background: .red, attributes: .bold),
        .accent: RolePaint(foreground: .cyan),
    ])

    /// Attributes only, for terminals without colours and for `NO_COLOR`.
    public static let monochrome = Palette([
        .dim: RolePaint(attributes: .dim),
        .title: RolePaint(attributes: .bold),
        .header: RolePaint(attributes: [.bold, .underline]),
        .selected: RolePaint(attributes: .reverse),
        .overdue: RolePaint(attributes: [.bold, .underline]),
        .warning: RolePaint(attributes: .bold),
        .exclusiveGrid: RolePaint(attributes: .underline),
        .statusBar: RolePaint(attributes: .reverse),
        .tagged: RolePaint(attributes: .bold),
        .newCase: RolePaint(attributes: .bold),
        .error: RolePaint(attributes: [.bold, .reverse]),
        .accent: RolePaint(attributes: .bold),
    ])
}
