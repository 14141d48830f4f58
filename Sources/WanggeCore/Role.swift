/// The roles of DOMAIN.md §2. What each may do is decided by `Permissions`.
public enum Role: String, Codable, Sendable, CaseIterable {
    case gridWorker = "grid_worker"          // 专职网格员
    case partTimeWorker = "part_time_worker" // 兼职网格员
    case gridLeader = "grid_leader"          // 网格长
    case liaison                             // 网格联络员 (a department's or property company's person)
    case dispatcher                          // 派遣员
    case supervisor                          // 值班长 / 督办
    case leader                              // 领导
    case evaluator                           // 考核员
    case admin                               // 管理员

    public var chineseName: String {
        switch self {
        case .gridWorker: "专职网格员"
        case .partTimeWorker: "兼职网格员"
        case .gridLeader: "网格长"
        case .liaison: "部门联络员"
        case .dispatcher: "派遣员"
        case .supervisor: "督办员"
        case .leader: "领导"
        case .evaluator: "考核员"
        case .admin: "管理员"
        }
    }
}

/// Where a person may see and act: some grids, a community, a street, a unit
/// (department or property company), or the whole county.
public enum Scope: Hashable, Codable, Sendable, CustomStringConvertible {
    case county
    case street(String)
    case community(String)
    case grids([String])
    case unit(String)

    /// Parses the configuration / command-line form: `county`, `street:S01`,
    /// `community:C0101`, `grids:G010101,G010102`, `unit:D-PS`.
    public init?(text: String) {
        if text == "county" { self = .county; return }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let kind = text[..<colon]
        let value = String(text[text.index(after: colon)...])
        guard !value.isEmpty else { return nil }
        switch kind {
        case "street": self = .street(value)
        case "community": self = .community(value)
        case "grids", "grid": self = .grids(value.split(separator: ",").map(String.init))
        case "unit", "department": self = .unit(value)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .county: "county"
        case .street(let s): "street:\(s)"
        case .community(let c): "community:\(c)"
        case .grids(let g): "grids:\(g.joined(separator: ","))"
        case .unit(let u): "unit:\(u)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let scope = Scope(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad scope \(text)"))
        }
        self = scope
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
