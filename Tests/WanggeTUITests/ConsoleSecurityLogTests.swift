import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTestSupport
@testable import WanggeTUI

/// The console records refused attempts through the same service as the command line.
struct ConsoleSecurityLogTests {
    @Test func aGridWorkersDispatchFromTheCommandLineIsRefusedAndRecorded() throws {
        let fixture = try DemoFixture(cases: 60)
        let reported = try fixture.report(title: "井盖松动", category: "0101", grid: "0103")
        let worker = try #require(fixture.workspace.organisation.people.first {
            $0.role == .gridWorker && Permissions.inScope($0.scope, grid: "0103", organisation: fixture.workspace.organisation)
        })
        let log = SecurityLogger(osLogin: "ssh-user", channel: .console, wallClock: { Instant(secondsSinceEpoch: 1_800_000_000) })
        let c = ConsoleHarness(fixture: fixture, person: worker, securityLog: log)
        c.type(":dispatch \(reported.code) \(worker.login)")
        c.press(.enter)
        #expect(c.runtime.state.status?.kind == .error)
        #expect(c.text.contains("无权派遣"), "\(c.text)")
        #expect(try fixture.workspace.store.caseState(code: reported.code)?.status == .reported)

        let refusals = try fixture.workspace.store.refusals(AuditQuery())
        let refusal = try #require(refusals.first)
        #expect(refusals.count == 1)
        #expect(refusal.record.channel == "console")
        #expect(refusal.record.osLogin == "ssh-user")
        #expect(refusal.record.actor == worker.login)
        #expect(refusal.record.action == "dispatch")
        #expect(refusal.record.caseCode == reported.code)
        #expect(refusal.record.grid == "0103")
        #expect(refusal.record.reason == "forbidden")
        #expect(refusal.record.at == fixture.now)
        #expect(refusal.record.recordedAt == Instant(secondsSinceEpoch: 1_800_000_000))
        #expect(try fixture.workspace.store.check().isClean)
    }
}
