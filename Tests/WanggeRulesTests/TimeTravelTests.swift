import Testing
import WanggeCore
@testable import WanggeRules

/// The engine's sense of time on fixed clocks: working hours skip nights and weekends,
/// a make-up Saturday counts, a suspended case's clock stands still.
struct TimeTravelTests {
    typealias F = RulesFixture

    static let escalateWhenOverdue = F.oneRule(when: "level = \"grid\"\noverdue = true", then: "escalate = \"community\"")

    /// Reported and dispatched Friday 2026-11-20 17:00 with 4 working hours: one hour on
    /// Friday, three on Monday, due Monday 11:00.
    @Test func fridayEveningCaseIsOverdueOnMondayNotOnSaturday() throws {
        let evaluator = try F.evaluator(Self.escalateWhenOverdue)
        let s = F.dispatched(reported: "2026-11-20 17:00")
        #expect(s.dueAt == F.at("2026-11-23 11:00"))
        for quiet in ["2026-11-21 10:00", "2026-11-22 23:00", "2026-11-23 10:59", "2026-11-23 11:00"] {
            #expect(evaluator.evaluate(s, at: F.at(quiet), facts: NoFacts()).matches.isEmpty, "not overdue at \(quiet)")
        }
        let saturday = evaluator.evaluate(s, at: F.at("2026-11-21 10:00"), facts: NoFacts())
        #expect(saturday.nextCheck == F.at("2026-11-23 11:00") + 1, "the engine looks again the second it is late")
        let monday = evaluator.evaluate(s, at: F.at("2026-11-23 11:01"), facts: NoFacts())
        #expect(monday.matches.map(\.rule.id) == ["r1"])
        #expect(monday.matches.first?.effective == [.escalate(.level(.community))])
    }

    /// Friday 2026-10-09 17:00 with 4 working hours: Saturday 10-10 is a make-up working
    /// day, so the three remaining hours run on Saturday morning: due Saturday 11:00.
    @Test func makeUpSaturdayCounts() throws {
        let evaluator = try F.evaluator(Self.escalateWhenOverdue)
        let s = F.dispatched(reported: "2026-10-09 17:00")
        #expect(s.dueAt == F.at("2026-10-10 11:00"))
        #expect(evaluator.evaluate(s, at: F.at("2026-10-10 10:30"), facts: NoFacts()).matches.isEmpty)
        #expect(evaluator.evaluate(s, at: F.at("2026-10-10 11:30"), facts: NoFacts()).matches.count == 1)
    }

    /// The National Day week: a case dispatched on 2026-09-30 17:00 with 4 working hours
    /// has one hour that day and the rest after the holidays (Thursday 10-08).
    @Test func holidaysDoNotCount() throws {
        let evaluator = try F.evaluator(Self.escalateWhenOverdue)
        let s = F.dispatched(reported: "2026-09-30 17:00")
        #expect(s.dueAt == F.at("2026-10-08 11:00"))
        #expect(evaluator.evaluate(s, at: F.at("2026-10-05 12:00"), facts: NoFacts()).matches.isEmpty)
    }

    /// Suspended (挂账) from Monday 09:00 to Wednesday 09:00, one working hour after its
    /// dispatch at Monday 08:00: the clock stands still for two days and the deadline
    /// moves with it; the case is never overdue while suspended.
    @Test func suspendedCaseDoesNotRun() throws {
        let evaluator = try F.evaluator(Self.escalateWhenOverdue)
        var s = F.dispatched(reported: "2026-11-16 08:00")
        #expect(s.dueAt == F.at("2026-11-16 12:00"))
        let from = F.at("2026-11-16 09:00"), until = F.at("2026-11-18 09:00")
        var clock = try #require(s.clock)
        clock.suspensions.append(TimeSpan(start: from, end: until))
        let due = try #require(F.calendar.deadline(start: clock.start, limit: clock.limit, suspensions: clock.suspensions))
        F.apply(&s, .suspended(reason: "等待产权单位答复", until: until, dueAt: due), at: from)
        #expect(s.dueAt == F.at("2026-11-18 12:00"))
        #expect(evaluator.evaluate(s, at: F.at("2026-11-17 15:00"), facts: NoFacts()).matches.isEmpty)
        #expect(evaluator.evaluate(s, at: F.at("2026-11-18 11:59"), facts: NoFacts()).matches.isEmpty)
        #expect(evaluator.evaluate(s, at: F.at("2026-11-18 12:01"), facts: NoFacts()).matches.count == 1)
        let used = try F.evaluator(F.oneRule(when: "limit_used_at_least = 0.5"))
        #expect(used.evaluate(s, at: F.at("2026-11-17 17:00"), facts: NoFacts()).matches.isEmpty, "half the limit is not used while suspended")
        #expect(used.evaluate(s, at: F.at("2026-11-17 17:00"), facts: NoFacts()).nextCheck == F.at("2026-11-18 10:00"))
    }

    /// Each deadline is its own occurrence: after an approved extension the same rule
    /// fires again for the new deadline, under a new idempotency step.
    @Test func stepNamesTheDeadline() throws {
        let evaluator = try F.evaluator(F.oneRule(when: "overdue = true"))
        var s = F.dispatched(reported: "2026-11-16 08:00")
        let first = try #require(evaluator.evaluate(s, at: F.at("2026-11-16 13:00"), facts: NoFacts()).matches.first)
        #expect(first.step == "handling@\(F.at("2026-11-16 12:00").secondsSinceEpoch)")
        F.apply(&s, .extensionDecided(approved: true, note: nil, dueAt: F.at("2026-11-17 12:00")), at: F.at("2026-11-16 13:00"))
        let second = try #require(evaluator.evaluate(s, at: F.at("2026-11-17 13:00"), facts: NoFacts()).matches.first)
        #expect(second.step != first.step)
        let once = try F.evaluator(F.oneRule(when: "overdue = true", extra: "once = true"))
        #expect(once.evaluate(s, at: F.at("2026-11-17 13:00"), facts: NoFacts()).matches.first?.step == "once")
    }
}
