import WanggeCore

/// Our codes and names, for reading a source's values: a category, grid, unit or person
/// may be written by its code or by its name.
struct ImportLookups: Sendable {
    let categories: [String: String]
    let grids: [String: String]
    /// Building code → its grid.
    let buildings: [String: String]
    let units: [String: String]
    let people: [String: String]
    let statuses: [String: HistoricStatus]
    let channels: [String: CaseSource]
    let satisfactions: [String: Satisfaction]
    let severities: [String: Severity]

    init(_ context: DomainContext) {
        var categories: [String: String] = [:]
        for c in context.catalog.categories {
            if categories[c.nameZh] == nil { categories[c.nameZh] = c.code }
        }
        for c in context.catalog.categories { categories[c.code] = c.code }
        self.categories = categories
        let org = context.organisation
        var grids: [String: String] = [:]
        for g in org.grids where grids[g.name] == nil { grids[g.name] = g.code }
        for g in org.grids { grids[g.code] = g.code }
        self.grids = grids
        var buildings: [String: String] = [:]
        for g in org.grids { for b in g.buildings { buildings[b.code] = g.code } }
        self.buildings = buildings
        var units: [String: String] = [:]
        for u in org.units where units[u.name] == nil { units[u.name] = u.code }
        for u in org.units { units[u.code] = u.code }
        self.units = units
        var people: [String: String] = [:]
        for p in org.people where people[p.name] == nil { people[p.name] = p.login }
        for p in org.people { people[p.login] = p.login }
        self.people = people
        var statuses: [String: HistoricStatus] = [:]
        for s in HistoricStatus.allCases { statuses[s.rawValue] = s; statuses[s.chineseName] = s }
        self.statuses = statuses
        var channels: [String: CaseSource] = [:]
        for s in CaseSource.allCases { channels[s.rawValue] = s; channels[s.chineseName] = s }
        self.channels = channels
        var satisfactions: [String: Satisfaction] = [:]
        for s in Satisfaction.allCases { satisfactions[s.rawValue] = s; satisfactions[s.chineseName] = s }
        self.satisfactions = satisfactions
        var severities: [String: Severity] = [:]
        for s in Severity.allCases { severities[s.rawValue] = s; severities[s.chineseName] = s }
        self.severities = severities
    }

    /// `unit:CG`, `person:li.ming`, or a bare unit code or name, or a person's login or name.
    func handler(_ text: String) -> Handler? {
        if text.hasPrefix("unit:") { return units[String(text.dropFirst(5))].map(Handler.unit) }
        if text.hasPrefix("person:") { return people[String(text.dropFirst(7))].map(Handler.person) }
        if let unit = units[text] { return .unit(unit) }
        if let login = people[text] { return .person(login) }
        return nil
    }
}
