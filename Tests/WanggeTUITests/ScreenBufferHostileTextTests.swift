import Testing
@testable import WanggeTUI

/// Text put into a screen buffer goes through Core's `TextSanitizer` first.
struct ScreenBufferHostileTextTests {
    @Test func aTitleMadeOfEscapeSequencesIsDrawnAsHarmlessText() {
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31m红色\u{9B}0m"
        var buffer = ScreenBuffer(width: 40, height: 1)
        buffer.put(hostile, x: 0, y: 0)
        let line = buffer.textLines()[0]
        #expect(line.hasPrefix("␛]0;pwned␇␛[2J␛[31m红色⟨U+009B⟩0m"))
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
    }
}
