import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeTestSupport
@testable import WanggeTUI

/// A 100,000-character note and an escape-sequence title in the console: the case opens,
/// the timeline scrolls to the end, every line fits, and nothing reaches the terminal raw.
struct ConsoleLongTextTests {
    @Test func aHundredThousandCharacterNoteOpensAndScrolls() throws {
        let fixture = try DemoFixture(cases: 20)
        let title = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}标题"
        let reported = try fixture.report(title: title, category: "0101", grid: "0103")
        let note = String(repeating: "长文备注", count: 25_000)
        try CaseService(workspace: fixture.workspace).execute(.comment(text: note), onCase: reported.code, as: fixture.supervisor, at: fixture.now)
        let c = ConsoleHarness(fixture: fixture)
        c.type(":open \(reported.code)")
        c.press(.enter)
        #expect(c.runtime.state.screen == .detail)
        #expect(c.text.contains("␛]0;pwned␇␛[2J⟨U+009B⟩31m⟨U+202E⟩标题"), "\(c.text)")
        for _ in 0..<30 { c.press(.pageDown) }
        c.press(.end)
        c.press(.char("G"))
        #expect(c.lines.count == 24)
        #expect(c.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(!c.text.unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(c.text.contains("长文备注"))
    }
}
