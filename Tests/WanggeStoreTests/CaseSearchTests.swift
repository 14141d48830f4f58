import GRDB
import Testing
import WanggeCore
import WanggeStore

/// The text filter through the character-pair index gives exactly what a LIKE scan of
/// every case gives: for rare texts (read by candidates), common ones (more candidates
/// than the limit: the queue is walked), single characters, ASCII in any case, spaces,
/// texts found nowhere, codes; and again after a rebuild.
struct CaseSearchTests {
    let dir: TemporaryDirectory
    let path: String

    init() throws {
        dir = try TemporaryDirectory()
        path = dir.path("search.sqlite")
    }

    static let words = ["漏水", "楼道", "堆放", "杂物", "噪音", "扰民", "Wifi", "路灯", "不亮", "井盖", "丢失", "占道", "经营", "3号楼", "A座"]

    /// 2,600 cases: every tenth contains 漏水严重 and 2,100 contain 楼顶漏水 (more than the
    /// candidate limit), the rest random pairs of words, with a space now and then.
    static func populate(_ store: SQLiteCaseStore) throws {
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for i in 0..<2_600 {
            var title = Self.words[next(Self.words.count)] + (next(4) == 0 ? " " : "") + Self.words[next(Self.words.count)]
            if i % 10 == 0 { title += "漏水严重" }
            if i < 2_100 { title = "楼顶漏水" + title }
            var reported = StoreFixture.reported(title, grid: ["G1", "G2", "G3"][i % 3])
            reported.description = i % 7 == 0 ? "住户说WIFI信号差" : ""
            _ = try store.createCase(reported, codeDay: "260302", actor: "wk", at: StoreFixture.t0, idempotencyKey: nil)
        }
    }

    static let searches = ["漏水", "楼顶漏水", "漏水严重", "水严", "噪音扰民", "杂物 噪音", "wifi", "WiFi", "信号差", "3号", "a座",
                           "水", "C-260302-00", "0042", "不存在的文字", "漏水严重漏水严重", "  ", "楼顶漏水噪音"]

    /// What a plain scan finds (the definition the index must agree with).
    func scanned(_ text: String, _ raw: DatabaseQueue) throws -> [String] {
        let pattern = "%" + text + "%"
        return try raw.read { db in
            try String.fetchAll(db, sql: """
                SELECT code FROM cases WHERE title LIKE ? OR code LIKE ? OR description LIKE ? ORDER BY code
                """, arguments: [pattern, pattern, pattern])
        }
    }

    func expectSameAsScan(_ store: SQLiteCaseStore) throws {
        let raw = try StoreFixture.raw(path)
        for text in Self.searches {
            let query = CaseQuery(openOnly: false, text: text, order: .code)
            let found = try store.cases(query).map(\.code)
            #expect(found == (try scanned(text, raw)), "text \(text)")
            #expect(try store.count(query) == found.count, "count of \(text)")
            for (offset, grid) in [(0, nil), (37, nil), (2_070, nil), (0, "G2"), (690, "G2")] as [(Int, String?)] {
                var page = query
                page.order = .dueAt
                page.limit = 40
                page.offset = offset
                page.grids = grid.map { [$0] }
                #expect(try store.cases(page).map(\.code) == (try pageScanned(text, grid: grid, offset: offset, raw)),
                        "page at \(offset) of \(text) in \(grid ?? "all")")
            }
        }
    }

    /// A page of the queue (due order) that a plain scan finds.
    func pageScanned(_ text: String, grid: String?, offset: Int, _ raw: DatabaseQueue) throws -> [String] {
        let pattern = "%" + text + "%"
        return try raw.read { db in
            try String.fetchAll(db, sql: """
                SELECT code FROM cases WHERE (title LIKE ? OR code LIKE ? OR description LIKE ?) AND grid LIKE ?
                ORDER BY COALESCE(due_at, 9223372036854775807), id LIMIT 40 OFFSET ?
                """, arguments: [pattern, pattern, pattern, grid ?? "%", offset])
        }
    }

    @Test func indexGivesExactlyTheScansAnswer() throws {
        let store = try StoreFixture.open(path)
        try Self.populate(store)
        #expect(try store.count(CaseQuery(openOnly: false, text: "楼顶漏水")) == 2_100)
        try expectSameAsScan(store)
    }

    @Test func casesABulkLoadWroteAreFoundBeforeAndAfterTheCatchUp() throws {
        let store = try StoreFixture.open(path)
        try Self.populate(store)
        let writer = BulkCaseWriter(store: store)
        var histories: [(events: [CaseEvent], state: CaseState)] = []
        let firstID = try writer.nextCaseID()
        for i in 0..<300 {
            var reported = StoreFixture.reported(i % 2 == 0 ? "批量导入：楼顶漏水严重" : "批量导入：噪音扰民", grid: "G2")
            reported.code = "C-260303-\(1000 + i)"
            let id = firstID + Int64(i)
            let event = CaseEvent(caseID: id, version: 1, actor: "import", at: StoreFixture.t0, body: .reported(reported))
            var state = CaseState(id: id, reported: reported, actor: "import", at: StoreFixture.t0)
            state.version = 1
            histories.append(([event], state))
        }
        try writer.write(histories, codeCounters: ["260303": 1299])
        #expect(try store.searchIndexLag() == 300)
        try expectSameAsScan(store)
        #expect(try store.catchUpSearchIndex(batch: 128) == 300)
        #expect(try store.searchIndexLag() == 0)
        try expectSameAsScan(store)
        let next = try store.createCase(StoreFixture.reported("新上报：漏水严重"), codeDay: "260304", actor: "wk", at: StoreFixture.t0,
                                        idempotencyKey: nil)
        #expect(try store.searchIndexLag() == 0, "a case written alone after the catch-up is indexed in its own transaction")
        #expect(try store.cases(CaseQuery(text: "新上报")).map(\.id) == [next.state.id])
    }

    @Test func rebuildKeepsTheIndex() throws {
        let store = try StoreFixture.open(path)
        try Self.populate(store)
        try store.rebuildProjections()
        try expectSameAsScan(store)
    }
}
