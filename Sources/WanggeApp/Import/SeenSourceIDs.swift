/// The source ids an import has written so far, as a Bloom filter of fixed size (4 MiB):
/// `mayContain` is false only for an id never inserted, so a record whose id it has not
/// seen needs no key lookup, and a false "maybe" (about one in 5,000 at a million ids,
/// more for bigger files) only costs the lookup it replaces. Memory stays the same
/// whatever the file's size.
struct SeenSourceIDs {
    private var words: [UInt64]
    private let mask: UInt64
    private let probes = 4

    init(bits: Int = 1 << 25) {
        words = Array(repeating: 0, count: bits / 64)
        mask = UInt64(bits - 1)
    }

    /// Two hashes from one 64-bit FNV-1a of the id's bytes, combined for each probe
    /// (Kirsch–Mitzenmacher). Deterministic, unlike `Hasher`, so a run can be repeated.
    private func positions(_ id: String) -> (UInt64, UInt64) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let second = (h >> 32 | h << 32) &* 0x9E37_79B9_7F4A_7C15 | 1
        return (h, second)
    }

    mutating func insert(_ id: String) {
        let (a, b) = positions(id)
        for i in 0..<UInt64(probes) {
            let bit = (a &+ i &* b) & mask
            words[Int(bit >> 6)] |= 1 << (bit & 63)
        }
    }

    func mayContain(_ id: String) -> Bool {
        let (a, b) = positions(id)
        for i in 0..<UInt64(probes) {
            let bit = (a &+ i &* b) & mask
            if words[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
        }
        return true
    }
}
