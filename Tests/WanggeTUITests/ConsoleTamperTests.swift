import Foundation
import GRDB
import Testing
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTestSupport
@testable import WanggeTUI

/// A database edited behind the program's back is flagged on the console's status bar
/// from the first frame, and stays flagged; a clean one is not.
struct ConsoleTamperTests {
    @Test func aCleanDatabaseShowsTheKeysHint() throws {
        let fixture = try DemoFixture(cases: 40)
        let c = ConsoleHarness(fixture: fixture)
        #expect(c.runtime.state.integrityWarning == nil)
        #expect(!(c.lines.last ?? "").contains("⚠"))
    }

    @Test func anEditedEventIsFlaggedOnTheStatusBar() throws {
        let fixture = try DemoFixture(cases: 40)
        let raw = try DatabaseQueue(path: fixture.path)
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            try db.execute(sql: "UPDATE events SET actor = 'forger' WHERE seq = 5")
            try db.execute(sql: """
                CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END
                """)
        }
        let c = ConsoleHarness(fixture: fixture, width: 200, height: 50)
        let status = c.lines.last ?? ""
        #expect(status.contains("⚠ 数据库可能在 wangge 之外被改动：数据库结构在 wangge 之外被改动"), "\(status)")
        #expect(status.contains("请管理员运行 wangge check"), "\(status)")
        #expect(c.terminal.screen.cell(x: 2, y: 49)?.style.role == .error)
        // A key's own message covers it for a moment; then the warning is back.
        c.press(.char("j"))
        #expect((c.lines.last ?? "").contains("⚠"))
    }
}
