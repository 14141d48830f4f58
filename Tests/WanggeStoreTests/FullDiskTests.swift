import GRDB
import Testing
import WanggeCore
@testable import WanggeStore

/// A full disk, as SQLite sees one (`PRAGMA max_page_count` caps the file like a full
/// file system would): a command that needs room fails with a clear message and writes
/// nothing, refusals cannot be recorded either, the log stays whole, and once there is
/// room again everything works.
struct FullDiskTests {
    @Test func aFullDiskWritesNothingAndSaysSo() throws {
        let dir = try TemporaryDirectory()
        let store = try StoreFixture.open(dir.path("full.sqlite"))
        let first = try StoreFixture.dispatchedCase(store)
        try store.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let before = try StoreFixture.eventCount(dir.path("full.sqlite"))
        let note = String(repeating: "满", count: 50_000)
        do {
            _ = try store.append([.commented(text: note)], toCase: first.id, expectedVersion: first.version, actor: "dsp",
                                 at: StoreFixture.minutes(30), idempotencyKey: nil)
            Issue.record("the append should not fit")
        } catch let error as StoreError {
            #expect(error.description == "数据库错误：磁盘已满，未写入任何内容；请腾出空间后重试")
        }
        #expect(throws: StoreError.self) {
            try store.recordRefusal(RefusalRecord(
                at: StoreFixture.t0, recordedAt: StoreFixture.t0, osLogin: "u", actor: "u", channel: "cli", action: "comment",
                caseCode: first.code, grid: "G1", reason: "forbidden", message: note))
        }
        #expect(try StoreFixture.eventCount(dir.path("full.sqlite")) == before)
        #expect(try store.check().isClean)

        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        let after = try store.append([.commented(text: note)], toCase: first.id, expectedVersion: first.version, actor: "dsp",
                                     at: StoreFixture.minutes(31), idempotencyKey: nil)
        #expect(after.state.version == first.version + 1)
        #expect(try store.check().isClean)
    }
}
