import Testing
@testable import WanggeTUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumn() {
        #expect(DisplayWidth.of("Case 42: pipe burst") == 19)
    }

    @Test func chineseAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.of("网格") == 4)
        #expect(DisplayWidth.of("ＡＢ！") == 6)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("あ") == 2)
        #expect(DisplayWidth.of("中文ab") == 6)
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
    }

    @Test func ambiguousWidthCountsOne() {
        #expect(DisplayWidth.of("—×─") == 3)
    }

    @Test func emojiFollowsWcwidth() {
        #expect(DisplayWidth.of("😀") == 2)
        // U+2764 is narrow for wcwidth; the variation selector adds nothing.
        #expect(DisplayWidth.of("❤\u{FE0F}") == 1)
    }

    @Test func controlsAreUnprintableScalarsButMeasuredAsTheirMarks() {
        #expect(DisplayWidth.of("\u{1B}" as Unicode.Scalar) == -1)
        #expect(!DisplayWidth.isPrintable("\u{7F}"))
        #expect(DisplayWidth.of("\u{1B}[31m") == 5)  // ␛[31m
        #expect(DisplayWidth.of("a\u{202E}b") == 10)  // a⟨U+202E⟩b
    }

    #if canImport(Glibc)
    /// The ranges where a wrong width breaks layouts: CJK, Hangul, kana, fullwidth forms,
    /// emoji, combining marks, general punctuation and box drawing.
    @Test(arguments: [
        ("ASCII and Latin-1", 0x0000...0x00FF),
        ("combining diacritics", 0x0300...0x036F),
        ("Hangul Jamo", 0x1100...0x11FF),
        ("combining marks for symbols and extended", 0x1AB0...0x1AFF),
        ("general punctuation", 0x2000...0x206F),
        ("box drawing, blocks, shapes", 0x2500...0x25FF),
        ("misc symbols and dingbats", 0x2600...0x27BF),
        ("CJK radicals to Bopomofo", 0x2E80...0x31FF),
        ("CJK extension A", 0x3400...0x4DBF),
        ("CJK unified ideographs", 0x4E00...0x9FFF),
        ("Hangul syllables", 0xAC00...0xD7FF),
        ("CJK compatibility ideographs", 0xF900...0xFAFF),
        ("variation selectors and vertical forms", 0xFE00...0xFE4F),
        ("halfwidth and fullwidth forms", 0xFF00...0xFFEF),
        ("emoji and pictographs", 0x1F300...0x1FAFF),
        ("CJK extension B", 0x20000...0x2A6DF),
    ])
    func matchesGlibcWcwidth(range: (String, ClosedRange<UInt32>)) throws {
        let wcwidth = try #require(GlibcWidth.load(), "C.UTF-8 and wcwidth are needed")
        var mismatches: [String] = []
        for value in range.1 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = wcwidth(value)
            let actual = DisplayWidth.of(scalar)
            if actual != expected {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true)): \(actual) vs glibc \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(range.0): \(mismatches.prefix(10))")
    }
    #endif
}
