import Testing
import WanggeCore
@testable import WanggeRules

/// The bit-mask gate only skips rules that cannot match: for every rule and every kind
/// of case, a case the gate refuses is one whose conditions, judged one by one, never hold.
struct RuleGateTests {
    typealias F = RulesFixture

    static let extraRules = """
        [[rule]]
        id = "short-prefix"
        description = "前缀不足两位：不按大类拦截"
        [rule.when]
        category = ["0"]
        source = ["12345", "camera"]
        [rule.then]
        supervise = "timeout"

        [[rule]]
        id = "severe-verification"
        description = "严重且在核查阶段"
        [rule.when]
        severity_at_least = "serious"
        stage = "verification"
        status = ["handled"]
        [rule.then]
        supervise = "timeout"

        [[rule]]
        id = "two-classes"
        description = "两个大类的分类"
        [rule.when]
        category = ["0601", "1001"]
        level_at_least = "community"
        [rule.then]
        notify = ["supervisor"]
        """

    @Test func gateRefusesOnlyRulesThatCannotMatch() throws {
        let now = F.at("2026-11-20 10:00")
        var refused = 0
        var admitted = 0
        for text in [DefaultRules.text, Self.extraRules] {
            let evaluator = RuleEvaluator(rules: try RulesFile.parse(text, file: "rules.toml"), context: F.context)
            let storage = evaluator.storage
            for category in ["0401", "0403", "0601", "1001", "1203", "X1", "4"] {
                for level in Level.allCases {
                    for severity in Severity.allCases {
                        for source in CaseSource.allCases {
                            for status in [CaseStatus.reported, .accepted, .inProgress, .handled] {
                                for stage in [nil, Stage.dispatch, .handling, .verification] {
                                    var s = F.dispatched(category: category, level: level, severity: severity, source: source,
                                                         reported: "2026-11-16 09:00")
                                    s.status = status
                                    if let stage { s.clock?.stage = stage } else { s.clock = nil }
                                    let view = CaseView(state: s, now: now, context: storage.context)
                                    let facts = RuleGate.Facts(s)
                                    for i in storage.ordered.indices {
                                        let judged = ConditionCheck.combine(storage.ordered[i].map { ConditionCheck.outcome($0, view, facts: nil) })
                                        if storage.gates[i].admits(facts) {
                                            admitted += 1
                                        } else {
                                            refused += 1
                                            #expect(judged == .never, "\(evaluator.rules.rules[i].id) refused \(category) \(level) \(severity) \(source) \(status) \(String(describing: stage))")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(refused > admitted, "the gate refuses most rules for most cases (\(refused) refused, \(admitted) admitted)")
    }

    @Test func categoryClasses() {
        #expect(RuleGate.categoryClass("0401") == 4)
        #expect(RuleGate.categoryClass("99") == 99)
        #expect(RuleGate.categoryClass("0") == nil)
        #expect(RuleGate.categoryClass("A1") == nil)
        #expect(RuleGate.categoryClass("") == nil)
    }
}
