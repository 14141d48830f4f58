import Testing
import WanggeAssessment
import WanggeCore

/// Every figure of `TownHistory` for March, judged on 03-10 at noon, counted by hand
/// from the comments on each case (A-K; H is February's and counts nowhere).
struct HandCountedFigureTests {
    let total: FigureTally

    init() throws { total = try TownHistory.report(.grid).total }

    @Test func reportedAndFiled() {
        // A B C D E F G I J K reported in March (H in February); F declined and G merged.
        #expect(total.parts(.reported) == (10, 10))
        #expect(total.filed == 8)
    }

    @Test func dispatchedInTime() {
        // In time: A, B, D's second round, E, I's two rounds, J, K's second round = 8.
        // Late: C (open, due 03-03 11:00), D's first round (dispatched an hour late) = 2.
        // Not judged: F's (declined), G's (merged), K's first (escalated) rounds.
        #expect(total.parts(.dispatchedInTime) == (8, 10))
        #expect(total.value(.dispatchedInTime) == 0.8)
    }

    @Test func handledOnTime() {
        // On time: A (CG), B's rework round (WY), E (wk3, after the extension), K (CG) = 4.
        // Late: B's first round (WY), D's round at GA (open, due 03-05 14:00) = 2.
        // Not judged: D at CG (sent back early), I at CG (escalated early), I at GA and J
        // (running, not due or suspended).
        #expect(total.parts(.handledOnTime) == (4, 6))
    }

    @Test func closed() {
        // Closed: A, B, E, K of 8 filed.
        #expect(total.parts(.closed) == (4, 8))
        #expect(total.value(.closed) == 0.5)
    }

    @Test func closedOnTimeCountsOpenOverdueCasesAsLate() {
        // Closed with no late round: A, E, K. Closed late: B. Open and already late: C
        // (dispatch overdue) and D (late dispatch, handling overdue); I and J are open but
        // not late. 3 / (4 closed + 2 open late).
        #expect(total.parts(.closedOnTime) == (3, 6))
        #expect(total.openLate == 2)
    }

    @Test func reworkSendBackAndChecks() {
        // Handlers who fed back: A/CG, B/WY, E/wk3, K/CG; B/WY failed a check once.
        #expect(total.parts(.rework) == (1, 4))
        // Dispatches: A, B, D×2, E, I×2, J, K = 9; one send-back (D at CG).
        #expect(total.parts(.sendBack) == (1, 9))
        // Checks: A, B×2, E, K; one failed.
        #expect(total.parts(.checkPass) == (4, 5))
    }

    @Test func satisfaction() {
        // A satisfied, B dissatisfied, E basically satisfied, K satisfied.
        #expect(total.parts(.satisfaction) == (3, 4))
        #expect(total.value(.satisfaction) == 0.75)
    }

    @Test func complaintsPerTenThousandResidents() {
        // C (12345), D (walk-in), I (12345): 3 × 10,000 / 5,000 residents = 6.
        #expect(total.parts(.complaintsPer10k) == (3, 5000))
        #expect(total.value(.complaintsPer10k) == 6)
    }

    @Test func hotline() {
        // C: unanswered past its first deadline (late); I: dispatched in time.
        #expect(total.parts(.hotlineResponse) == (1, 2))
        // Neither hotline case is closed.
        #expect(total.parts(.hotlineResolution) == (0, 2))
    }

    @Test func settledInGrid() {
        // A, B, E closed at grid level; K was escalated to the community.
        #expect(total.parts(.settledInGrid) == (3, 4))
    }

    @Test func timeToCloseInWorkingHours() {
        // A 10 h, B 16 h, E 17 h, K 9 h: mean 52 / 4 = 13 h; nearest rank ⌈0.9 × 4⌉ = 4th = 17 h.
        #expect(total.closeSeconds.sorted() == [9, 10, 16, 17].map { Int64($0) * 3600 })
        #expect(total.value(.closeHoursMean) == 13)
        #expect(total.value(.closeHoursP90) == 17)
    }

    @Test func perGridAddsUpToTheTotal() throws {
        let report = try TownHistory.report(.grid)
        #expect(report.rows.map(\.key) == ["G1", "G2", "G3"])
        var sum = FigureTally()
        for row in report.rows { sum.merge(row.tally) }
        sum.residents = 5000
        sum.closeSeconds.sort()
        #expect(sum == total)
        // G1: A B F G. A on time, B late; closed A, B of 2 filed.
        let g1 = report.row("G1")
        #expect(g1.parts(.reported) == (4, 4))
        #expect(g1.parts(.closed) == (2, 2))
        #expect(g1.parts(.closedOnTime) == (1, 2))
        #expect(g1.residents == 1000)
        // G2: C D J; C and D late and open; D's complaint and C's call over 3,000 residents.
        let g2 = report.row("G2")
        #expect(g2.parts(.closedOnTime) == (0, 2))
        #expect(g2.parts(.complaintsPer10k) == (2, 3000))
        #expect(g2.parts(.dispatchedInTime) == (2, 4))
    }

    @Test func perCommunityAndStreet() throws {
        let communities = try TownHistory.report(.community)
        // C1 = G1 + G2: closed A, B of filed A B C D J.
        #expect(communities.row("C1").parts(.closed) == (2, 5))
        // C2 = G3: E, I, K; closed E, K of 3.
        #expect(communities.row("C2").parts(.closed) == (2, 3))
        #expect(communities.row("C2").residents == 1000)
        let streets = try TownHistory.report(.street)
        #expect(streets.row("S1").parts(.closed) == (4, 8))
        #expect(streets.row("S1").residents == 5000)
    }

    @Test func perDepartmentAndProperty() throws {
        let report = try TownHistory.report(.department)
        #expect(report.rows.map(\.key) == ["CG", "GA", "WY"])
        // CG: dispatched A, D, I, J, K; on time A, K; sent D back.
        let cg = report.row("CG")
        #expect(cg.parts(.handledOnTime) == (2, 2))
        #expect(cg.parts(.sendBack) == (1, 5))
        // CG is the latest handler of A, J, K: closed A, K.
        #expect(cg.parts(.closed) == (2, 3))
        // GA: D (late, open) and I (running): 0 / 1.
        #expect(report.row("GA").parts(.handledOnTime) == (0, 1))
        // WY: B late then on time; reworked; dissatisfied.
        let wy = report.row("WY")
        #expect(wy.parts(.handledOnTime) == (1, 2))
        #expect(wy.parts(.rework) == (1, 1))
        #expect(wy.parts(.satisfaction) == (0, 1))
        // The command room's dispatch figure is not a department's.
        #expect(!Figure.dispatchedInTime.applies(to: .department))
    }

    @Test func perWorker() throws {
        let report = try TownHistory.report(.worker)
        #expect(report.rows.map(\.key) == ["wk", "wk2", "wk3"])
        // wk reported A B F G: filed A B, both closed.
        #expect(report.row("wk").parts(.closed) == (2, 2))
        // wk3 reported E, K and handled E on time after the extension.
        let wk3 = report.row("wk3")
        #expect(wk3.parts(.reported) == (2, 2))
        #expect(wk3.parts(.handledOnTime) == (1, 1))
        #expect(wk3.parts(.settledInGrid) == (1, 2))
    }

    @Test func perHandlerIncludesPeople() throws {
        let report = try TownHistory.report(.handler)
        let keys = Set(report.rows.map(\.key))
        #expect(keys == ["unit:CG", "unit:GA", "unit:WY", "person:wk3"])
        #expect(report.row("person:wk3").parts(.handledOnTime) == (1, 1))
    }
}
