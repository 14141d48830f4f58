import WanggeCore
import WanggeRules
import WanggeTOML

/// Shared fixtures for the rule tests: the demo-like calendar and catalog, a case
/// builder with a fixed clock, and a parser shortcut.
enum RulesFixture {
    /// Asia/Shanghai, 08:00-12:00 and 14:00-18:00, weekends off; 2026-10-10 (a
    /// Saturday) is a make-up working day and 2026-10-01...07 are holidays.
    static let calendar: WorkCalendar = {
        var c = WorkCalendar.standard
        c.makeUpWorkdays = [CivilDate(year: 2026, month: 10, day: 10)!]
        c.holidays = Set((1...7).map { CivilDate(year: 2026, month: 10, day: $0)! })
        return c
    }()

    static func at(_ text: String) -> Instant {
        guard let i = calendar.parseLocal(text) else { fatalError("bad time \(text)") }
        return i
    }
}
