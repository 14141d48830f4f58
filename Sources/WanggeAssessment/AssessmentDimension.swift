import WanggeCore

/// What the figures are grouped by (`wangge stats --by`).
///
/// Place groups (grid, community, street) get every figure of the cases reported in
/// them. Worker groups get the case figures of the cases the worker reported and the
/// handler figures of the cases dispatched to them. Department and handler groups get
/// the handler figures of their own work and the case figures of the cases they were
/// the latest handler of.
public enum AssessmentDimension: String, CaseIterable, Sendable, Hashable {
    case grid
    case worker
    case community
    case street
    /// Departments and property companies (units).
    case department
    /// Every handler: units and people.
    case handler

    public var isPlace: Bool { self == .grid || self == .community || self == .street }

    public var chineseName: String {
        switch self {
        case .grid: "网格"
        case .worker: "网格员"
        case .community: "社区"
        case .street: "街道"
        case .department: "部门/物业"
        case .handler: "承办人"
        }
    }
}

/// Maps a case and its handlers to the group keys of one dimension.
public struct AssessmentGrouping: Sendable {
    public let dimension: AssessmentDimension
    let organisation: Organisation
    private let communityOfGrid: [String: String]
    private let streetOfGrid: [String: String]

    public init(dimension: AssessmentDimension, organisation: Organisation) {
        self.dimension = dimension
        self.organisation = organisation
        var communities: [String: String] = [:]
        var streets: [String: String] = [:]
        for grid in organisation.grids {
            if let place = organisation.place(ofGrid: grid.code) {
                communities[grid.code] = place.community
                streets[grid.code] = place.street
            }
        }
        communityOfGrid = communities
        streetOfGrid = streets
    }

    /// The roles whose work the worker dimension counts.
    public static let workerRoles: Set<Role> = [.gridWorker, .partTimeWorker, .gridLeader]

    /// The group a case's own figures go to.
    public func caseKey(_ f: CaseFacts) -> String? {
        switch dimension {
        case .grid: f.grid
        case .community: communityOfGrid[f.grid]
        case .street: streetOfGrid[f.grid]
        case .worker: isWorker(f.reporter) ? f.reporter : nil
        case .department, .handler: f.latestHandler.flatMap { handlerKey($0, of: f) }
        }
    }

    /// The group a handler's work on case `f` goes to: the case's place for place
    /// groups, the handler otherwise.
    public func handlerKey(_ handler: Handler, of f: CaseFacts) -> String? {
        switch dimension {
        case .grid, .community, .street: caseKey(f)
        case .worker:
            if case .person(let login) = handler, isWorker(login) { login } else { nil }
        case .department:
            if case .unit(let code) = handler { code } else { nil }
        case .handler: handler.description
        }
    }

    /// The group of a place-bound record (routine work) made by `worker` in `grid`.
    public func placeKey(grid: String, worker: String) -> String? {
        switch dimension {
        case .grid: grid
        case .community: communityOfGrid[grid]
        case .street: streetOfGrid[grid]
        case .worker: isWorker(worker) ? worker : nil
        case .department, .handler: nil
        }
    }

    private func isWorker(_ login: String) -> Bool {
        organisation.person(login).map { Self.workerRoles.contains($0.role) } ?? false
    }

    /// A readable name for a group key.
    public func name(of key: String) -> String {
        switch dimension {
        case .grid: organisation.grid(key)?.name ?? key
        case .community: organisation.community(key)?.name ?? key
        case .street: organisation.street(key)?.name ?? key
        case .worker: organisation.person(key)?.name ?? key
        case .department: organisation.unit(key)?.name ?? key
        case .handler: Handler(text: key).map(organisation.displayName(of:)) ?? key
        }
    }

    /// Residents of a place group (0 for other groups).
    public func residents(of key: String) -> Int {
        switch dimension {
        case .grid: organisation.grid(key)?.residents ?? 0
        case .community: organisation.grids(inCommunity: key).reduce(0) { $0 + $1.residents }
        case .street:
            organisation.grids.filter { streetOfGrid[$0.code] == key }.reduce(0) { $0 + $1.residents }
        default: 0
        }
    }

    /// Every group the organisation defines for this dimension, so groups with no cases
    /// still show (a grid with nothing reported is a fact too).
    public func allKeys() -> [String] {
        switch dimension {
        case .grid: organisation.grids.map(\.code)
        case .community: organisation.communities.map(\.code)
        case .street: organisation.streets.map(\.code)
        case .worker: organisation.people.filter { Self.workerRoles.contains($0.role) }.map(\.login)
        case .department: organisation.units.map(\.code)
        case .handler: []
        }
    }
}
