/// Sorting the working times to close of a report: hundreds of thousands of integers per
/// month, sorted once per group and once for the total line to take the 90th percentile.
/// The standard library's comparison sort took a tenth of a month's figures; four passes
/// of a least-significant-digit radix sort take a few milliseconds.
public enum RadixSort {
    /// Sorts `values` ascending (the same order as `sort()`).
    public static func sort(_ values: inout [Int64]) {
        guard values.count > 64 else { values.sort(); return }
        // Flipping the sign bit makes the unsigned order of the bits the signed order.
        var keys = values.map { UInt64(bitPattern: $0) ^ (1 << 63) }
        var scratch = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 65_537)
        for pass in 0..<4 {
            let shift = UInt64(16 * pass)
            for i in counts.indices { counts[i] = 0 }
            for k in keys { counts[Int((k >> shift) & 0xFFFF) + 1] += 1 }
            // A pass where every value has the same digit changes nothing.
            if counts.contains(keys.count) { continue }
            for i in 1..<counts.count { counts[i] += counts[i - 1] }
            for k in keys {
                let digit = Int((k >> shift) & 0xFFFF)
                scratch[counts[digit]] = k
                counts[digit] += 1
            }
            swap(&keys, &scratch)
        }
        for i in keys.indices { values[i] = Int64(bitPattern: keys[i] ^ (1 << 63)) }
    }
}
