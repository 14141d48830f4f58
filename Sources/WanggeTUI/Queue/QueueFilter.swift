import WanggeCore
import WanggeStore

/// What the queue shows: the `/` filter (text, grid, category) and the quick filters.
public struct QueueFilter: Hashable, Sendable {
    public var text: String?
    public var grid: String?
    public var categoryPrefix: String?
    public var mine = false
    public var overdue = false
    public var onlyNew = false
    public var level: Level?
    public var openOnly = true
    public var order: CaseOrder = .dueAt
    /// Exactly these cases: the ones behind a figure of the 考核 screen.
    public var caseIDs: [Int64]?
    /// What those cases are, for the filter line.
    public var caseLabel: String?

    public init() {}

    /// The store query for this filter (the operator's scope is added by `CaseService`).
    public func query(person: Person, now: Instant) -> CaseQuery {
        var query = CaseQuery(openOnly: openOnly, order: order)
        if let text, !text.isEmpty { query.text = text }
        if let grid { query.grids = [grid] }
        query.categoryPrefix = categoryPrefix
        if mine {
            if case .unit(let unit) = person.scope { query.involvingUnit = unit } else { query.handler = .person(person.login) }
        }
        if overdue { query.overdueAt = now }
        if onlyNew { query.statuses = [.reported] }
        query.level = level
        query.ids = caseIDs
        return query
    }

    /// Whether any narrowing beyond the default (open cases by due time) is on.
    public var isNarrowed: Bool {
        text != nil || grid != nil || categoryPrefix != nil || mine || overdue || onlyNew || level != nil || caseIDs != nil
    }

    /// Reads what was typed after `/`: words `g:0103` (or `网格:0103`) pick a grid,
    /// `c:04` (or `分类:04`) a category prefix; a bare word that is a grid code or a grid
    /// name picks that grid, a bare even-length number a category; the rest is text
    /// matched in the code, title and description.
    public mutating func apply(typed: String, organisation: Organisation, catalog: CategoryCatalog) {
        text = nil
        grid = nil
        categoryPrefix = nil
        var words: [String] = []
        for word in typed.split(separator: " ").map(String.init) {
            if let value = Self.value(of: word, prefixes: ["g:", "grid:", "网格:"]) {
                grid = Self.gridCode(value, organisation) ?? value
            } else if let value = Self.value(of: word, prefixes: ["c:", "cat:", "分类:"]) {
                categoryPrefix = value
            } else if grid == nil, let code = Self.gridCode(word, organisation), word.allSatisfy({ !$0.isASCII || $0.isNumber }) {
                grid = code
            } else if Category.isValidCode(word), catalog.category(word) != nil {
                categoryPrefix = word
            } else {
                words.append(word)
            }
        }
        text = words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The text to put back into the `/` prompt to edit this filter.
    public var typedForm: String {
        var words: [String] = []
        if let grid { words.append("g:\(grid)") }
        if let categoryPrefix { words.append("c:\(categoryPrefix)") }
        if let text { words.append(text) }
        return words.joined(separator: " ")
    }

    static func value(of word: String, prefixes: [String]) -> String? {
        for prefix in prefixes where word.hasPrefix(prefix) && word.count > prefix.count {
            return String(word.dropFirst(prefix.count))
        }
        return nil
    }

    /// A grid by code or by exact name.
    static func gridCode(_ word: String, _ organisation: Organisation) -> String? {
        if organisation.grid(word) != nil { return word }
        return organisation.grids.first { $0.name == word }?.code
    }
}
