import WanggeAssessment
import WanggeCore

/// Which cases a person's figures may count: the grids of their scope, or for a
/// department's liaison the cases their unit handled. The same reach as viewing cases.
struct AssessmentScope: Sendable {
    /// nil: every grid.
    let grids: Set<String>?
    /// A liaison counts their unit's cases, wherever they are.
    let unit: String?
    let organisation: Organisation

    init(person: Person, organisation: Organisation) {
        self.organisation = organisation
        switch person.scope {
        case .county: grids = nil; unit = nil
        case .street(let s):
            grids = Set(organisation.grids.filter { organisation.place(ofGrid: $0.code)?.street == s }.map(\.code)); unit = nil
        case .community(let c): grids = Set(organisation.grids(inCommunity: c).map(\.code)); unit = nil
        case .grids(let list): grids = Set(list); unit = nil
        case .unit(let u): grids = nil; unit = u
        }
    }

    func includes(_ f: CaseFacts) -> Bool {
        if let unit { return f.handlers.contains { $0.handler == .unit(unit) } }
        return grids?.contains(f.grid) ?? true
    }

    func includes(grid: String) -> Bool {
        if unit != nil { return false }
        return grids?.contains(grid) ?? true
    }

    /// Residents of the grids in scope (none for a unit).
    var residents: Int {
        if unit != nil { return 0 }
        return organisation.grids.filter { grids?.contains($0.code) ?? true }.reduce(0) { $0 + $1.residents }
    }

    /// The groups to list: nil (every group) for a county-wide scope; otherwise the places
    /// inside the scope and whatever other groups have counts.
    func keys(for grouping: AssessmentGrouping, counted: [String: FigureTally]) -> [String]? {
        guard grids != nil || unit != nil else { return nil }
        let visible = grids ?? []
        func any(_ codes: [String]) -> Bool { codes.contains { visible.contains($0) } }
        switch grouping.dimension {
        case .grid: return organisation.grids.map(\.code).filter { visible.contains($0) }
        case .community: return organisation.communities.map(\.code).filter { any(organisation.grids(inCommunity: $0).map(\.code)) }
        case .street:
            return organisation.streets.map(\.code).filter { s in
                any(organisation.grids.filter { organisation.place(ofGrid: $0.code)?.street == s }.map(\.code))
            }
        case .worker, .department, .handler:
            return grouping.allKeys().filter { counted[$0] != nil } + counted.keys.filter { !grouping.allKeys().contains($0) }.sorted()
        }
    }
}
