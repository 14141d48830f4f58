import Testing
import WanggeFuzzSupport
@testable import WanggeTOML

/// Pieces that are likely to reach interesting parser states when inserted.
private let fragments: [String] = [
    "\"", "'", "\"\"\"", "'''", "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "#", "\\", "\\u", "\\U0010FFFF",
    "\\uD800", "\n", "\r", "\r\n", "\u{0}", "\u{7F}", "\t", " ", "中", "e\u{301}", "🇨🇳", "\u{FEFF}", "0x", "0b", "1e",
    "_", "-", "+", ":", "T", "Z", "inf", "nan", "true", "1979-05-27", "07:32:00", "a.b", "[[x]]\n", "[x]\n",
    "k = 1\n", "= {", "= [", "9223372036854775808", "\"\\", "'''\n", "\"\"\"\n",
]

@Suite("Fuzzing")
struct FuzzTests {
    /// Every mutation of a valid document either parses or throws a `TOMLError`
    /// pointing inside the document; what parses can be written and read back.
    @Test func randomMutationsNeverCrash() throws {
        var mutator = TextMutator(seed: 0x7761_6E67_6765, fragments: fragments)  // "wangge"
        let bases = [Array(organisationFixture.unicodeScalars), Array(featureFixture.unicodeScalars)]
        var parsed = 0
        var failed = 0
        for round in 0..<3_000 {
            var scalars = bases[round % bases.count]
            for _ in 0..<mutator.int(1...4) {
                mutator.mutate(&scalars)
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let lineCount = scalars.filter { $0 == "\n" }.count + 1
            do {
                let table = try TOMLParser.parse(text, file: "fuzz.toml")
                parsed += 1
                let written = TestWriter.document(table)
                let reread = try TOMLParser.parse(written)
                #expect(TestWriter.document(reread) == written, "round \(round)")
            } catch {
                failed += 1
                #expect(error.file == "fuzz.toml" || error.file == nil)
                #expect(error.position.line >= 1 && error.position.line <= lineCount, "round \(round): \(error)")
                #expect(error.position.column >= 1, "round \(round): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(parsed > 100)
        #expect(failed > 100)
    }

    /// Random bytes of TOML punctuation, which reach states a mutated document does not.
    @Test func randomPunctuationNeverCrashes() {
        var rng = TextMutator.Generator(seed: 42)
        let alphabet = Array("[]{}\"'=.,#\\ \n\tab1_-+:eE0x中".unicodeScalars)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<60, using: &rng) {
                text.unicodeScalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)])
            }
            do {
                _ = try TOMLParser.parse(text)
            } catch {
                #expect(error.position.line >= 1 && error.position.column >= 1)
            }
        }
    }
}
