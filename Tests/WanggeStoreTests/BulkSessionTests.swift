import Foundation
import GRDB
import Testing
import WanggeCore
@testable import WanggeStore

/// The bulk session imports write through: keys on first events, lookups by key prefix
/// and code, and indexes dropped for a large load and built again before commit.
struct BulkSessionTests {
    let dir: TemporaryDirectory
    let store: SQLiteCaseStore

    init() throws {
        dir = try TemporaryDirectory()
        store = try StoreFixture.open(dir.path("bulk.sqlite"))
    }

    func histories(from firstID: Int64, count: Int) -> [(events: [CaseEvent], state: CaseState)] {
        (0..<count).map { i in
            let id = firstID + Int64(i)
            var r = StoreFixture.reported("案件 \(id)")
            r.code = "C-260302-\(String(format: "%04d", id))"
            let at = StoreFixture.t0 + Int64(i)
            var state = CaseState(id: id, reported: r, actor: "import", at: at)
            var events = [CaseEvent(caseID: id, version: 1, actor: "import", at: at, body: .reported(r))]
            for body in [EventBody.accepted(note: nil), StoreFixture.dispatched("CG", at: at)] {
                let e = CaseEvent(caseID: id, version: state.version + 1, actor: "import", at: at, body: body)
                state.apply(e)
                events.append(e)
            }
            return (events, state)
        }
    }

    func indexes() throws -> [String] {
        try StoreFixture.raw(dir.path("bulk.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('cases', 'events') AND sql IS NOT NULL ORDER BY name")
        }
    }

    func factsRows() throws -> Int {
        try StoreFixture.raw(dir.path("bulk.sqlite")).read { db in try factsRows(db) }
    }

    func factsRows(_ db: Database) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assessment_facts") ?? 0 }

    @Test func keysAreFoundByPrefixAndCodesByValue() throws {
        let writer = BulkCaseWriter(store: store)
        try writer.transaction { session in
            try session.write(histories(from: 1, count: 3), keys: ["import/s/a#1", nil, "import/s/b#2"], codeCounters: ["260302": 3])
            #expect(try session.key(withPrefix: "import/s/a#")?.key == "import/s/a#1")
            #expect(try session.key(withPrefix: "import/s/b#")?.caseID == 3)
            #expect(try session.key(withPrefix: "import/s/c#") == nil)
            #expect(try session.codeExists("C-260302-0002"))
            #expect(try !session.codeExists("C-260302-0004"))
            #expect(try session.code(ofCase: 3) == "C-260302-0003")
            return true
        }
        #expect(try store.check().isClean)
        #expect(try store.log(afterSeq: 0, limit: 100, caseID: nil).compactMap(\.idempotencyKey) == ["import/s/a#1", "import/s/b#2"])
        #expect(try writer.codeCounters()["260302"] == 3)
    }

    @Test func deferredIndexesAreBuiltAgainBeforeTheCommitAndKeptOnRollback() throws {
        let before = try indexes()
        #expect(before.count >= 10)
        #expect(before.contains { $0.contains("events_by_actor_at") })
        let writer = BulkCaseWriter(store: store)
        try writer.transaction { session in
            try session.write(histories(from: 1, count: 100), keys: nil, codeCounters: [:])
            try session.deferIndexes(expectedCases: BulkSession.largeLoad)
            // Dropped inside the transaction; facts staged, the unique lookups still served.
            #expect(try Int.fetchOne(session.db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events_by_actor_at'") == 0)
            try session.write(histories(from: 101, count: 400), keys: ["import/s/x#1"] + Array(repeating: nil, count: 399), codeCounters: [:])
            #expect(try session.key(withPrefix: "import/s/x#")?.caseID == 101)
            #expect(try session.codeExists("C-260302-0101"))
            return true
        }
        #expect(try indexes() == before)
        #expect(try factsRows() == 500)
        #expect(try store.check().isClean)
        // The session's own schema change is sealed: a console's start-up check stays quiet.
        #expect(try store.schemaSealIntact())
        #expect(try store.cases(CaseQuery(openOnly: true, order: .dueAt, limit: 5)).count == 5)

        try writer.transaction { session in
            // A load that fits the page cache keeps the events index and writes facts in place.
            try session.deferIndexes(expectedCases: 510)
            #expect(try Int.fetchOne(session.db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events_by_actor_at'") == 1)
            #expect(try Int.fetchOne(session.db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'cases' AND type = 'index' AND sql IS NOT NULL") == 0)
            try session.write(histories(from: 501, count: 10), keys: nil, codeCounters: [:])
            #expect(try factsRows(session.db) == 510)
            return false
        }
        #expect(try indexes() == before)
        #expect(try store.count(CaseQuery()) == 500)
        #expect(try factsRows() == 500)
        #expect(try store.schemaSealIntact())
    }

    @Test func aSealBrokenBeforeTheLoadStaysBroken() throws {
        // Someone changed the schema behind the program's back (a trigger dropped and put back).
        try StoreFixture.raw(dir.path("bulk.sqlite")).write { db in
            try db.execute(sql: """
                DROP TRIGGER events_refuse_update;
                CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
                """)
        }
        #expect(try !store.schemaSealIntact())
        try BulkCaseWriter(store: store).transaction { session in
            try session.deferIndexes(expectedCases: BulkSession.largeLoad)
            try session.write(histories(from: 1, count: 50), keys: nil, codeCounters: [:])
            return true
        }
        #expect(try !store.schemaSealIntact())
    }
}
