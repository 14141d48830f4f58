/// Kinds of grid (网格). Exclusive grids (专属网格) cover one institution and are drawn
/// apart on the map; all-purpose grids (全科网格) absorb the separate specialised grids.
public enum GridKind: String, Codable, Sendable, CaseIterable {
    case basic
    case school
    case hospital
    case market
    case enterprise
    case allPurpose = "all_purpose"

    /// Exclusive grids are the institution grids; the rest are residential.
    public var isExclusive: Bool {
        switch self {
        case .school, .hospital, .market, .enterprise: true
        case .basic, .allPurpose: false
        }
    }
}

/// A position on the map layout, in tile units; tiles are laid out left to right,
/// top to bottom by the console.
public struct MapPosition: Hashable, Codable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

public struct Street: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var county: String
    public init(code: String, name: String, county: String) {
        self.code = code; self.name = name; self.county = county
    }
}

public struct Community: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var street: String
    public var position: MapPosition?
    public init(code: String, name: String, street: String, position: MapPosition? = nil) {
        self.code = code; self.name = name; self.street = street; self.position = position
    }
}

/// 片区: an optional group of grids inside a community.
public struct Section: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var community: String
    public init(code: String, name: String, community: String) {
        self.code = code; self.name = name; self.community = community
    }
}

public struct Building: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var households: Int
    public init(code: String, name: String, households: Int) {
        self.code = code; self.name = name; self.households = households
    }
}

/// 网格: the unit of work, about 300 households.
public struct Grid: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var community: String
    public var section: String?
    public var kind: GridKind
    public var households: Int
    public var residents: Int
    public var position: MapPosition?
    public var buildings: [Building]

    public init(
        code: String, name: String, community: String, section: String? = nil, kind: GridKind = .basic,
        households: Int = 0, residents: Int = 0, position: MapPosition? = nil, buildings: [Building] = []
    ) {
        self.code = code; self.name = name; self.community = community; self.section = section
        self.kind = kind; self.households = households; self.residents = residents
        self.position = position; self.buildings = buildings
    }
}

/// Who can act as a handler besides a person: a functional department (部门) of the
/// county, or a property company / utility (物业).
public enum UnitKind: String, Codable, Sendable, CaseIterable {
    case department
    case property
}

public struct Unit: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var kind: UnitKind
    public init(code: String, name: String, kind: UnitKind) {
        self.code = code; self.name = name; self.kind = kind
    }
}

/// A person known to the console, identified by their OS login on the shared host.
public struct Person: Hashable, Codable, Sendable {
    public var login: String
    public var name: String
    public var role: Role
    public var scope: Scope
    public var phone: String?

    public init(login: String, name: String, role: Role, scope: Scope, phone: String? = nil) {
        self.login = login; self.name = name; self.role = role; self.scope = scope; self.phone = phone
    }
}

/// The whole organisation: county → street → community → (section) → grid → building,
/// plus departments, property companies and people. Built once from configuration and
/// then only read, so lookups are precomputed dictionaries.
public struct Organisation: Sendable {
    public var county: String
    public private(set) var streets: [Street]
    public private(set) var communities: [Community]
    public private(set) var sections: [Section]
    public private(set) var grids: [Grid]
    public private(set) var units: [Unit]
    public private(set) var people: [Person]

    private var gridIndex: [String: Int] = [:]
    private var communityIndex: [String: Int] = [:]
    private var unitIndex: [String: Int] = [:]
    private var personIndex: [String: Int] = [:]
    private var streetIndex: [String: Int] = [:]

    public init(
        county: String, streets: [Street], communities: [Community], sections: [Section] = [],
        grids: [Grid], units: [Unit], people: [Person]
    ) {
        self.county = county
        self.streets = streets
        self.communities = communities
        self.sections = sections
        self.grids = grids
        self.units = units
        self.people = people
        for (i, s) in streets.enumerated() { streetIndex[s.code] = i }
        for (i, c) in communities.enumerated() { communityIndex[c.code] = i }
        for (i, g) in grids.enumerated() { gridIndex[g.code] = i }
        for (i, u) in units.enumerated() { unitIndex[u.code] = i }
        for (i, p) in people.enumerated() { personIndex[p.login] = i }
    }

    public func grid(_ code: String) -> Grid? { gridIndex[code].map { grids[$0] } }
    public func community(_ code: String) -> Community? { communityIndex[code].map { communities[$0] } }
    public func street(_ code: String) -> Street? { streetIndex[code].map { streets[$0] } }
    public func unit(_ code: String) -> Unit? { unitIndex[code].map { units[$0] } }
    public func person(_ login: String) -> Person? { personIndex[login].map { people[$0] } }

    /// The community and street a grid belongs to, for scope checks and roll-ups.
    public func place(ofGrid code: String) -> (community: String, street: String)? {
        guard let grid = grid(code), let community = community(grid.community) else { return nil }
        return (community.code, community.street)
    }

    public func grids(inCommunity code: String) -> [Grid] { grids.filter { $0.community == code } }

    public var departments: [Unit] { units.filter { $0.kind == .department } }

    /// Display name of a handler, for timelines and queues.
    public func displayName(of handler: Handler) -> String {
        switch handler {
        case .person(let login): person(login)?.name ?? login
        case .unit(let code): unit(code)?.name ?? code
        }
    }

    public func displayName(ofLogin login: String) -> String {
        if let person = person(login) { return person.name }
        for system in [Person.escalationEngine, Person.importer] where system.login == login { return system.name }
        return login
    }
}
