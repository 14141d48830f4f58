import Testing
@testable import WanggeCore

@Suite struct TextSanitizerTests {
    @Test func plainTextIsUntouched() {
        let title = "东城区 3 号楼 pipe burst — 紧急"
        #expect(TextSanitizer.neutralise(title) == title)
    }

    @Test func titleMadeOfEscapeSequencesPrintsAsHarmlessText() {
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31m红色\u{9B}0m"
        let shown = TextSanitizer.neutralise(hostile)
        #expect(shown == "␛]0;pwned␇␛[2J␛[31m红色⟨U+009B⟩0m")
        #expect(!shown.unicodeScalars.contains { TextSanitizer.needsReplacement($0) })
    }

    @Test func controlsBecomeControlPictures() {
        #expect(TextSanitizer.neutralise("a\u{00}b\u{07}c\u{7F}") == "a␀b␇c␡")
    }

    @Test func bidiAndZeroWidthCharactersBecomeVisibleMarks() {
        #expect(TextSanitizer.neutralise("abc\u{202E}txt.exe") == "abc⟨U+202E⟩txt.exe")
        #expect(TextSanitizer.neutralise("\u{2066}x\u{2069}") == "⟨U+2066⟩x⟨U+2069⟩")
        #expect(TextSanitizer.neutralise("\u{200E}\u{200F}\u{061C}") == "⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩")
        #expect(TextSanitizer.neutralise("a\u{200B}b\u{200D}c\u{FEFF}d\u{2060}") == "a⟨U+200B⟩b⟨U+200D⟩c⟨U+FEFF⟩d⟨U+2060⟩")
    }

    @Test func hiddenTagCharactersAndFillersShow() {
        #expect(TextSanitizer.neutralise("ok\u{E0041}") == "ok⟨U+E0041⟩")
        #expect(TextSanitizer.neutralise("\u{3164}") == "⟨U+3164⟩")
    }

    @Test func unassignedCodePointsBecomeReplacementCharacter() {
        #expect(TextSanitizer.neutralise("a\u{378}b\u{FFFE}") == "a�b�")
    }

    @Test func lineBreaksAndTabsOnOneLine() {
        #expect(TextSanitizer.neutralise("一\r\n二\n三\r四\t五\u{2028}六") == "一 二 三 四 五 六")
    }

    @Test func lineBreaksKeptWhenAsked() {
        #expect(TextSanitizer.neutralise("一\r\n二\r三\u{2029}四\t五", singleLine: false) == "一\n二\n三\n四 五")
    }

    @Test func combiningMarksAndVariationSelectorsStay() {
        let text = "e\u{301} ❤\u{FE0F}"
        #expect(TextSanitizer.neutralise(text) == text)
    }
}
