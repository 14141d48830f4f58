import Testing
@testable import WanggeTOML

/// A small seeded generator, so a failing mutation can be reproduced.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Pieces that are likely to reach interesting parser states when inserted.
private let fragments: [String] = [
    "\"", "'", "\"\"\"", "'''", "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "#", "\\", "\\u", "\\U0010FFFF",
    "\\uD800", "\n", "\r", "\r\n", "\u{0}", "\u{7F}", "\t", " ", "中", "e\u{301}", "🇨🇳", "\u{FEFF}", "0x", "0b", "1e",
    "_", "-", "+", ":", "T", "Z", "inf", "nan", "true", "1979-05-27", "07:32:00", "a.b", "[[x]]\n", "[x]\n",
    "k = 1\n", "= {", "= [", "9223372036854775808", "\"\\", "'''\n", "\"\"\"\n",
]

@Suite("Fuzzing")
struct FuzzTests {
    private func mutate(_ scalars: inout [Unicode.Scalar], _ rng: inout SplitMix64) {
        let count = scalars.count
        let i = count == 0 ? 0 : Int.random(in: 0..<count, using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0 where count > 0:  // delete a short run
            let end = min(count, i + Int.random(in: 1...4, using: &rng))
            scalars.removeSubrange(i..<end)
        case 1:  // insert a fragment
            let fragment = fragments[Int.random(in: 0..<fragments.count, using: &rng)]
            scalars.insert(contentsOf: fragment.unicodeScalars, at: i)
        case 2 where count > 0:  // replace with a random scalar
            let value = UInt32.random(in: 0..<0x3000, using: &rng)
            scalars[i] = Unicode.Scalar(value) ?? "?"
        case 3 where count > 1:  // swap two scalars
            scalars.swapAt(i, Int.random(in: 0..<count, using: &rng))
        case 4 where count > 0:  // duplicate a slice somewhere else
            let end = min(count, i + Int.random(in: 1...40, using: &rng))
            let slice = Array(scalars[i..<end])
            scalars.insert(contentsOf: slice, at: Int.random(in: 0...count, using: &rng))
        default:  // insert a fragment at a line start
            let starts = scalars.indices.filter { $0 == 0 || scalars[$0 - 1] == "\n" }
            let at = starts.isEmpty ? 0 : starts[Int.random(in: 0..<starts.count, using: &rng)]
            let fragment = fragments[Int.random(in: 0..<fragments.count, using: &rng)]
            scalars.insert(contentsOf: fragment.unicodeScalars, at: at)
        }
    }

    /// Every mutation of a valid document either parses or throws a `TOMLError`
    /// pointing inside the document; what parses can be written and read back.
    @Test func randomMutationsNeverCrash() throws {
        var rng = SplitMix64(state: 0x7761_6E67_6765)  // "wangge"
        let bases = [Array(organisationFixture.unicodeScalars), Array(featureFixture.unicodeScalars)]
        var parsed = 0
        var failed = 0
        for round in 0..<3_000 {
            var scalars = bases[round % bases.count]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                mutate(&scalars, &rng)
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
        var rng = SplitMix64(state: 42)
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
