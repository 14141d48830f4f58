import Testing
import WanggeAssessment
import WanggeCore

/// Figures "as of" a past time use only the events up to then and judge the running
/// rounds at that time; open cases past their deadline count as late.
struct AsOfAndOverdueTests {
    @Test func asOfAPastTimeGivesThatTimesFigures() throws {
        // As of Tuesday 03-03 12:00 only A B C D J K are reported.
        // A: closed at 11:00. B: first feedback late, in its rework round: open and late.
        // C: due 03-03 11:00, not dispatched: late. D: dispatch due 03-04 09:00: not yet.
        // J: suspended. K: evaluated at 12:00 (included), not closed yet.
        let t = try TownHistory.report(.grid, asOf: Town.at("2026-03-03 12:00")).total
        #expect(t.parts(.reported) == (6, 6))
        #expect(t.parts(.closed) == (1, 6))
        #expect(t.parts(.closedOnTime) == (1, 3))
        // A, B, J, K's second round in time; C late; D's round still running.
        #expect(t.parts(.dispatchedInTime) == (4, 5))
        // A on time, B's first round late, K on time (fed back 10:00).
        #expect(t.parts(.handledOnTime) == (2, 3))
        #expect(t.parts(.satisfaction) == (2, 2))
        #expect(t.parts(.hotlineResponse) == (0, 1))
    }

    @Test func theSameHistoryLaterHasLaterFigures() throws {
        // One minute before C's dispatch deadline it is not late yet; one minute after it is.
        let before = try TownHistory.report(.grid, asOf: Town.at("2026-03-03 10:59")).row("G2")
        let after = try TownHistory.report(.grid, asOf: Town.at("2026-03-03 11:01")).row("G2")
        #expect(before.parts(.dispatchedInTime) == (1, 1))   // J only
        #expect(after.parts(.dispatchedInTime) == (1, 2))    // J, and C late
        #expect(before.openLate == 0)
        #expect(after.openLate == 1)
    }

    @Test func anOpenCasePastItsLimitIsLateNotLeftOut() throws {
        // Dispatched Monday 09:00 with 1 working day (due Tuesday 09:00), never fed back.
        var s = try Script(1, grid: "G1", by: "wk", at: "2026-03-02 08:30")
        try s.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:00")
        let facts = try s.facts()
        #expect(facts.open == OpenRound(stage: .handling, due: Town.at("2026-03-03 09:00")))
        func tally(at time: String) -> FigureTally {
            var t = FigureTally()
            t.addCase(facts, judgedAt: Town.at(time), closeSeconds: nil)
            for h in facts.handlers { t.addHandler(h, of: facts, judgedAt: Town.at(time)) }
            return t
        }
        // Before the deadline the round is not judged; a closed-on-time rate over closed
        // cases only would say 100% (there are none), but the case is not left out once late.
        #expect(tally(at: "2026-03-03 09:00").parts(.handledOnTime) == (0, 0))
        #expect(tally(at: "2026-03-03 09:00").parts(.closedOnTime) == (0, 0))
        #expect(tally(at: "2026-03-03 09:01").parts(.handledOnTime) == (0, 1))
        #expect(tally(at: "2026-03-03 09:01").parts(.closedOnTime) == (0, 1))
    }

    @Test func lateFeedbackStaysLateAfterClosing() throws {
        var s = try Script(1, grid: "G1", category: "0102", by: "wk", at: "2026-03-02 08:30")
        try s.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:00")
        try s.act(.feedback(text: "好了"), by: "lcg", at: "2026-03-02 15:01")   // due 15:00
        try s.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-02 16:00")
        try s.act(.evaluate(.satisfied, note: nil), by: "ev", at: "2026-03-02 17:00")
        try s.act(.close(note: nil), by: "sup", at: "2026-03-02 17:30")
        let facts = try s.facts()
        #expect(facts.lateRounds == 1)
        #expect(facts.handlers.map(\.handledLate) == [1])
        var t = FigureTally()
        t.addCase(facts, judgedAt: Town.at("2026-04-01 00:00"), closeSeconds: nil)
        #expect(t.parts(.closedOnTime) == (0, 1))
    }

    @Test func sendingBackAfterTheDeadlineDoesNotEscapeIt() throws {
        var s = try Script(1, grid: "G1", by: "wk", at: "2026-03-02 08:30")
        try s.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:00")
        try s.act(.sendBack(reason: "不是我们的"), by: "lcg", at: "2026-03-03 09:30")   // due 03-03 09:00
        let facts = try s.facts()
        #expect(facts.handlers.first?.handledLate == 1)
        #expect(facts.handlers.first?.sendBacks == 1)
        #expect(facts.lateRounds == 1)
    }

    @Test func reopeningClearsTheClosing() throws {
        var s = try Script(1, grid: "G1", by: "wk", at: "2026-03-02 08:30")
        try s.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:00")
        try s.act(.feedback(text: "好了"), by: "lcg", at: "2026-03-02 10:00")
        try s.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-02 11:00")
        try s.act(.evaluate(.satisfied, note: nil), by: "ev", at: "2026-03-02 11:30")
        try s.act(.close(note: nil), by: "sup", at: "2026-03-02 12:00")
        #expect(try s.facts().closedAt == Town.at("2026-03-02 12:00"))
        try s.act(.reopen(reason: "群众反映又出现"), by: "sup", at: "2026-03-04 09:00")
        let facts = try s.facts()
        #expect(facts.closedAt == nil)
        #expect(facts.satisfaction == nil)
        #expect(facts.open?.stage == .dispatch)
        // As of before the reopening it was closed.
        #expect(try s.facts(asOf: Town.at("2026-03-03 00:00")).closedAt == Town.at("2026-03-02 12:00"))
    }

    @Test func incrementalFoldEqualsTheWholeFold() throws {
        // The store applies events one command at a time to facts read back from a row;
        // the replay folds whole histories. Both must agree at every prefix.
        for script in try TownHistory.cases() {
            for n in 1...script.events.count {
                let prefix = Array(script.events.prefix(n))
                let whole = try #require(CaseFacts.fold(prefix))
                var state = try #require(CaseState.fold([prefix[0]]))
                var stepwise = CaseFacts(reported: state)
                for event in prefix.dropFirst() {
                    let before = state
                    state.apply(event)
                    stepwise.apply(event, before: before, after: state)
                }
                #expect(stepwise == whole)
            }
        }
    }
}
