import Testing
import WanggeAssessment
import WanggeCore

/// A case's share of the roll-up, judged at any instant, is exactly the tally made of it
/// judged at that instant: for rounds of every stage, suspended or not, already late
/// before, and for cases with no round running.
struct RollupContributionTests {
    static let t0 = Instant(secondsSinceEpoch: 1_790_000_000)

    static func facts(_ status: CaseStatus, source: CaseSource = .patrol, lateRounds: Int = 0,
                      open: OpenRound?, handlers: [HandlerTally] = [], closedAt: Instant? = nil) -> CaseFacts {
        CaseFacts(caseID: 1, reportedAt: t0, grid: "0101", reporter: "wang", source: source, status: status,
                  closedAt: closedAt, lateRounds: lateRounds,
                  hotlineResponse: source == .hotline ? .pending : nil, open: open, handlers: handlers)
    }

    static func tally(_ f: CaseFacts, at instant: Instant) -> [Int] {
        var t = FigureTally()
        t.addCase(f, judgedAt: instant, closeSeconds: nil)
        for h in f.handlers { t.addHandler(h, of: f, judgedAt: instant) }
        return t.counts
    }

    @Test func judgedAtAnyInstantTheShareEqualsTheTally() throws {
        let due = Self.t0 + 4 * 3600
        let li = HandlerTally(handler: .person("li"), dispatches: 2, handledLate: 1)
        let dept = HandlerTally(handler: .unit("water"), dispatches: 1, sendBacks: 1)
        let cases: [CaseFacts] = [
            Self.facts(.accepted, source: .hotline, open: OpenRound(stage: .dispatch, due: due)),
            Self.facts(.inProgress, open: OpenRound(stage: .handling, due: due), handlers: [dept, li]),
            Self.facts(.inProgress, lateRounds: 1, open: OpenRound(stage: .handling, due: due), handlers: [li]),
            Self.facts(.handled, open: OpenRound(stage: .verification, due: due), handlers: [li]),
            // Suspended past the deadline: late only once the suspension ends.
            Self.facts(.inProgress, open: OpenRound(stage: .handling, due: due, suspendedUntil: due + 7200), handlers: [li]),
            // A suspension that ended before the deadline changes nothing.
            Self.facts(.inProgress, open: OpenRound(stage: .handling, due: due, suspendedUntil: due - 60), handlers: [li]),
            Self.facts(.closed, open: nil, handlers: [li], closedAt: due + 10),
            Self.facts(.declined, source: .hotline, open: nil),
        ]
        let instants = [Self.t0, due - 1, due, due + 1, due + 2, due + 7199, due + 7200, due + 7201, due + 86_400 * 400]
        var lateShares = 0
        for f in cases {
            let share = FigureTally.contribution(f)
            if share.late != nil { lateShares += 1 }
            for instant in instants {
                #expect(share.counts(judgedAt: instant) == Self.tally(f, at: instant), "\(f.status) \(f.open.map { "\($0)" } ?? "-") at \(instant)")
            }
            #expect(share.base.closeSeconds.isEmpty)
        }
        #expect(lateShares == 6, "every running round but the already-late one's openLate still adds when late")
    }

    @Test func aRoundThatCanNeverBeLateAddsNothing() {
        let f = Self.facts(.accepted, open: OpenRound(stage: .dispatch, due: Instant(secondsSinceEpoch: .max)))
        #expect(FigureTally.contribution(f).late == nil)
    }
}
