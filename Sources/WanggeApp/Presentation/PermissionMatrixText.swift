import WanggeCore

/// The permission matrix as a Markdown table, printed from the same function the
/// checks use; the README's copy is this output.
public enum PermissionMatrixText {
    public static func markdown() -> String {
        let roles = Role.allCases
        var out = "| 操作 | " + roles.map(\.chineseName).joined(separator: " | ") + " |\n"
        out += "|---|" + roles.map { _ in "---" }.joined(separator: "|") + "|\n"
        for action in Action.allCases {
            out += "| \(action.chineseName) `\(action.rawValue)` | "
                + roles.map { Permissions.reach($0, action).rawValue }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
