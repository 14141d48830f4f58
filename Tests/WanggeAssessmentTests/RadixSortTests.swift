import Testing
import WanggeAssessment

/// The radix sort orders exactly as the standard sort: negatives, duplicates, extremes,
/// values sharing digits, short and long arrays.
struct RadixSortTests {
    @Test func ordersExactlyAsTheStandardSort() {
        var seed: UInt64 = 42
        func next() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed
        }
        let shapes: [(Int, (UInt64) -> Int64)] = [
            (10, { Int64(bitPattern: $0) }),
            (1_000, { Int64(bitPattern: $0) }),
            (5_000, { Int64($0 % 400_000) }),                 // working seconds
            (5_000, { Int64($0 % 200) - 100 }),               // small, negative, many equal
            (3_000, { $0 % 3 == 0 ? .min : ($0 % 3 == 1 ? .max : 0) }),
            (2_000, { Int64($0 % 65_536) << 32 }),            // only the third digit differs
            (4_000, { Int64($0 % 2) << 62 | 7 }),             // only the top digit's last bit differs
            (1_000, { _ in 12_345 }),                          // all equal
            (300, { Int64($0 % 1_000) - 500 }),               // just over the comparison-sort size
            (600_000, { Int64($0 % 2_600_000) }),             // a month's total line
        ]
        for (count, make) in shapes {
            var values = (0..<count).map { _ in make(next()) }
            let expected = values.sorted()
            RadixSort.sort(&values)
            #expect(values == expected, "\(count) values")
        }
        var empty: [Int64] = []
        RadixSort.sort(&empty)
        #expect(empty.isEmpty)
    }
}
