import Testing
import WanggeCore
@testable import WanggeRules

/// One row per action: what a rule's `[rule.then]` turns into on a case, and when an
/// action has nothing left to do (so the rule does not match).
struct ActionTableTests {
    typealias F = RulesFixture

    struct Row: CustomStringConvertible, Sendable {
        var then: String
        var effective: [RuleAction]
        var description: String { then }
    }

    static let rows: [Row] = [
        Row(then: "escalate = \"community\"", effective: [.escalate(.level(.community))]),
        Row(then: "escalate = \"next\"", effective: [.escalate(.next)]),
        Row(then: "summon = [\"XF\", \"GA\"]\nsummon_limit = \"1 urgent_hours\"",
            effective: [.summon([SummonTarget(unit: "XF", limit: TimeLimit(amount: 1, clock: .urgentHours)),
                                 SummonTarget(unit: "GA", limit: TimeLimit(amount: 1, clock: .urgentHours))])]),
        Row(then: "summon = [{ unit = \"XF\", limit = \"2 working_hours\" }, \"GA\"]",
            effective: [.summon([SummonTarget(unit: "XF", limit: TimeLimit(amount: 2, clock: .workingHours)),
                                 SummonTarget(unit: "GA", limit: nil)])]),
        Row(then: "supervise = \"leader\"", effective: [.supervise(.leader)]),
        Row(then: "raise_severity = \"major\"", effective: [.raiseSeverity(.major)]),
        Row(then: "agenda = true", effective: [.agenda]),
        Row(then: "notify = [\"dispatcher\", \"leader\"]", effective: [.notify([.dispatcher, .leader])]),
    ]

    @Test(arguments: rows)
    func actionIsTakenOnAMatchingCase(_ row: Row) throws {
        let evaluator = try F.evaluator(F.oneRule(when: "category = \"06\"", then: row.then))
        let s = F.dispatched(reported: "2026-11-16 09:00")
        let match = try #require(evaluator.evaluate(s, at: F.at("2026-11-16 10:00"), facts: NoFacts()).matches.first)
        #expect(match.effective == row.effective)
        #expect(match.step == "once", "a rule with no time condition fires once per case")
    }

    @Test func escalationThatWouldNotGoUpDoesNotMatch() throws {
        let evaluator = try F.evaluator(F.oneRule(when: "category = \"06\"", then: "escalate = \"community\""))
        var s = F.dispatched(reported: "2026-11-16 09:00")
        s.level = .street
        #expect(evaluator.evaluate(s, at: F.at("2026-11-16 10:00"), facts: NoFacts()).matches.isEmpty)
    }

    @Test func escalationWaitsForAStatusThatCanBeEscalated() throws {
        let evaluator = try F.evaluator(F.oneRule(when: "category = \"06\"", then: "escalate = \"community\""))
        var s = F.dispatched(reported: "2026-11-16 09:00")
        F.apply(&s, .feedback(text: "已处置", limit: TimeLimit(amount: 24, clock: .urgentHours), dueAt: F.at("2026-11-17 10:00")),
                at: F.at("2026-11-16 10:00"))
        #expect(s.status == .handled)
        #expect(evaluator.evaluate(s, at: F.at("2026-11-16 11:00"), facts: NoFacts()).matches.isEmpty)
    }

    @Test func severityAlreadyHighEnoughDoesNotMatch() throws {
        let evaluator = try F.evaluator(F.oneRule(when: "category = \"06\"", then: "raise_severity = \"major\""))
        var s = F.dispatched(reported: "2026-11-16 09:00")
        s.severity = .critical
        #expect(evaluator.evaluate(s, at: F.at("2026-11-16 10:00"), facts: NoFacts()).matches.isEmpty)
    }

    @Test func unitsAlreadySummonedAreLeftOut() throws {
        let evaluator = try F.evaluator(F.oneRule(when: "category = \"06\"", then: "summon = [\"XF\", \"GA\"]"))
        var s = F.dispatched(reported: "2026-11-16 09:00")
        s.summons = [Summons(unit: "XF", dueAt: F.at("2026-11-16 11:00"), summonedAt: F.at("2026-11-16 09:30"))]
        let match = try #require(evaluator.evaluate(s, at: F.at("2026-11-16 10:00"), facts: NoFacts()).matches.first)
        #expect(match.effective == [.summon([SummonTarget(unit: "GA", limit: nil)])])
        s.summons.append(Summons(unit: "GA", dueAt: F.at("2026-11-16 11:00"), summonedAt: F.at("2026-11-16 09:30")))
        #expect(evaluator.evaluate(s, at: F.at("2026-11-16 10:00"), facts: NoFacts()).matches.isEmpty)
    }

    @Test func stopEndsTheEvaluation() throws {
        let text = """
            [[rule]]
            id = "first"
            description = "先看"
            order = 1
            stop = true
            [rule.when]
            category = "06"
            [rule.then]
            supervise = "timeout"

            [[rule]]
            id = "second"
            description = "后看"
            order = 2
            [rule.then]
            notify = ["dispatcher"]
            """
        let evaluator = try F.evaluator(text)
        let e = evaluator.evaluate(F.dispatched(reported: "2026-11-16 09:00"), at: F.at("2026-11-16 10:00"), facts: NoFacts())
        #expect(e.matches.map(\.rule.id) == ["first"])
        let other = evaluator.evaluate(F.dispatched(category: "1203", reported: "2026-11-16 09:00"), at: F.at("2026-11-16 10:00"), facts: NoFacts())
        #expect(other.matches.map(\.rule.id) == ["second"])
    }

    @Test func openEmergencyHoldsBackLesserReportsOfTheSameKind() throws {
        let text = """
            [[inhibit]]
            id = "emergency"
            description = "网格内有未办结的重大突发事件"
            source_category = ["04"]
            scope = "grid"
            match = "class"
            actions = ["escalate"]
            """ + "\n" + F.oneRule(when: "overdue = true", then: "escalate = \"community\"")
        let evaluator = try F.evaluator(text)
        let lesser = F.dispatched(id: 2, category: "0403", severity: .normal, reported: "2026-11-16 08:00",
                                  limit: TimeLimit(amount: 1, clock: .urgentHours))
        let fire = CaseSummary(id: 3, code: "C-3", category: "0401", grid: "G1", building: nil, severity: .critical,
                               status: .inProgress, reportedAt: F.at("2026-11-16 08:30"))
        let held = evaluator.evaluate(lesser, at: F.at("2026-11-16 10:00"), facts: ListFacts(cases: [fire]))
        #expect(held.matches.first?.inhibitedBy?.source.code == "C-3")
        var closed = fire
        closed.status = .closed
        let free = evaluator.evaluate(lesser, at: F.at("2026-11-16 10:00"), facts: ListFacts(cases: [closed]))
        #expect(free.matches.first?.inhibitedBy == nil)
        var elsewhere = fire
        elsewhere.grid = "G9"
        #expect(evaluator.evaluate(lesser, at: F.at("2026-11-16 10:00"), facts: ListFacts(cases: [elsewhere])).matches.first?.inhibitedBy == nil)
    }

    @Test func newReportLikeAnEarlierOneIsProposedAsDuplicate() throws {
        let evaluator = try F.evaluator(F.oneRule(when: "category = \"12\""))
        let s = F.reportedCase(id: 5, category: "0601", at: F.at("2026-11-16 10:00"))
        let earlier = CaseSummary(id: 4, code: "C-4", category: "0601", grid: "G1", building: "G1-2", severity: .normal,
                                  status: .dispatched, reportedAt: F.at("2026-11-16 06:00"))
        let tooOld = CaseSummary(id: 3, code: "C-3", category: "0601", grid: "G1", building: "G1-1", severity: .normal,
                                 status: .dispatched, reportedAt: F.at("2026-11-14 06:00"))
        let e = evaluator.evaluate(s, at: F.at("2026-11-16 10:05"), facts: ListFacts(cases: [tooOld, earlier]))
        #expect(e.duplicate?.primary.code == "C-4")
        #expect(e.duplicate?.candidates.count == 1)
    }
}
