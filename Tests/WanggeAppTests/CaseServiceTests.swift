import Testing
import WanggeApp
import WanggeCore
import WanggeStore

/// The verbs through `CaseService`: stale versions and scope-filtered lists.
struct CaseServiceTests {
    let dir: TemporaryDirectory
    let workspace: Workspace
    let service: CaseService

    init() throws {
        dir = try TemporaryDirectory()
        workspace = try AppFixture.workspace(in: dir)
        service = CaseService(workspace: workspace)
    }

    func person(_ login: String) throws -> Person { try AppFixture.person(workspace, login) }

    func report(_ title: String, grid: String, by login: String = "adm") throws -> CaseState {
        try service.report(ReportCommand(title: title, category: "1102", grid: grid), as: try person(login), at: AppFixture.t0)
    }

    @Test func reportGivesTheDayCode() throws {
        let s = try report("楼顶漏水", grid: "G1", by: "wk")
        #expect(s.code == "C-260302-0001")
        #expect(try service.load("c-260302-0001", as: try person("wk")) == s)
    }

    @Test func staleExpectedVersionIsAConflictNamingWhoMovedIt() throws {
        let s = try report("楼顶漏水", grid: "G1", by: "wk")
        let dispatched = try service.execute(.dispatch(handler: .unit("CG"), limit: nil, note: nil), onCase: s.code,
                                             as: try person("dsp"), at: AppFixture.minutes(10), expectedVersion: 1)
        #expect(dispatched.state.version == 3)
        let before = try workspace.store.lastSeq()

        // The supervisor still sees version 1 on screen and supervises it.
        do {
            try service.execute(.supervise(.timeout, note: "请尽快"), onCase: s.code, as: try person("sup"),
                                at: AppFixture.minutes(12), expectedVersion: 1)
            Issue.record("a stale version was accepted")
        } catch let refusal as Refusal {
            #expect(refusal == Refusal(.conflict, "案件 C-260302-0001 已由 李派遣 于 2026-03-02 09:10 派遣，请刷新"))
        }
        #expect(try workspace.store.lastSeq() == before)
        // With the current version the same command goes through.
        let ok = try service.execute(.supervise(.timeout, note: "请尽快"), onCase: s.code, as: try person("sup"),
                                     at: AppFixture.minutes(12), expectedVersion: 3)
        #expect(ok.state.supervisionCount == 1)
    }

    @Test func linkingToAMissingOrMergedPrimaryIsRefused() throws {
        let a = try report("一", grid: "G1"), b = try report("二", grid: "G1"), c = try report("三", grid: "G1")
        let sup = try person("sup")
        #expect(throws: Refusal(.invalidInput, "找不到主案件 C-260302-9999")) {
            try service.execute(.linkDuplicate(primary: "C-260302-9999"), onCase: b.code, as: sup, at: AppFixture.minutes(1))
        }
        try service.execute(.linkDuplicate(primary: a.code.lowercased()), onCase: b.code, as: sup, at: AppFixture.minutes(2))
        #expect(try service.load(b.code, as: sup).duplicateOf == a.code)
        #expect(throws: Refusal(.invalidInput, "案件 \(b.code) 本身已并入 \(a.code)，请并入主案件")) {
            try service.execute(.linkDuplicate(primary: b.code), onCase: c.code, as: sup, at: AppFixture.minutes(3))
        }
    }

    /// G1: two cases (one with GA summoned), G2, G3 (dispatched to CG), G4 (dispatched to GA).
    func populate() throws -> [String: String] {
        let sup = try person("sup")
        var codes: [String: String] = [:]
        codes["g1a"] = try report("一号楼漏水", grid: "G1", by: "wk").code
        codes["g1b"] = try report("消防通道堵塞", grid: "G1", by: "wk").code
        codes["g2"] = try report("二网格", grid: "G2").code
        codes["g3"] = try report("三网格", grid: "G3").code
        codes["g4"] = try report("四网格", grid: "G4").code
        try service.execute(.summon(units: ["GA"], limit: nil, note: nil), onCase: codes["g1b"]!, as: sup, at: AppFixture.minutes(5))
        try service.execute(.dispatch(handler: .unit("CG"), limit: nil, note: nil), onCase: codes["g3"]!, as: sup, at: AppFixture.minutes(6))
        try service.execute(.dispatch(handler: .unit("GA"), limit: nil, note: nil), onCase: codes["g4"]!, as: sup, at: AppFixture.minutes(7))
        return codes
    }

    func listed(_ login: String, _ query: CaseQuery = CaseQuery(order: .code)) throws -> Set<String> {
        let cases = try service.list(query, as: try person(login))
        #expect(try service.count(query, as: try person(login)) == cases.count)
        return Set(cases.map(\.code))
    }

    @Test func listIsFilteredToEachPersonsScope() throws {
        let c = try populate()
        #expect(try listed("sup") == Set(c.values))
        #expect(try listed("wk") == [c["g1a"]!, c["g1b"]!])
        #expect(try listed("dsp") == [c["g1a"]!, c["g1b"]!, c["g2"]!])
        #expect(try listed("lcg") == [c["g3"]!])
        #expect(try listed("lga") == [c["g4"]!, c["g1b"]!])
    }

    @Test func aQueryCannotWidenTheScope() throws {
        let c = try populate()
        #expect(try listed("dsp", CaseQuery(community: "C2")).isEmpty)
        #expect(try listed("wk", CaseQuery(grids: ["G1", "G3"])) == [c["g1a"]!, c["g1b"]!])
        #expect(try listed("lcg", CaseQuery(grids: ["G4"])).isEmpty)
        #expect(throws: Refusal.self) { try service.load(c["g3"]!, as: try person("dsp")) }
    }
}
