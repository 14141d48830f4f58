import ArgumentParser
import Foundation
import WanggeApp
import WanggeCore

/// `wangge operator …`: the people who may use the console on this host.
struct OperatorGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator", abstract: "操作员（人员名单）：添加、列出（管理员）",
        subcommands: [OperatorAddCommand.self, OperatorListCommand.self])
}

extension Scope: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}

struct OperatorAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "把系统用户添加为操作员（管理员）",
        discussion: "写入数据库中的组织架构 org.toml（保留原有内容和注释），用与 init 相同的校验；之后该系统用户即可登录使用。")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "系统登录名") var login: String
    @Option(help: "角色：\(Role.allCases.map(\.rawValue).joined(separator: "/"))") var role: Role
    @Option(help: "范围：county、street:编码、community:编码、grids:编码,编码、unit:编码") var scope: Scope
    @Option(help: "姓名（默认取系统用户的全名，没有则用登录名）") var name: String?
    @Option(help: "电话") var phone: String?

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            let account = getpwnam(login)
            let entry = OperatorRoster.Entry(
                login: login, name: name ?? Self.fullName(account) ?? login, role: role, scope: scope, phone: phone)
            let organisation = try OperatorRoster.add(entry, to: env.workspace, as: env.person, securityLog: env.securityLog, at: env.now)
            Output.say("已添加操作员 \(entry.name)（\(login)，\(role.chineseName)，\(scope)）；人员名单共 \(organisation.people.count) 人")
            if account == nil {
                ErrorReporting.printError("注意：本机还没有系统用户 \(login)；用 useradd -G wangge \(login) 建立后即可登录")
            }
        }
    }

    /// The first field of the account's GECOS ("李明,,," → "李明").
    static func fullName(_ account: UnsafeMutablePointer<passwd>?) -> String? {
        guard let gecos = account?.pointee.pw_gecos else { return nil }
        let full = String(cString: gecos).split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return full.trimmingCharacters(in: .whitespaces).isEmpty ? nil : full
    }
}

struct OperatorListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出人员名单（管理员）")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try ErrorReporting.run {
            let env = try global.environment()
            try env.service.authorise(.manageOrganisation, as: env.person, at: env.now)
            var table = TextTable(headers: ["登录名", "姓名", "角色", "范围", "电话", "系统用户"])
            for p in env.workspace.organisation.people {
                table.rows.append([p.login, p.name, p.role.chineseName, p.scope.description, p.phone ?? "—",
                                   getpwnam(p.login) == nil ? "无" : "有"])
            }
            Output.say(table.render() + "共 \(env.workspace.organisation.people.count) 人", terminator: "\n")
        }
    }
}
