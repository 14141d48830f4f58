import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeRules
import WanggeStore

/// The default rules against the demo database: what they do, that every action says
/// why, and that doing it again does nothing.
@Suite(.serialized) struct EngineDemoTests {
    @Test func defaultRulesAgainstTheDemo() throws {
        let f = try EngineFixture(cases: 3_000)
        let runner = try f.runner()
        let now = EngineFixture.demoNow
        let first = try runner.tick(now: now)
        #expect(first.fullReevaluation, "the first tick judges every open case")
        #expect(first.evaluated == (try f.store.count(CaseQuery(openOnly: true))))
        #expect(first.events > 0)
        #expect(first.refusals.isEmpty, "\(first.refusals)")
        let events = try f.engineEvents()
        #expect(events.count == first.events)
        for (i, stored) in events.enumerated() {
            // The key is on the first event of each append; the others follow it in the same case.
            if let key = stored.idempotencyKey {
                #expect(key.hasPrefix("engine/\(stored.event.caseID)/"))
            } else {
                #expect(i > 0 && events[i - 1].event.caseID == stored.event.caseID && events[i - 1].event.version == stored.event.version - 1)
            }
            switch stored.event.body {
            case let .escalated(from, to, reason, rule, _, _):
                #expect(to > from)
                #expect(rule != nil && reason.contains("〔规则 \(rule ?? "")："), "\(reason)")
            case .supervised(_, let note): #expect(note.contains("〔规则 "))
            case .summoned(_, let note): #expect(note?.contains("〔规则 ") == true)
            case .severityRaised(_, _, _, let rule), .agendaListed(_, _, _, let rule), .notified(_, _, let rule): #expect(rule != nil)
            default: Issue.record("unexpected engine event \(stored.event.body.kind)")
            }
        }
        // Emergencies (not missing manhole covers) are at street level or above afterwards.
        for s in try f.store.cases(CaseQuery(openOnly: true, categoryPrefix: "04")) where s.category != "0403" {
            #expect(s.level >= .street, "\(s.code) \(s.category) at \(s.level)")
        }
        // Nothing that was overdue at grid level and could be escalated is left there.
        for s in try f.store.cases(CaseQuery(overdueAt: now, level: .grid)) {
            #expect(!RuleEffects.escalatable.contains(s.status), "\(s.code) is still at grid level")
        }
        // Again and again: only follow-ups of the cases just changed, then nothing.
        var previous = try f.store.lastSeq()
        for _ in 0..<4 {
            let again = try runner.tick(now: now)
            #expect(!again.fullReevaluation)
            previous = try f.store.lastSeq()
            if again.events == 0 { break }
        }
        let quiet = try runner.tick(now: now)
        #expect(quiet.events == 0 && quiet.evaluated == 0)
        #expect(try f.store.lastSeq() == previous)
        let keys = try f.engineEvents().compactMap(\.idempotencyKey)
        #expect(Set(keys).count == keys.count)
        let report = try f.store.check()
        #expect(report.isClean, "\(report.problems)")
    }

    @Test func explainShowsWhatWasDone() throws {
        let f = try EngineFixture(cases: 600)
        let runner = try f.runner()
        _ = try runner.tick(now: EngineFixture.demoNow)
        let escalated = try #require(try f.engineEvents().first { if case .escalated = $0.event.body { true } else { false } })
        let state = try #require(try f.store.caseState(id: escalated.event.caseID))
        let text = try RulesExplainText.render(state, rules: runner.rules, workspace: f.workspace, at: EngineFixture.demoNow)
        #expect(text.contains("案件 \(state.code)"))
        #expect(text.contains("[不匹配]"))
        #expect(text.contains("✓ level") || text.contains("✗ level"))
    }

    @Test func installingRulesMakesTheEngineJudgeEverythingAgain() throws {
        let f = try EngineFixture(cases: 200)
        _ = try f.runner().tick(now: EngineFixture.demoNow)
        let text = DefaultRules.text.replacingOccurrences(of: "id = \"grid-overdue\"", with: "id = \"grid-overdue\"\nenabled = false")
        let installed = try EngineRules.install(text, file: "rules.toml", into: f.workspace)
        #expect(installed.set.rule("grid-overdue") == nil)
        let next = try f.runner(rules: try EngineRules.load(f.workspace)).tick(now: EngineFixture.demoNow)
        #expect(next.fullReevaluation)
        #expect(throws: AppError.self) {
            try EngineRules.install("[[rule]]\nid = \"x\"\n", file: "bad.toml", into: f.workspace)
        }
        #expect(try EngineRules.load(f.workspace).fingerprint == installed.fingerprint, "a bad file stores nothing")
    }
}
