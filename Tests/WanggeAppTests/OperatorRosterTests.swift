import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore

/// `operator add`: appended to the stored org.toml without losing anything, validated
/// like `init`, admin only (a refusal is recorded), nothing written on any error.
struct OperatorRosterTests {
    let dir: TemporaryDirectory
    let workspace: Workspace
    let log = SecurityLogger(osLogin: "os-user", channel: .cli, wallClock: { AppFixture.t0 })

    init() throws {
        dir = try TemporaryDirectory()
        workspace = try AppFixture.workspace(in: dir)
    }

    var stored: String { get throws { try #require(try workspace.store.configuration(named: ConfigurationName.organisation)) } }

    @Test func anAdminAddsAPersonAndNothingElseChanges() throws {
        let before = try stored
        let entry = OperatorRoster.Entry(login: "zhang.san", name: "张三 \"老张\"", role: .dispatcher, scope: .community("C2"), phone: "138")
        let organisation = try OperatorRoster.add(entry, to: workspace, as: try AppFixture.person(workspace, "adm"), securityLog: log, at: AppFixture.t0)
        let after = try stored
        #expect(after.hasPrefix(before), "the old text, comments and layout stay as they were")
        #expect(organisation.person("zhang.san") == Person(login: "zhang.san", name: "张三 \"老张\"", role: .dispatcher, scope: .community("C2"), phone: "138"))
        // A new workspace (the next command or console) sees the person.
        let reopened = try Workspace(store: workspace.store)
        #expect(reopened.organisation.people.count == workspace.organisation.people.count + 1)
        #expect(reopened.organisation.person("wk") == workspace.organisation.person("wk"))
    }

    @Test func aNonAdminIsRefusedAndRecorded() throws {
        let before = try stored
        let entry = OperatorRoster.Entry(login: "x", name: "x", role: .admin, scope: .county)
        #expect(throws: Refusal.self) {
            try OperatorRoster.add(entry, to: workspace, as: try AppFixture.person(workspace, "sup"), securityLog: log, at: AppFixture.t0)
        }
        #expect(try stored == before)
        let refusal = try #require(try workspace.store.refusals(AuditQuery()).first)
        #expect(refusal.record.action == "manage_organisation")
        #expect(refusal.record.actor == "sup")
        #expect(refusal.record.reason == "forbidden")
    }

    @Test func badEntriesWriteNothing() throws {
        let before = try stored
        let admin = try AppFixture.person(workspace, "adm")
        let bad: [(OperatorRoster.Entry, String)] = [
            (.init(login: "wk", name: "重复", role: .dispatcher, scope: .county), "登录名 wk 已在人员名单中"),
            (.init(login: "new", name: "范围", role: .dispatcher, scope: .community("C9")), "范围中的社区 C9 不存在"),
            (.init(login: "bad login", name: "空格", role: .dispatcher, scope: .county), "登录名 bad login 无效"),
        ]
        for (entry, message) in bad {
            do {
                try OperatorRoster.add(entry, to: workspace, as: admin, securityLog: log, at: AppFixture.t0)
                Issue.record("\(entry.login) was added")
            } catch {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
        #expect(try stored == before)
    }

    @Test func quotingSurvivesControlCharacters() throws {
        let name = "a\u{1B}[2J\tb\\c\"d\u{7F}"
        let text = OperatorRoster.appending(.init(login: "q", name: name, role: .leader, scope: .county), to: AppFixture.organisationTOML)
        let context = try Workspace.parse(organisation: text, categories: DemoConfiguration.categoriesTOML, calendar: DemoConfiguration.calendarTOML)
        #expect(context.organisation.person("q")?.name == name)
    }
}
