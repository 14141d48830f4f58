import Testing
import WanggeCore
@testable import WanggeRules

/// `explain` agrees with `evaluate` and says, condition by condition, why.
struct ExplainTests {
    typealias F = RulesFixture

    @Test func explainSaysWhichConditionFailsAndWhenItWillHold() throws {
        let text = F.oneRule(when: "level = \"grid\"\noverdue = true", then: "escalate = \"community\"")
            + "\n" + F.oneRule(when: "level = \"street\"").replacingFirst("id = \"r1\"", with: "id = \"r2\"")
        let evaluator = try F.evaluator(text)
        let s = F.dispatched(reported: "2026-11-20 17:00")
        let saturday = evaluator.explain(s, at: F.at("2026-11-21 10:00"), facts: NoFacts())
        #expect(saturday.rules.count == 2)
        guard case .pending(let at) = saturday.rules[0].verdict else { Issue.record("r1 should be pending"); return }
        #expect(at == F.at("2026-11-23 11:00") + 1)
        let overdue = try #require(saturday.rules[0].conditions.last)
        #expect(!overdue.holds)
        #expect(overdue.actual.contains("剩余 3时0分（工作时）"))
        guard case .noMatch = saturday.rules[1].verdict else { Issue.record("r2 should not match"); return }
        #expect(saturday.rules[1].conditions[0].required == "街道")
        #expect(saturday.rules[1].conditions[0].actual == "网格")

        let monday = evaluator.explain(s, at: F.at("2026-11-23 12:00"), facts: NoFacts())
        guard case .matches = monday.rules[0].verdict else { Issue.record("r1 should match on Monday"); return }
        #expect(monday.rules[0].conditions.last?.actual.contains("超时 1时0分（工作时）") == true)
        #expect(evaluator.matchedFacts(monday.rules[0].rule, s, at: F.at("2026-11-23 12:00"), facts: NoFacts())
            == "层级 网格；时限 超时 1时0分（工作时）")
    }

    @Test func meetingsAreOnTheFifthFifteenthAndTwentyFifth() throws {
        func d(_ text: String) throws -> CivilDate { try #require(CivilDate(text)) }
        #expect(JointMeeting.next(onOrAfter: try d("2026-11-20")) == (try d("2026-11-25")))
        #expect(JointMeeting.next(onOrAfter: try d("2026-11-25")) == (try d("2026-11-25")))
        #expect(JointMeeting.next(onOrAfter: try d("2026-11-26")) == (try d("2026-12-05")))
        #expect(JointMeeting.next(onOrAfter: try d("2026-12-31")) == (try d("2027-01-05")))
        #expect(JointMeeting.previous(before: try d("2027-01-05")) == (try d("2026-12-25")))
    }

    @Test func durationsReadOwnAndNamedClocks() throws {
        let cal = F.calendar
        #expect(RuleDuration(text: "2h")?.seconds(on: .workingHours, calendar: cal) == 7200)
        #expect(RuleDuration(text: "1d")?.seconds(on: .workingDays, calendar: cal) == 28_800)
        #expect(RuleDuration(text: "1d")?.seconds(on: .urgentHours, calendar: cal) == 86_400)
        #expect(RuleDuration(text: "30m")?.seconds(on: .calendarDays, calendar: cal) == 1800)
        #expect(RuleDuration(text: "3 working_days") == RuleDuration(amount: 3, unit: .days, clock: .workingDays))
        #expect(RuleDuration(text: "1 urgent_hour") == RuleDuration(amount: 1, unit: .hours, clock: .urgentHours))
        #expect(RuleDuration(text: "2 hours") == nil)
        #expect(RuleDuration(text: "h") == nil)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
