import Testing
@testable import WanggeTUI

@Suite struct KeyTests {
    @Test func rawModeControlCharacters() {
        #expect(Key.fromInput("\r") == .enter)
        #expect(Key.fromInput("\n") == .ctrl("j"))
        #expect(Key.fromInput("\t") == .tab)
        #expect(Key.fromInput("\u{7F}") == .backspace)
        #expect(Key.fromInput("\u{08}") == .backspace)
        #expect(Key.fromInput("\u{1B}") == .escape)
        #expect(Key.fromInput("\u{03}") == .ctrl("c"))
        #expect(Key.fromInput("\u{1A}") == .ctrl("z"))
        #expect(Key.fromInput("\u{00}") == .ctrl("@"))
        #expect(Key.fromInput("\u{1F}") == .ctrl("_"))
        #expect(Key.fromInput("\u{85}") == .unknown(0x85))
    }

    @Test func printableCharacters() {
        #expect(Key.fromInput("q") == .char("q"))
        #expect(Key.fromInput("派") == .char("派"))
        #expect(Key.fromInput(" ") == .char(" "))
    }
}
