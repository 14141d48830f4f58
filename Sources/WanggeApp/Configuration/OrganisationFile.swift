import WanggeCore
import WanggeTOML

/// Reads `org.toml`: the county, streets, communities, sections, grids with map
/// positions and buildings, departments and property companies, and people by login.
/// Cross references are checked and every error names file:line:column.
public enum OrganisationFile {
    public static func parse(_ text: String, file: String) throws(TOMLError) -> Organisation {
        let root = try TOMLFields.parse(text, file: file)
        try root.rejectUnknownKeys(allowed: ["county", "street", "community", "section", "grid", "unit", "person"])
        let county = try root.string("county")

        var streets: [Street] = []
        var seen: [String: String] = [:]
        func unique(_ code: String, _ fields: TOMLFields, _ what: String) throws(TOMLError) {
            if let previous = seen[code] { throw fields.fail("编码 \(code) 重复（已用于\(previous)）", at: "code") }
            seen[code] = what
        }
        for f in try root.tables("street") {
            try f.rejectUnknownKeys(allowed: ["code", "name"])
            let code = try Self.code(f)
            try unique(code, f, "街道")
            streets.append(Street(code: code, name: try f.string("name"), county: county))
        }
        var communities: [Community] = []
        for f in try root.tables("community") {
            try f.rejectUnknownKeys(allowed: ["code", "name", "street", "position"])
            let code = try Self.code(f)
            try unique(code, f, "社区")
            let street = try f.string("street")
            guard streets.contains(where: { $0.code == street }) else { throw f.fail("未知的街道 \(street)", at: "street") }
            communities.append(Community(code: code, name: try f.string("name"), street: street, position: try position(f)))
        }
        var sections: [Section] = []
        for f in try root.tables("section") {
            try f.rejectUnknownKeys(allowed: ["code", "name", "community"])
            let code = try Self.code(f)
            try unique(code, f, "片区")
            let community = try f.string("community")
            guard communities.contains(where: { $0.code == community }) else { throw f.fail("未知的社区 \(community)", at: "community") }
            sections.append(Section(code: code, name: try f.string("name"), community: community))
        }
        var grids: [Grid] = []
        for f in try root.tables("grid") {
            try f.rejectUnknownKeys(allowed: ["code", "name", "community", "section", "kind", "households", "residents", "position", "building"])
            let code = try Self.code(f)
            try unique(code, f, "网格")
            let community = try f.string("community")
            guard communities.contains(where: { $0.code == community }) else { throw f.fail("未知的社区 \(community)", at: "community") }
            let section = try f.optionalString("section")
            if let section, !sections.contains(where: { $0.code == section && $0.community == community }) {
                throw f.fail("社区 \(community) 中没有片区 \(section)", at: "section")
            }
            var buildings: [Building] = []
            for b in try f.tables("building") {
                try b.rejectUnknownKeys(allowed: ["code", "name", "households"])
                let bcode = try Self.code(b)
                if buildings.contains(where: { $0.code == bcode }) { throw b.fail("楼栋编码 \(bcode) 重复", at: "code") }
                buildings.append(Building(code: bcode, name: try b.string("name"), households: try nonNegative(b, "households") ?? 0))
            }
            grids.append(Grid(
                code: code, name: try f.string("name"), community: community, section: section,
                kind: try f.optionalOneOf("kind", GridKind.self) ?? .basic,
                households: try nonNegative(f, "households") ?? 0, residents: try nonNegative(f, "residents") ?? 0,
                position: try position(f), buildings: buildings))
        }
        var units: [Unit] = []
        for f in try root.tables("unit") {
            try f.rejectUnknownKeys(allowed: ["code", "name", "kind"])
            let code = try Self.code(f)
            try unique(code, f, "单位")
            units.append(Unit(code: code, name: try f.string("name"), kind: try f.optionalOneOf("kind", UnitKind.self) ?? .department))
        }
        var people: [Person] = []
        var logins: Set<String> = []
        for f in try root.tables("person") {
            try f.rejectUnknownKeys(allowed: ["login", "name", "role", "scope", "phone"])
            let login = try f.string("login")
            guard !login.isEmpty, login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw f.fail("登录名 \(login) 无效：只能用字母、数字和 . _ -", at: "login")
            }
            guard logins.insert(login).inserted else { throw f.fail("登录名 \(login) 重复", at: "login") }
            let scopeText = try f.string("scope")
            guard let scope = Scope(text: scopeText) else {
                throw f.fail("无效的范围 \(scopeText)（可写 county、street:编码、community:编码、grids:编码,编码、unit:编码）", at: "scope")
            }
            try checkScope(scope, f, streets: streets, communities: communities, grids: grids, units: units)
            people.append(Person(login: login, name: try f.string("name"), role: try f.oneOf("role", Role.self), scope: scope,
                                 phone: try f.optionalString("phone")))
        }
        return Organisation(county: county, streets: streets, communities: communities, sections: sections,
                            grids: grids, units: units, people: people)
    }

    /// A code: ASCII letters, digits and `. _ -` only. Codes are typed on command lines,
    /// matched exactly and joined into scopes (`grids:0101,0102`); a zero-width space, a
    /// bidi override or a comma in one would make two codes look alike or split one.
    static func code(_ f: TOMLFields, _ key: String = "code") throws(TOMLError) -> String {
        let code = try f.string(key)
        guard !code.isEmpty else { throw f.fail("编码不能为空", at: key) }
        if let bad = code.unicodeScalars.first(where: { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))) }) {
            throw f.fail("编码 \(TextSanitizer.neutralise(code)) 含有不允许的字符 \(TextSanitizer.codePointMark(bad.value))：只能用字母、数字和 . _ -", at: key)
        }
        return code
    }

    static func position(_ f: TOMLFields) throws(TOMLError) -> MapPosition? {
        guard f.has("position") else { return nil }
        guard case .array(let items)? = f.table["position"]?.value, items.count == 2,
              case .integer(let x) = items[0].value, case .integer(let y) = items[1].value, x >= 0, y >= 0, x < 1000, y < 1000 else {
            throw f.fail("position 应为两个非负整数，如 [2, 3]", at: "position")
        }
        return MapPosition(x: Int(x), y: Int(y))
    }

    static func nonNegative(_ f: TOMLFields, _ key: String) throws(TOMLError) -> Int? {
        guard let value = try f.optionalInt(key) else { return nil }
        guard value >= 0 else { throw f.fail("\(key) 不能为负数", at: key) }
        return value
    }

    static func checkScope(
        _ scope: Scope, _ f: TOMLFields, streets: [Street], communities: [Community], grids: [Grid], units: [Unit]
    ) throws(TOMLError) {
        switch scope {
        case .county: return
        case .street(let s):
            guard streets.contains(where: { $0.code == s }) else { throw f.fail("范围中的街道 \(s) 不存在", at: "scope") }
        case .community(let c):
            guard communities.contains(where: { $0.code == c }) else { throw f.fail("范围中的社区 \(c) 不存在", at: "scope") }
        case .grids(let list):
            for g in list where !grids.contains(where: { $0.code == g }) { throw f.fail("范围中的网格 \(g) 不存在", at: "scope") }
        case .unit(let u):
            guard units.contains(where: { $0.code == u }) else { throw f.fail("范围中的单位 \(u) 不存在", at: "scope") }
        }
    }
}
