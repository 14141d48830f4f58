import GRDB
import Testing
import WanggeCore
import WanggeStore

/// The log is append-only in the database itself: a second connection with raw SQL
/// cannot change or remove an event.
struct AppendOnlyTriggerTests {
    let dir: TemporaryDirectory
    let path: String

    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("cases.sqlite")
        try StoreFixture.dispatchedCase(try StoreFixture.open(path))
    }

    func rawError(_ sql: String) throws -> DatabaseError? {
        do {
            try StoreFixture.raw(path).write { db in try db.execute(sql: sql) }
            return nil
        } catch let error as DatabaseError {
            return error
        }
    }

    @Test func updateIsRefused() throws {
        let error = try #require(try rawError("UPDATE events SET actor = 'mallory' WHERE seq = 2"))
        #expect(error.message == "events are append-only: UPDATE refused")
        #expect(try StoreFixture.raw(path).read { db in try String.fetchOne(db, sql: "SELECT actor FROM events WHERE seq = 2") } == "dsp")
    }

    @Test func deleteIsRefused() throws {
        let error = try #require(try rawError("DELETE FROM events WHERE seq = 3"))
        #expect(error.message == "events are append-only: DELETE refused")
        #expect(try StoreFixture.eventCount(path) == 3)
    }

    @Test func theStoreIsStillCleanAfterTheAttempts() throws {
        _ = try rawError("UPDATE events SET payload = '{}'")
        _ = try rawError("DELETE FROM events")
        let report = try SQLiteCaseStore(path: path).check()
        #expect(report.isClean)
        #expect(report.eventsChecked == 3)
        #expect(report.casesChecked == 1)
    }
}
