import GRDB
import Testing
import WanggeCore
import WanggeStore

/// The open cases' pair index (`v6-open-search`) narrows queries of open cases only. Its
/// answers must equal a LIKE scan of the open cases whatever it lags: right after cases
/// close and open again (the triggers' notes stand in for the index), after
/// `reconcileOpenSearch`, after a rebuild, and on a database that met the migration with
/// cases already in it.
struct OpenCaseSearchTests {
    let dir: TemporaryDirectory
    let path: String

    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("open-search.sqlite")
    }

    static let searches = ["漏水", "楼顶漏水", "漏水严重", "噪音扰民", "杂物 噪音", "wifi", "信号差", "水", "C-260302-00", "不存在的文字"]

    /// The cases of `CaseSearchTests` and 1,200 more leaking roofs, so 漏水 stays dense
    /// (more open candidates than the limit) after a third of the cases close.
    static func populate(_ store: SQLiteCaseStore) throws {
        try CaseSearchTests.populate(store)
        for i in 0..<1_200 {
            _ = try store.createCase(StoreFixture.reported("楼顶漏水第\(i)次", grid: ["G1", "G2", "G3"][i % 3]), codeDay: "260302",
                                     actor: "wk", at: StoreFixture.t0, idempotencyKey: nil)
        }
    }

    static let total = 3_800
    static let declined = 1_267 // every third of 3,800
    static let reopened = 423 // every ninth
    static let open = total - declined + reopened

    /// Declines every third case (closed), then opens every ninth of those again.
    static func closeAndReopenSome(_ store: SQLiteCaseStore) throws {
        let ids = try store.cases(CaseQuery(order: .code)).map(\.id)
        for (index, id) in ids.enumerated() where index % 3 == 0 {
            _ = try store.append([.declined(reason: "重复上报")], toCase: id, expectedVersion: 1, actor: "dsp",
                                 at: StoreFixture.minutes(5), idempotencyKey: nil)
            if index % 9 == 0 {
                _ = try store.append([.reopened(reason: "群众再次反映", limit: StoreFixture.day, dueAt: StoreFixture.t0 + 2 * 86_400)],
                                     toCase: id, expectedVersion: 2, actor: "dsp", at: StoreFixture.minutes(9), idempotencyKey: nil)
            }
        }
    }

    /// Open-only queries of every shape the console asks (all open, a state, overdue, a
    /// grid; whole lists, counts and pages) against a scan of the open cases.
    func expectSameAsOpenScan(_ store: SQLiteCaseStore, _ context: String) throws {
        let raw = try StoreFixture.raw(path)
        let overdueAt = StoreFixture.t0 + 36 * 3_600
        let shapes: [(String, CaseQuery, String)] = [
            ("open", CaseQuery(openOnly: true), "is_open = 1"),
            ("reported", CaseQuery(statuses: [.reported]), "status = 'reported'"),
            ("overdue", CaseQuery(overdueAt: overdueAt),
             "is_open = 1 AND COALESCE(due_at, 9223372036854775807) < \(overdueAt.secondsSinceEpoch)"),
            ("open in G2", CaseQuery(openOnly: true, grids: ["G2"]), "is_open = 1 AND grid = 'G2'"),
        ]
        for text in Self.searches {
            let pattern = "%" + text + "%"
            for (name, shape, condition) in shapes {
                let expected = try raw.read { db in
                    try String.fetchAll(db, sql: """
                        SELECT code FROM cases WHERE (title LIKE ? OR code LIKE ? OR description LIKE ?) AND \(condition)
                        ORDER BY COALESCE(due_at, 9223372036854775807), id
                        """, arguments: [pattern, pattern, pattern])
                }
                var query = shape
                query.text = text
                #expect(try store.cases(query).map(\.code) == expected, "\(context): \(name) \(text)")
                #expect(try store.count(query) == expected.count, "\(context): count of \(name) \(text)")
                for offset in [0, 41, 300] {
                    query.limit = 40
                    query.offset = offset
                    #expect(try store.cases(query).map(\.code) == Array(expected.dropFirst(offset).prefix(40)),
                            "\(context): page at \(offset) of \(name) \(text)")
                }
            }
        }
    }

    /// The ids in the open index, and the ids of open cases, read beside the store.
    func indexedAndOpen() throws -> (indexed: [Int64], open: [Int64], pending: Int) {
        try StoreFixture.raw(path).read { db in
            (try Int64.fetchAll(db, sql: "SELECT id FROM case_search_open_docsize ORDER BY id"),
             try Int64.fetchAll(db, sql: "SELECT id FROM cases WHERE is_open = 1 ORDER BY id"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_search_open_pending") ?? -1)
        }
    }

    @Test func casesThatCloseAndOpenAgainAreFoundBeforeAndAfterTheIndexCatchesUp() throws {
        let store = try StoreFixture.open(path)
        try Self.populate(store)
        var state = try indexedAndOpen()
        #expect(state.indexed == state.open && state.open.count == Self.total && state.pending == 0)
        try Self.closeAndReopenSome(store)
        state = try indexedAndOpen()
        #expect(state.pending == Self.declined, "every declined case is noted, and noted once when it opens again")
        #expect(state.indexed.count == Self.total, "the index lags until it catches up")
        try expectSameAsOpenScan(store, "lagging")
        #expect(try store.reconcileOpenSearch(batch: 100) == Self.declined)
        state = try indexedAndOpen()
        #expect(state.indexed == state.open && state.open.count == Self.open && state.pending == 0)
        try expectSameAsOpenScan(store, "caught up")
        #expect(try store.reconcileOpenSearch() == 0)
        // A case opened again after the index caught up is found through its note alone.
        let declined = try #require(try store.cases(CaseQuery(statuses: [.declined], text: "楼顶漏水", order: .code)).first)
        _ = try store.append([.reopened(reason: "又漏了", limit: StoreFixture.day, dueAt: StoreFixture.t0)], toCase: declined.id,
                             expectedVersion: declined.version, actor: "dsp", at: StoreFixture.minutes(20), idempotencyKey: nil)
        #expect(try indexedAndOpen().pending == 1)
        #expect(try store.cases(CaseQuery(openOnly: true, text: "楼顶漏水", order: .code)).contains { $0.id == declined.id })
        try expectSameAsOpenScan(store, "one reopened")
    }

    @Test func theFullIndexStillServesQueriesOfClosedCases() throws {
        let store = try StoreFixture.open(path)
        try Self.populate(store)
        try Self.closeAndReopenSome(store)
        try store.reconcileOpenSearch()
        let raw = try StoreFixture.raw(path)
        let expected = try raw.read { db in
            try String.fetchAll(db, sql: "SELECT code FROM cases WHERE title LIKE '%楼顶漏水%' AND status = 'declined' ORDER BY code")
        }
        #expect(expected.count > 400)
        #expect(try store.cases(CaseQuery(statuses: [.declined], text: "楼顶漏水", order: .code)).map(\.code) == expected)
    }

    @Test func rebuildFillsTheOpenIndexFromTheFoldedCases() throws {
        let store = try StoreFixture.open(path)
        try Self.populate(store)
        try Self.closeAndReopenSome(store)
        try store.rebuildProjections()
        let state = try indexedAndOpen()
        #expect(state.indexed == state.open && state.pending == 0)
        try expectSameAsOpenScan(store, "rebuilt")
    }

    @Test func theMigrationIndexesTheOpenCasesAlreadyThere() throws {
        do {
            let store = try StoreFixture.open(path)
            try Self.populate(store)
            try Self.closeAndReopenSome(store)
            try store.reconcileOpenSearch()
        }
        // Back to a database from before the migration, as a v5 database looks.
        try StoreFixture.raw(path).write { db in
            try db.execute(sql: """
                DROP TRIGGER case_search_open_reopened;
                DROP TRIGGER case_search_open_rewritten;
                DROP TABLE case_search_open;
                DROP TABLE case_search_open_pending;
                DELETE FROM grdb_migrations WHERE identifier = 'v6-open-search';
                """)
        }
        let store = try StoreFixture.open(path)
        let state = try indexedAndOpen()
        #expect(state.indexed == state.open && state.open.count == Self.open && state.pending == 0)
        try expectSameAsOpenScan(store, "migrated")
    }
}
