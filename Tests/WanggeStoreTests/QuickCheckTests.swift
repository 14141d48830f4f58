import GRDB
import Testing
import WanggeCore
import WanggeStore

/// The start-up check: bounded work, marks that move forward, and what it catches —
/// a dropped trigger, a trigger dropped and put back, an edited new event, an old event
/// within the rolling window, an edited projection row.
struct QuickCheckTests {
    let dir: TemporaryDirectory
    let path: String
    let store: SQLiteCaseStore

    /// Twenty dispatched cases: 60 events.
    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("cases.sqlite")
        store = try StoreFixture.open(path)
        for i in 0..<20 { try StoreFixture.dispatchedCase(store, title: "案件\(i)") }
    }

    func raw(_ sql: String) throws {
        try StoreFixture.raw(path).write { db in try db.execute(sql: sql) }
    }

    /// An edit by someone who drops the trigger, edits, and puts the trigger back.
    func editBehindTheBack(_ sql: String) throws {
        try raw("DROP TRIGGER events_refuse_update")
        try raw(sql)
        try raw("""
            CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END
            """)
    }

    /// The same, by someone who also knows to put the schema mark back.
    func editAndHideSchemaChange(_ sql: String) throws {
        let cookie = try StoreFixture.raw(path).read { db in try Int64.fetchOne(db, sql: "PRAGMA schema_version") ?? 0 }
        try editBehindTheBack(sql)
        try raw("UPDATE integrity_marks SET value = \(cookie + 2) WHERE name = 'schema'")
    }

    @Test func aCleanDatabaseIsCleanAndTheNextStartReadsOnlyWhatIsNew() throws {
        let first = try store.startupCheck()
        #expect(first.isClean, "\(first.problems)")
        #expect(first.eventsVerified == 60)
        #expect(first.casesVerified == 20)
        try StoreFixture.dispatchedCase(store, title: "新案件")
        let second = try store.startupCheck(limits: QuickCheckLimits(rollingEvents: 0))
        #expect(second.isClean)
        #expect(second.eventsVerified == 3)
    }

    @Test func workIsBoundedWhateverTheSize() throws {
        let report = try store.startupCheck(limits: QuickCheckLimits(newEvents: 10, rollingEvents: 5, rollingCases: 2, securityRows: 1))
        #expect(report.isClean)
        #expect(report.partial)
        #expect(report.eventsVerified == 15)
        #expect(report.casesVerified == 2)
    }

    @Test func aDroppedTriggerIsNamed() throws {
        try raw("DROP TRIGGER events_refuse_delete")
        #expect(try store.startupCheck().problems.contains(.triggerMissing(name: "events_refuse_delete")))
    }

    @Test func aTriggerPutBackStillShowsEvenForAnOldEvent() throws {
        _ = try store.startupCheck()  // everything verified and marked
        try editBehindTheBack("UPDATE events SET actor = 'someone' WHERE seq = 2")
        let report = try store.startupCheck(limits: QuickCheckLimits(rollingEvents: 0, rollingCases: 0))
        #expect(report.problems.contains { if case .schemaChanged = $0 { true } else { false } }, "\(report.problems)")
    }

    @Test func anEditedNewEventIsNamedEvenWhenTheSchemaMarkIsForged() throws {
        _ = try store.startupCheck()
        try StoreFixture.dispatchedCase(store, title: "新案件")
        try editAndHideSchemaChange("UPDATE events SET payload = replace(payload, 'unit:CG', 'unit:GA') WHERE seq = 63")
        let report = try store.startupCheck(limits: QuickCheckLimits(rollingEvents: 0, rollingCases: 0))
        #expect(report.problems.first == .chainBroken(seq: 63, detail: "内容与其哈希不符"), "\(report.problems)")
    }

    @Test func anOldEditIsFoundByTheRollingWindow() throws {
        _ = try store.startupCheck(limits: QuickCheckLimits(rollingEvents: 0))
        try editAndHideSchemaChange("UPDATE events SET at = at + 60 WHERE seq = 45")
        var found: [IntegrityReport.Problem] = []
        var starts = 0
        while found.isEmpty, starts < 10 {
            found = try store.startupCheck(limits: QuickCheckLimits(rollingEvents: 20, rollingCases: 0)).problems
            starts += 1
        }
        #expect(found.contains { if case .chainBroken(seq: 45, _) = $0 { true } else { false } }, "\(found)")
        #expect(starts == 3, "windows of 20 events reach seq 45 on the third start")
    }

    @Test func anEditedProjectionRowIsFound() throws {
        try raw("UPDATE cases SET status = 'closed' WHERE id = 7")
        let report = try store.startupCheck()
        #expect(report.problems.contains { if case .projectionDiffers(_, "status", _, _) = $0 { true } else { false } }, "\(report.problems)")
    }

    @Test func theProgramsOwnSchemaChangesAreNotFlagged() throws {
        try store.refreshPlannerStatistics()
        #expect(try store.startupCheck().isClean)
        let reopened = try SQLiteCaseStore(path: path)
        #expect(try reopened.startupCheck().isClean)
    }

    @Test func aFullCheckMovesTheMarkToTheTail() throws {
        #expect(try store.check().isClean)
        try store.markFullyChecked()
        let report = try store.startupCheck(limits: QuickCheckLimits(rollingEvents: 0))
        #expect(report.isClean)
        #expect(report.eventsVerified == 0)
    }

    /// GRDB creates and drops a table when it opens a pool on a database whose `-wal` is
    /// missing or empty (after a clean close), which moves the schema cookie: not an edit.
    @Test func reopeningAfterACleanCloseIsNotFlagged() throws {
        #expect(try store.startupCheck().isClean)
        try StoreFixture.raw(path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        for _ in 0..<3 {
            let reopened = try SQLiteCaseStore(path: path)
            #expect(try reopened.startupCheck().isClean)
            try StoreFixture.raw(path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
    }
}
