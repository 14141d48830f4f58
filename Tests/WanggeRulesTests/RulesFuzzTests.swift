import Testing
import WanggeCore
import WanggeFuzzSupport
import WanggeRules
import WanggeTOML

/// The rule parser and evaluator on seeded random mutations of real rule files: every
/// input either loads or is refused with a line and column inside it, and every rule set
/// that loads can be evaluated on cases in every state without trapping (an overflowing
/// duration, a contradictory window…). Rounds and time scale with `WANGGE_FUZZ_SCALE`.
struct RulesFuzzTests {
    typealias F = RulesFixture

    static let bases = [
        DefaultRules.text,
        F.oneRule(when: "overdue_at_least = \"2h\"\nlevel = \"grid\"", then: "escalate = \"community\""),
        F.oneRule(when: "time_left_at_most = \"30m\"\nlimit_used_at_least = 0.75", then: "notify = [\"supervisor\"]\nnote = \"快到期\""),
        """
        [duplicates]
        window = "24h"
        scope = "building"
        [[inhibit]]
        id = "fire"
        emergency = ["0401"]
        hold = ["06"]
        scope = "grid"
        """,
    ]

    static let cases: [CaseState] = [
        F.reportedCase(at: F.at("2026-11-16 09:00")),
        F.dispatched(id: 2, reported: "2026-11-13 09:00"),
        F.dispatched(id: 3, category: "0401", level: .street, severity: .critical, reported: "2026-10-02 23:00",
                     limit: TimeLimit(amount: 1, clock: .urgentHours)),
    ]

    @Test(.timeLimit(.minutes(10)))
    func mutatedRuleFilesLoadOrFailAtAPlaceAndNeverTrap() {
        var mutator = TextMutator(seed: 0x7275_6C65_73)  // "rules"
        let budget = FuzzBudget(rounds: 2_000, seconds: 6, minimumRounds: 500)
        var loaded = 0, refused = 0, round = 0
        let now = F.at("2026-11-16 10:00")
        while budget.allows(round) {
            let base = Self.bases[round % Self.bases.count]
            let text = mutator.mutated(base)
            let lines = text.unicodeScalars.filter { $0 == "\n" }.count + 1
            do {
                let rules = try F.rules(text)
                loaded += 1
                let evaluator = RuleEvaluator(rules: rules, context: F.context)
                for state in Self.cases {
                    for offset in [0, 3_600, 86_400 * 30] as [Int64] {
                        _ = evaluator.evaluate(state, at: now + offset, facts: NoFacts())
                    }
                }
            } catch {
                refused += 1
                #expect(error.position.line >= 1 && error.position.line <= lines + 1, "round \(round): \(error)")
                #expect(error.position.column >= 1, "round \(round): \(error)")
                #expect(!error.message.isEmpty, "round \(round)")
            }
            round += 1
        }
        #expect(loaded >= 1, "some mutations should still load (\(loaded) of \(round))")
        #expect(refused > 100, "most mutations should be refused (\(refused) of \(round))")
    }
}
