/// The level at which a case is handled: "小事不出网格，大事不出街道社区，难事不出部门".
public enum Level: String, Codable, Sendable, CaseIterable, Comparable {
    case grid
    case community
    case street
    case department

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }

    public var rank: Int {
        switch self {
        case .grid: 0
        case .community: 1
        case .street: 2
        case .department: 3
        }
    }

    public var next: Level? {
        switch self {
        case .grid: .community
        case .community: .street
        case .street: .department
        case .department: nil
        }
    }
}

/// How serious a case is; some categories start serious, words and rules can raise it.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case normal
    case serious
    case major
    case critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// Where a case came from (DOMAIN.md §3).
public enum CaseSource: String, Codable, Sendable, CaseIterable {
    case patrol            // 网格巡查
    case hotline = "12345" // 12345 热线
    case walkIn = "walk_in" // 群众来访
    case camera            // 雪亮工程
    case inspection        // 例行检查
    case meeting           // 议事会
}

/// A category node. Codes are two digits per level ("01", "0101", "010101"), so the
/// parent of a code is the code without its last two digits.
public struct Category: Hashable, Codable, Sendable {
    public var code: String
    public var nameZh: String
    public var nameEn: String
    public var limit: TimeLimit
    public var level: Level
    public var severity: Severity

    public init(code: String, nameZh: String, nameEn: String, limit: TimeLimit, level: Level = .grid, severity: Severity = .normal) {
        self.code = code; self.nameZh = nameZh; self.nameEn = nameEn
        self.limit = limit; self.level = level; self.severity = severity
    }

    public var parentCode: String? { code.count > 2 ? String(code.dropLast(2)) : nil }

    /// A valid code is a non-empty even number of ASCII digits.
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count % 2 == 0 && code.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// The category tree with the stage limits that are not per category.
public struct CategoryCatalog: Sendable {
    public private(set) var categories: [Category]
    private var index: [String: Int] = [:]

    public init(categories: [Category]) {
        self.categories = categories
        for (i, c) in categories.enumerated() { index[c.code] = i }
    }

    public func category(_ code: String) -> Category? { index[code].map { categories[$0] } }

    public func children(of code: String?) -> [Category] {
        categories.filter { $0.parentCode == code }
    }

    /// Full path name such as "市容环境 / 私搭乱建", for lists and timelines.
    public func pathName(_ code: String) -> String {
        var names: [String] = []
        var current: String? = code
        while let c = current, let cat = category(c) {
            names.insert(cat.nameZh, at: 0)
            current = cat.parentCode
        }
        return names.isEmpty ? code : names.joined(separator: " / ")
    }
}

/// Who handles a dispatched case: a person, or a unit (department, property company).
public enum Handler: Hashable, Codable, Sendable, CustomStringConvertible {
    case person(String)
    case unit(String)

    /// `person:li.ming` or `unit:D-PS`; a bare word is a person's login.
    public init?(text: String) {
        if text.hasPrefix("person:") { self = .person(String(text.dropFirst(7))) }
        else if text.hasPrefix("unit:") { self = .unit(String(text.dropFirst(5))) }
        else if !text.isEmpty, !text.contains(":") { self = .person(text) }
        else { return nil }
    }

    public var description: String {
        switch self {
        case .person(let l): "person:\(l)"
        case .unit(let u): "unit:\(u)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let h = Handler(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad handler \(text)"))
        }
        self = h
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
