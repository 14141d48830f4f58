import Testing
import WanggeCore
@testable import WanggeRules

/// One row per condition: the `[rule.when]` line, a case for which it holds and one for
/// which it does not, judged at a fixed instant.
struct ConditionTableTests {
    typealias F = RulesFixture

    struct Row: CustomStringConvertible, Sendable {
        var when: String
        var matching: @Sendable () -> CaseState
        var other: @Sendable () -> CaseState
        var now = "2026-11-20 10:00"
        var facts: @Sendable () -> any RuleFacts = { NoFacts() }
        var description: String { when }
    }

    /// Dispatched Monday 2026-11-16 09:00 with 4 working hours: 09:00-12:00 is three of
    /// them and 14:00-15:00 the fourth, so it is due at 15:00.
    static func monday(_ mutate: (inout CaseState) -> Void = { _ in }) -> CaseState {
        var s = F.dispatched(reported: "2026-11-16 09:00")
        mutate(&s)
        return s
    }

    static let rows: [Row] = [
        Row(when: "category = [\"06\"]", matching: { monday() }, other: { monday { $0.category = "1203" } }),
        Row(when: "not_category = [\"0601\"]", matching: { monday { $0.category = "1203" } }, other: { monday() }),
        Row(when: "severity = [\"major\", \"critical\"]", matching: { monday { $0.severity = .major } }, other: { monday() }),
        Row(when: "severity_at_least = \"serious\"", matching: { monday { $0.severity = .serious } }, other: { monday() }),
        Row(when: "severity_at_most = \"serious\"", matching: { monday() }, other: { monday { $0.severity = .critical } }),
        Row(when: "level = \"community\"", matching: { monday { $0.level = .community } }, other: { monday() }),
        Row(when: "level_at_least = \"street\"", matching: { monday { $0.level = .department } }, other: { monday() }),
        Row(when: "level_at_most = \"community\"", matching: { monday() }, other: { monday { $0.level = .street } }),
        Row(when: "status = [\"dispatched\"]", matching: { monday() }, other: { monday { $0.status = .inProgress } }),
        Row(when: "stage = \"handling\"", matching: { monday() },
            other: { F.reportedCase(at: F.at("2026-11-20 09:00")) }),
        Row(when: "source = \"12345\"", matching: { monday { $0.source = .hotline } }, other: { monday() }),
        Row(when: "grid_kind = \"school\"", matching: { monday { $0.grid = "G9" } }, other: { monday() }),
        Row(when: "overdue = true", matching: { monday() }, other: { monday() }, now: "2026-11-16 15:01"),
        Row(when: "overdue = false", matching: { monday() }, other: { monday() }, now: "2026-11-16 14:59"),
        Row(when: "overdue_at_least = \"2h\"", matching: { monday() }, other: { monday() }, now: "2026-11-16 17:00"),
        Row(when: "overdue_at_least = \"30 urgent_hours\"", matching: { monday() }, other: { monday() }, now: "2026-11-17 21:00"),
        Row(when: "time_left_at_most = \"1h\"", matching: { monday() }, other: { monday() }, now: "2026-11-16 14:00"),
        Row(when: "limit_used_at_least = 0.5", matching: { monday() }, other: { monday() }, now: "2026-11-16 11:00"),
        Row(when: "stage_elapsed_at_least = \"3 urgent_hours\"", matching: { monday() }, other: { monday() }, now: "2026-11-16 12:00"),
        Row(when: "rework_count_at_least = 2", matching: { monday { $0.reworkCount = 2 } }, other: { monday { $0.reworkCount = 1 } }),
        Row(when: "send_back_count_at_least = 1", matching: { monday { $0.sendBackCount = 1 } }, other: { monday() }),
        Row(when: "supervision_count_at_least = 1", matching: { monday { $0.supervisionCount = 3 } }, other: { monday() }),
        Row(when: "duplicates_at_least = 2", matching: { monday() }, other: { monday { $0.code = "C-2" } },
            facts: { ListFacts(cases: [], duplicates: ["C-1": 2, "C-2": 1]) }),
        Row(when: "age_at_least = \"3d\"", matching: { monday() }, other: { monday { $0.reportedAt = F.at("2026-11-18 09:00") } }),
        Row(when: "repeats_at_least = 3\nrepeat_window = \"30 calendar_days\"", matching: { monday() },
            other: { monday { $0.building = "G1-2" } },
            facts: {
                ListFacts(cases: [
                    CaseSummary(id: 7, code: "C-7", category: "0601", grid: "G1", building: "G1-1", severity: .normal, status: .closed,
                                reportedAt: F.at("2026-11-01 10:00")),
                    CaseSummary(id: 8, code: "C-8", category: "0601", grid: "G1", building: "G1-1", severity: .normal, status: .inProgress,
                                reportedAt: F.at("2026-11-10 10:00")),
                    CaseSummary(id: 9, code: "C-9", category: "0601", grid: "G1", building: "G1-1", severity: .normal, status: .closed,
                                reportedAt: F.at("2026-09-01 10:00")),
                ])
            }),
        Row(when: "summons_overdue = true",
            matching: { monday { $0.summons = [Summons(unit: "XF", dueAt: F.at("2026-11-20 09:00"), summonedAt: F.at("2026-11-20 08:00"))] } },
            other: { monday { $0.summons = [Summons(unit: "XF", dueAt: F.at("2026-11-20 09:00"), summonedAt: F.at("2026-11-20 08:00"),
                                                     reportedInAt: F.at("2026-11-20 08:30"))] } }),
        Row(when: "keywords = [\"群体\", \"自杀\"]", matching: { monday { $0.description = "小区居民群体聚集" } }, other: { monday() }),
    ]

    @Test(arguments: rows)
    func conditionHoldsForOneCaseAndNotTheOther(_ row: Row) throws {
        let evaluator = try F.evaluator(F.oneRule(when: row.when))
        let now = F.at(row.now)
        let yes = evaluator.evaluate(row.matching(), at: now, facts: row.facts())
        #expect(yes.matches.map(\.rule.id) == ["r1"], "\(row.when) should hold")
        let timeBased = ["overdue", "time_left", "limit_used", "stage_elapsed"].contains { row.when.hasPrefix($0) }
        let otherNow = timeBased ? F.at("2026-11-16 09:30") : now
        let no = evaluator.evaluate(row.other(), at: otherNow, facts: row.facts())
        let expectNone = !(row.when == "overdue = false")
        if expectNone {
            #expect(no.matches.isEmpty, "\(row.when) should not hold")
        }
    }

    @Test func overdueFalseStopsHoldingAtTheDeadline() throws {
        let evaluator = try F.evaluator(F.oneRule(when: "overdue = false"))
        let s = Self.monday()
        #expect(evaluator.evaluate(s, at: F.at("2026-11-16 14:59"), facts: NoFacts()).matches.count == 1)
        #expect(evaluator.evaluate(s, at: F.at("2026-11-16 15:00:01"), facts: NoFacts()).matches.isEmpty)
    }

    @Test func timeConditionsScheduleTheNextCheck() throws {
        let evaluator = try F.evaluator(F.oneRule(when: "overdue = true"))
        let s = Self.monday()
        let e = evaluator.evaluate(s, at: F.at("2026-11-16 09:30"), facts: NoFacts())
        #expect(e.matches.isEmpty)
        #expect(e.nextCheck == F.at("2026-11-16 15:00") + 1)
    }

    @Test func timeLeftOnANamedClockStartsWhenTheLastWorkingSecondBeforeItEnds() throws {
        // Dispatched Friday 15:00 with 4 working hours: 15:00-18:00 and Monday 08:00-09:00,
        // due Monday 09:00. "At most 2 working hours left" holds from Friday 17:00; "at most
        // 1" from Friday 18:00, not Monday 08:00 (no working time passes over the weekend).
        let two = try F.evaluator(F.oneRule(when: "time_left_at_most = \"2 working_hours\""))
        let s = F.dispatched(reported: "2026-11-20 15:00")
        #expect(s.dueAt == F.at("2026-11-23 09:00"))
        #expect(two.evaluate(s, at: F.at("2026-11-20 15:30"), facts: NoFacts()).nextCheck == F.at("2026-11-20 17:00"))
        let one = try F.evaluator(F.oneRule(when: "time_left_at_most = \"1 working_hours\""))
        #expect(one.evaluate(s, at: F.at("2026-11-20 15:30"), facts: NoFacts()).nextCheck == F.at("2026-11-20 18:00"))
        #expect(one.evaluate(s, at: F.at("2026-11-21 09:00"), facts: NoFacts()).matches.count == 1)
    }
}
