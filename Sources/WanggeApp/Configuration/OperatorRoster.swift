import WanggeCore
import WanggeStore

/// Adds operators to the installed organisation without losing anything of it.
///
/// People live in `org.toml` as stored by `wangge init`. A new person is appended to that
/// text as one more `[[person]]` table, so the administrator's comments, order and layout
/// stay as they were; the whole result is validated by the same loader as `init` (with
/// the stored categories and calendar) before it replaces the old text, in the write
/// transaction that read it.
public enum OperatorRoster {
    /// The person to add.
    public struct Entry: Sendable, Hashable {
        public var login: String
        public var name: String
        public var role: Role
        public var scope: Scope
        public var phone: String?

        public init(login: String, name: String, role: Role, scope: Scope, phone: String? = nil) {
            self.login = login; self.name = name; self.role = role; self.scope = scope; self.phone = phone
        }
    }

    /// Adds `entry` as `person` (who must be an admin; a refusal is recorded) and returns
    /// the organisation as now stored.
    @discardableResult
    public static func add(_ entry: Entry, to workspace: Workspace, as person: Person, securityLog: SecurityLogger?, at now: Instant) throws -> Organisation {
        try CaseService(workspace: workspace, securityLog: securityLog).authorise(.manageOrganisation, as: person, at: now)
        let store = workspace.store
        let categories = try store.configuration(named: ConfigurationName.categories) ?? ""
        let calendar = try store.configuration(named: ConfigurationName.calendar) ?? ""
        var added: Organisation?
        try store.updateConfiguration(named: ConfigurationName.organisation) { current in
            guard let current else { throw AppError.notInitialised(store.path) }
            let before = try Workspace.parse(organisation: current, categories: categories, calendar: calendar).organisation
            if let existing = before.person(entry.login) {
                throw AppError.badInput("登录名 \(entry.login) 已在人员名单中（\(existing.name)，\(existing.role.chineseName)，\(existing.scope)）")
            }
            let text = appending(entry, to: current)
            added = try Workspace.parse(organisation: text, categories: categories, calendar: calendar).organisation
            return text
        }
        guard let added else { throw AppError.badInput("内部错误：人员名单没有更新") }
        return added
    }

    /// `text` with one more `[[person]]` table at its end.
    public static func appending(_ entry: Entry, to text: String) -> String {
        var out = text
        if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
        out += "\n[[person]]\n"
        out += "login = \(quoted(entry.login))\n"
        out += "name = \(quoted(entry.name))\n"
        out += "role = \(quoted(entry.role.rawValue))\n"
        out += "scope = \(quoted(entry.scope.description))\n"
        if let phone = entry.phone { out += "phone = \(quoted(phone))\n" }
        return out
    }

    /// A TOML basic string: quotes, backslashes and every control character escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
