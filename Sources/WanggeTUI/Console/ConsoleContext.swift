import WanggeApp
import WanggeCore

/// What does not change while the console runs: the organisation, categories and
/// calendar it was opened on, the operator at the keyboard and the language.
///
/// Screens read it to name grids, people and categories; `update` reads it to decide
/// which actions the operator's role allows (through `CaseDecider`, the same decision
/// the command line uses).
public struct ConsoleContext: Sendable {
    public var organisation: Organisation
    public var catalog: CategoryCatalog
    public var calendar: WorkCalendar
    public var decider: CaseDecider
    /// The operator; every query is narrowed to their scope and every action checked.
    public var person: Person
    /// The language the console speaks (`:lang` changes it).
    public var strings: UIStrings
    /// Theme names `:theme` completes.
    public var themeNames: [String]

    /// A context for `person` on `domain`.
    public init(domain: DomainContext, person: Person, language: Language = .zh, themeNames: [String] = []) {
        organisation = domain.organisation
        catalog = domain.catalog
        calendar = domain.calendar
        decider = CaseDecider(context: domain)
        self.person = person
        strings = UIStrings(language)
        self.themeNames = themeNames
    }

    /// The grid's name, or its code when unknown.
    func gridName(_ code: String) -> String { organisation.grid(code)?.name ?? code }

    /// The category's leaf name in the console's language.
    func categoryName(_ code: String) -> String { strings.categoryName(catalog.category(code)) ?? code }
}

/// The screens of the console.
public enum ScreenID: String, Hashable, Sendable, CaseIterable {
    case queue, detail, map, board, overdue, stats, help
}
