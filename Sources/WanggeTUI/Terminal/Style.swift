/// How a cell looks, said by what it means rather than by colour.
///
/// Screens say "this is overdue" or "this is the selected row"; a theme (or the monochrome
/// fallback under `NO_COLOR`) decides what that looks like. Keeping colours out of the
/// buffer lets golden snapshots assert meaning (`styleLines()`) and lets a theme change
/// without touching a screen.
public struct Style: Hashable, Sendable {
    /// The meaning of a cell. A palette maps each role to colours and attributes.
    public enum Role: UInt8, CaseIterable, Hashable, Sendable {
        case normal
        case dim
        case title
        case header
        case selected
        case overdue
        case warning
        case ok
        case levelGrid
        case levelCommunity
        case levelStreet
        case levelDepartment
        case exclusiveGrid
        case border
        case statusBar
        case tagged
        case newCase
        case error
        case accent

        /// One letter per role for `ScreenBuffer.styleLines()` snapshots.
        public var snapshotLetter: Character {
            switch self {
            case .normal: "."
            case .dim: "d"
            case .title: "T"
            case .header: "H"
            case .selected: "S"
            case .overdue: "O"
            case .warning: "W"
            case .ok: "K"
            case .levelGrid: "g"
            case .levelCommunity: "c"
            case .levelStreet: "s"
            case .levelDepartment: "p"
            case .exclusiveGrid: "x"
            case .border: "b"
            case .statusBar: "B"
            case .tagged: "t"
            case .newCase: "n"
            case .error: "E"
            case .accent: "A"
            }
        }
    }

    /// Emphasis added on top of what the palette gives the role.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let reverse = Attributes(rawValue: 1 << 1)
        public static let underline = Attributes(rawValue: 1 << 2)
        /// Fainter text; palettes use it for the `dim` role where colours are off.
        public static let dim = Attributes(rawValue: 1 << 3)
    }

    /// What the cell means.
    public var role: Role
    /// Extra emphasis for this cell.
    public var attributes: Attributes

    /// A style for `role`, with optional extra emphasis.
    public init(_ role: Role = .normal, _ attributes: Attributes = []) {
        self.role = role
        self.attributes = attributes
    }

    /// Plain text: the style of an empty cell.
    public static let normal = Style()
}
