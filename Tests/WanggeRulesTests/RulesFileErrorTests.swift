import Foundation
import Testing
import WanggeCore
import WanggeTOML
@testable import WanggeRules

/// Every mistake in a rules file is an error at its file, line and column.
struct RulesFileErrorTests {
    typealias F = RulesFixture

    struct Row: CustomStringConvertible, Sendable {
        var name: String
        var text: String
        var line: Int
        var column: Int
        var message: String
        var description: String { name }
    }

    static let rows: [Row] = [
        Row(name: "unknown key in when", text: F.oneRule(when: "levle = \"grid\""), line: 6, column: 1,
            message: "未知的键 \"levle\""),
        Row(name: "bad enum value", text: F.oneRule(when: "level = \"gird\""), line: 6, column: 9, message: "是否想写 \"grid\""),
        Row(name: "bad duration", text: F.oneRule(when: "overdue_at_least = \"2 hours\""), line: 6, column: 20,
            message: "时长 \"2 hours\" 无效"),
        Row(name: "unknown category", text: F.oneRule(when: "category = [\"06\", \"77\"]"), line: 6, column: 19,
            message: "没有以 77 开头的分类"),
        Row(name: "unknown unit", text: F.oneRule(when: "category = \"04\"", then: "summon = [\"XF\", \"XG\"]"), line: 8, column: 17,
            message: "组织架构中没有部门 XG"),
        Row(name: "closed status", text: F.oneRule(when: "status = [\"dispatched\", \"closed\"]"), line: 6, column: 25,
            message: "永远不会成立"),
        Row(name: "contradictory severities", text: F.oneRule(when: "severity_at_least = \"major\"\nseverity_at_most = \"serious\""),
            line: 7, column: 20, message: "严重程度条件互相矛盾"),
        Row(name: "escalation not upwards", text: F.oneRule(when: "level = \"street\"", then: "escalate = \"community\""),
            line: 8, column: 12, message: "升级目标社区不高于条件允许的层级"),
        Row(name: "escalating verified cases", text: F.oneRule(when: "status = \"handled\"", then: "escalate = \"next\""),
            line: 8, column: 12, message: "只有待受理、待派遣、待接单、处置中的案件可以升级"),
        Row(name: "stage and status disagree", text: F.oneRule(when: "status = \"dispatched\"\nstage = \"verification\""),
            line: 7, column: 9, message: "状态、阶段与计时条件互相矛盾"),
        Row(name: "overdue false and overdue by", text: F.oneRule(when: "overdue = false\noverdue_at_least = \"1h\""),
            line: 7, column: 20, message: "overdue = false 与 overdue_at_least"),
        Row(name: "excluded everything", text: F.oneRule(when: "category = \"0601\"\nnot_category = \"06\""),
            line: 7, column: 16, message: "not_category 排除了 category 中的全部分类"),
        Row(name: "no action", text: "[[rule]]\nid = \"r1\"\ndescription = \"没有动作\"\n[rule.when]\noverdue = true\n", line: 1,
            column: 1, message: "缺少 [rule.then]"),
        Row(name: "duplicate id", text: F.oneRule(when: "overdue = true") + "\n" + F.oneRule(when: "overdue = false"), line: 10,
            column: 6, message: "规则编号 \"r1\" 重复"),
        Row(name: "repeat window missing", text: F.oneRule(when: "repeats_at_least = 3"), line: 6, column: 20,
            message: "须写 repeat_window"),
        Row(name: "lease shorter than tick", text: "[engine]\ntick_seconds = 60\nlease_seconds = 30\n", line: 3, column: 17,
            message: "lease_seconds（30）应大于 tick_seconds（60）"),
    ]

    @Test(arguments: rows)
    func errorNamesTheSpot(_ row: Row) throws {
        let error = try #require(F.error(row.text), "\(row.name) should be refused")
        #expect(error.file == "rules.toml")
        #expect(error.position == SourcePosition(line: row.line, column: row.column), "\(row.name): \(error)")
        #expect(error.message.contains(row.message), "\(row.name): \(error.message)")
    }

    @Test func ruleBehindABroaderStopRuleIsUnreachable() throws {
        let text = """
            [[rule]]
            id = "any-overdue"
            description = "超时即督办"
            order = 1
            stop = true
            [rule.when]
            overdue = true
            [rule.then]
            supervise = "timeout"

            [[rule]]
            id = "grid-overdue"
            description = "网格超时升级"
            order = 2
            [rule.when]
            level = "grid"
            overdue_at_least = "2h"
            [rule.then]
            escalate = "community"
            """
        let error = try #require(F.error(text))
        #expect(error.position == SourcePosition(line: 11, column: 1))
        #expect(error.message.contains("规则 grid-overdue 永远不会生效"))
        #expect(error.message.contains("any-overdue（第 1 行"))
        // Narrowed (another level), the later rule is reachable again.
        #expect(F.error(text.replacingOccurrences(of: "overdue = true", with: "overdue = true\nlevel = \"street\"")) == nil)
    }

    @Test func defaultRulesAreValid() throws {
        let set = try RulesFile.parse(DefaultRules.text, file: DefaultRules.fileName)
        #expect(set.rules.count >= 15)
        #expect(set.rules.map(\.order) == set.rules.map(\.order).sorted())
        #expect(set.inhibitions.count == 1)
        for id in ["emergency-to-street", "grid-overdue", "community-overdue", "street-overdue", "street-reworked",
                   "hotline-emergency-dispatch", "hotline-utilities-dispatch", "hotline-dispatch", "hard-dispute-agenda"] {
            #expect(set.rule(id) != nil, "default rules lack \(id)")
        }
    }

    @Test func disabledRuleIsCheckedButNotRun() throws {
        let set = try F.rules(F.oneRule(when: "overdue = true", extra: "enabled = false"))
        #expect(set.rules.isEmpty)
        #expect(F.error(F.oneRule(when: "overdue = maybe", extra: "enabled = false")) != nil)
    }
}
