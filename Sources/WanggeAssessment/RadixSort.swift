/// Sorting the working times to close of a report: hundreds of thousands of integers per
/// month, sorted once per group and once for the total line to take the 90th percentile.
/// The standard library's comparison sort took a tenth of a month's figures. A
/// least-significant-digit radix sort of 11-bit digits, visiting only the digits in which
/// the values differ, takes two passes for working times (they fit in 22 bits); the
/// 16-bit digits it had before cleared and summed 65,536 counters four times per group,
/// more work than sorting a grid's few thousand values.
public enum RadixSort {
    static let digitBits: UInt64 = 11

    /// Sorts `values` ascending (the same order as `sort()`).
    public static func sort(_ values: inout [Int64]) {
        guard values.count > 256 else { values.sort(); return }
        // Flipping the sign bit makes the unsigned order of the bits the signed order.
        var keys = values.map { UInt64(bitPattern: $0) ^ (1 << 63) }
        let first = keys[0]
        var differing: UInt64 = 0
        for k in keys { differing |= k ^ first }
        guard differing != 0 else { return }
        var scratch = [UInt64](repeating: 0, count: keys.count)
        let mask = (UInt64(1) << digitBits) - 1
        var counts = [Int](repeating: 0, count: Int(mask) + 2)
        var shift: UInt64 = 0
        while shift < 64 {
            defer { shift += digitBits }
            // A digit in which every value agrees leaves the order as it is.
            guard (differing >> shift) & mask != 0 else { continue }
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { c in
                        for i in c.indices { c[i] = 0 }
                        for k in source { c[Int((k >> shift) & mask) + 1] += 1 }
                        for i in 1..<c.count { c[i] += c[i - 1] }
                        for k in source {
                            let digit = Int((k >> shift) & mask)
                            target[c[digit]] = k
                            c[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
        for i in keys.indices { values[i] = Int64(bitPattern: keys[i] ^ (1 << 63)) }
    }
}
