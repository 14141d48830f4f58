#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seeded mutation of text for fuzz tests: the same seed always makes the same inputs,
/// so a failure is reproduced by its seed and round. Bounded by the caller's rounds and
/// time budget, never by luck.
public struct TextMutator {
    /// SplitMix64: small, fast and deterministic on every platform.
    public struct Generator: RandomNumberGenerator, Sendable {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces likely to reach interesting parser states when inserted: TOML punctuation,
    /// escapes, controls, bidi and zero-width characters, huge numbers and durations.
    public static let tomlFragments: [String] = [
        "\"", "'", "\"\"\"", "'''", "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "#", "\\", "\\u", "\\U0010FFFF",
        "\\uD800", "\n", "\r", "\r\n", "\u{0}", "\u{7F}", "\t", " ", "中", "e\u{301}", "🇨🇳", "\u{FEFF}", "\u{202E}", "\u{200B}",
        "\u{1B}[2J", "0x", "0b", "1e", "_", "-", "+", ":", "T", "Z", "inf", "nan", "true", "false", "1979-05-27",
        "07:32:00", "a.b", "[[x]]\n", "[x]\n", "k = 1\n", "= {", "= [", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "\"\\", "'''\n", "\"\"\"\n", "\"99999999999999d\"", "\"0h\"", "\"-1d\"", "\"1.5h\"",
        "\"2147483648 working_days\"", "1e308", "-0", "0.0", "[]", "{}", "\"\"",
    ]

    public var generator: Generator
    public let fragments: [String]

    public init(seed: UInt64, fragments: [String] = TextMutator.tomlFragments) {
        generator = Generator(seed: seed)
        self.fragments = fragments
    }

    public mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &generator) }
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// `text` after one to `maxEdits` random edits.
    public mutating func mutated(_ text: String, maxEdits: Int = 4) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<int(1...maxEdits) { mutate(&scalars) }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    /// One edit: delete a run, insert a fragment (anywhere or at a line start), replace a
    /// scalar, swap two, duplicate a slice, or drop a whole line.
    public mutating func mutate(_ scalars: inout [Unicode.Scalar]) {
        let count = scalars.count
        let i = count == 0 ? 0 : int(0..<count)
        switch int(0..<7) {
        case 0 where count > 0:
            scalars.removeSubrange(i..<min(count, i + int(1...4)))
        case 1:
            scalars.insert(contentsOf: pick(fragments).unicodeScalars, at: i)
        case 2 where count > 0:
            scalars[i] = Unicode.Scalar(UInt32(int(0..<0x3000))) ?? "?"
        case 3 where count > 1:
            scalars.swapAt(i, int(0..<count))
        case 4 where count > 0:
            let slice = Array(scalars[i..<min(count, i + int(1...40))])
            scalars.insert(contentsOf: slice, at: int(0...count))
        case 5 where count > 0:
            let starts = lineStarts(scalars)
            let start = pick(starts)
            let end = scalars[start...].firstIndex(of: "\n").map { $0 + 1 } ?? count
            scalars.removeSubrange(start..<end)
        default:
            let starts = lineStarts(scalars)
            scalars.insert(contentsOf: pick(fragments).unicodeScalars, at: starts.isEmpty ? 0 : pick(starts))
        }
    }

    private func lineStarts(_ scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" && index + 1 < scalars.count { starts.append(index + 1) }
        return starts
    }
}

/// A wall-clock budget for a fuzz loop, measured with a monotonic clock.
public struct FuzzBudget {
    let clock = ContinuousClock()
    let deadline: ContinuousClock.Instant
    public let rounds: Int
    public let minimumRounds: Int

    /// At least `minimumRounds` rounds whatever the time (so what a test expects of its
    /// first rounds holds on a loaded machine: they are the same rounds for the same
    /// seed), then more up to `rounds` while `seconds` last; rounds and seconds scale with
    /// `$WANGGE_FUZZ_SCALE` (default 1).
    public init(rounds: Int, seconds: Double, minimumRounds: Int) {
        let scale = FuzzBudget.scale
        self.rounds = Int(Double(rounds) * scale)
        self.minimumRounds = min(minimumRounds, self.rounds)
        deadline = clock.now.advanced(by: .milliseconds(Int(seconds * scale * 1000)))
    }

    /// Whether round `round` may still run.
    public func allows(_ round: Int) -> Bool { round < minimumRounds || (round < rounds && clock.now < deadline) }

    /// `$WANGGE_FUZZ_SCALE`: 10 for a ten times longer run.
    public static var scale: Double {
        guard let text = getenv("WANGGE_FUZZ_SCALE").map({ String(cString: $0) }), let value = Double(text), value > 0 else { return 1 }
        return value
    }
}
