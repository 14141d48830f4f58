import Testing
@testable import WanggeCore

/// Scope checks: own grids, a community, a street, the handler's unit, a summoned unit.
struct PermissionScopeTests {
    let org = Fixture.organisation

    func check(_ login: String, _ action: Action, _ state: CaseState) -> Refusal? {
        Permissions.check(Fixture.person(login), action, grid: state.grid, caseState: state, organisation: org)
    }

    func reported(in grid: String) throws -> CaseState {
        try CaseRun(grid: grid, by: "adm").state
    }

    @Test func gridWorkerInAndOutOfOwnGrids() throws {
        let inGrid = try reported(in: "G1"), outside = try reported(in: "G2")
        for action in [Action.view, .verify, .comment] {
            #expect(check("wk", action, inGrid) == nil)
            #expect(check("wk", action, outside)?.reason == .outOfScope)
        }
        #expect(check("wk", .view, outside)
            == Refusal(.outOfScope, "王网格（wk）不能查看案件 C-260302-0001：不在其本网格范围（grids:G1）"))
        #expect(Permissions.check(Fixture.person("pt"), .report, grid: "G1", caseState: nil, organisation: org) == nil)
        #expect(Permissions.check(Fixture.person("pt"), .report, grid: "G2", caseState: nil, organisation: org)?.reason == .outOfScope)
    }

    @Test func communityScope() throws {
        let g2 = try reported(in: "G2"), g3 = try reported(in: "G3")
        #expect(check("dsp", .dispatch, g2) == nil)
        #expect(check("dsp", .dispatch, g3)
            == Refusal(.outOfScope, "李派遣（dsp）不能派遣案件 C-260302-0001：不在其辖区内范围（community:C1）"))
        #expect(check("gl", .escalate, g2) == nil)
        #expect(check("gl", .escalate, g3)?.reason == .outOfScope)
    }

    @Test func streetScope() throws {
        let g3 = try reported(in: "G3"), g4 = try reported(in: "G4")
        #expect(check("dsps", .dispatch, g3) == nil)
        #expect(check("dsps", .dispatch, g4)?.reason == .outOfScope)
        #expect(check("sup", .close, g3) == nil)
        #expect(check("sup", .close, g4)?.reason == .outOfScope)
        #expect(check("adm", .view, g4) == nil)
    }

    @Test func scopeHelperCoversEachKind() {
        #expect(Permissions.inScope(.county, grid: "G4", organisation: org))
        #expect(Permissions.inScope(.street("S1"), grid: "G3", organisation: org))
        #expect(!Permissions.inScope(.street("S1"), grid: "G4", organisation: org))
        #expect(Permissions.inScope(.community("C1"), grid: "G2", organisation: org))
        #expect(!Permissions.inScope(.community("C1"), grid: "G3", organisation: org))
        #expect(Permissions.inScope(.grids(["G1", "G3"]), grid: "G3", organisation: org))
        #expect(!Permissions.inScope(.unit("CG"), grid: "G1", organisation: org))
        #expect(!Permissions.inScope(.street("S1"), grid: "G9", organisation: org))
    }

    @Test func liaisonOfTheHandlingUnit() throws {
        let state = try CaseRun.dispatched(to: .unit("CG")).state
        for action in [Action.view, .comment, .handlerAccept, .sendBack, .feedback, .requestExtension] {
            #expect(check("lcg", action, state) == nil, "lcg \(action.rawValue)")
            #expect(check("lga", action, state)?.reason == .outOfScope, "lga \(action.rawValue)")
        }
        // Not yet dispatched: no liaison sees it.
        #expect(check("lcg", .view, try reported(in: "G1"))?.reason == .outOfScope)
    }

    @Test func summonedLiaisonMayViewAndReportInButNotFeedBack() throws {
        var run = try CaseRun.dispatched(to: .unit("CG"))
        #expect(check("lga", .view, run.state)?.reason == .outOfScope)
        try run.act(.summon(units: ["GA"], limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:30")
        #expect(check("lga", .view, run.state) == nil)
        #expect(check("lga", .comment, run.state) == nil)
        #expect(check("lga", .reportIn, run.state) == nil)
        for action in [Action.handlerAccept, .feedback, .sendBack, .requestExtension] {
            #expect(check("lga", action, run.state)?.reason == .outOfScope, "lga \(action.rawValue)")
        }
        #expect(run.refusal(.feedback(text: "已到场处置"), by: "lga", at: "2026-03-02 10:00")?.reason == .outOfScope)
        // The handling unit's liaison is not a summoned one.
        #expect(check("lcg", .reportIn, run.state)?.reason == .outOfScope)
        #expect(check("lwy", .view, run.state)?.reason == .outOfScope)
    }

    @Test func aPersonHandlerOutsideTheirGridsCanSeeWhatTheyHandle() throws {
        // Dispatched to the grid worker of G3 although the case is in G1.
        let state = try CaseRun.dispatched(to: .person("wk3")).state
        #expect(check("wk3", .handlerAccept, state) == nil)
        #expect(check("wk3", .feedback, state) == nil)
        #expect(check("wk3", .view, state) == nil)
        #expect(check("wk3", .comment, state) == nil)
        // ...but not verify it: verification stays with the case's own grid.
        #expect(check("wk3", .verify, state)?.reason == .outOfScope)
    }
}
