/// SHA-256 (FIPS 180-4), written out here so the pure core can chain event hashes
/// without Foundation or CryptoKit, identically on every platform.
///
/// The store hashes every event record (a few hundred bytes) when it appends and when
/// it verifies the chain, millions of times, so the hot path allocates nothing: the
/// pending partial block lives inline in the struct, the message schedule on the stack,
/// and whole blocks are compressed straight from the caller's buffer.
public struct SHA256: Sendable {
    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The digest length in bytes.
    public static let byteCount = 32

    private var state: State
    private var pending: Block
    private var pendingCount: Int
    private var messageLength: UInt64

    /// A hasher with the standard initial state (FIPS 180-4 §5.3.3).
    public init() {
        state = (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
                 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
        pending = (0, 0, 0, 0, 0, 0, 0, 0)
        pendingCount = 0
        messageLength = 0
    }

    /// Feeds bytes; whole 64-byte blocks are compressed in place from `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, !bytes.isEmpty else { return }
        var count = bytes.count
        messageLength &+= UInt64(count)
        if pendingCount > 0 {
            let take = Swift.min(64 - pendingCount, count)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { buffer in
                UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + take)])
                    .copyMemory(from: UnsafeRawBufferPointer(start: input, count: take))
            }
            pendingCount += take
            input += take
            count -= take
            if pendingCount < 64 { return }
            compressPending()
            pendingCount = 0
        }
        let blocks = count / 64
        if blocks > 0 {
            Self.compress(&state, input, blocks: blocks)
            input += blocks * 64
            count -= blocks * 64
        }
        if count > 0 {
            withUnsafeMutableBytes(of: &pending) { buffer in
                UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
                    .copyMemory(from: UnsafeRawBufferPointer(start: input, count: count))
            }
            pendingCount = count
        }
    }

    /// Feeds a sequence of bytes; contiguous collections (arrays, slices, a native
    /// string's `utf8`) go straight to the buffer path, others through a stack buffer.
    public mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handled != nil { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { chunk in
            var filled = 0
            for byte in bytes {
                chunk[filled] = byte
                filled += 1
                if filled == chunk.count {
                    update(UnsafeRawBufferPointer(chunk))
                    filled = 0
                }
            }
            if filled > 0 {
                update(UnsafeRawBufferPointer(start: chunk.baseAddress, count: filled))
            }
        }
    }

    /// Feeds the string's UTF-8 bytes.
    public mutating func update(_ string: String) {
        var text = string
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Pads the message (FIPS 180-4 §5.1.1) and returns the 32-byte digest.
    public consuming func finalize() -> [UInt8] {
        // Room for the pending bytes, 0x80, zeros and the 8-byte length: one or two blocks.
        var tail: (Block, Block) = ((0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0))
        let used = pendingCount
        let bitLength = messageLength &* 8
        let blocks = used < 56 ? 1 : 2
        let pendingCopy = pending
        withUnsafeMutableBytes(of: &tail) { buffer in
            withUnsafeBytes(of: pendingCopy) { source in
                UnsafeMutableRawBufferPointer(rebasing: buffer[0..<used])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<used]))
            }
            buffer[used] = 0x80
            buffer.storeBytes(of: bitLength.bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
        }
        withUnsafeBytes(of: tail) { buffer in
            if let base = buffer.baseAddress { Self.compress(&state, base, blocks: blocks) }
        }
        let words = state
        return [UInt8](unsafeUninitializedCapacity: Self.byteCount) { buffer, initialized in
            let output = UnsafeMutableRawBufferPointer(buffer)
            withUnsafeBytes(of: words) { source in
                for index in 0..<8 {
                    let word = source.load(fromByteOffset: index * 4, as: UInt32.self)
                    output.storeBytes(of: word.bigEndian, toByteOffset: index * 4, as: UInt32.self)
                }
            }
            initialized = Self.byteCount
        }
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// The lowercase hex digest of the string's UTF-8 bytes, as `sha256sum` prints it.
    public static func hexDigest(_ string: String) -> String {
        var hasher = SHA256()
        hasher.update(string)
        return hex(hasher.finalize())
    }

    /// Lowercase hex of any bytes (two characters per byte).
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits: StaticString = "0123456789abcdef"
        return digits.withUTF8Buffer { table in
            String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
                for (index, byte) in bytes.enumerated() {
                    buffer[index * 2] = table[Int(byte >> 4)]
                    buffer[index * 2 + 1] = table[Int(byte & 0x0f)]
                }
                return bytes.count * 2
            }
        }
    }

    private mutating func compressPending() {
        let block = pending
        withUnsafeBytes(of: block) { buffer in
            if let base = buffer.baseAddress { Self.compress(&state, base, blocks: 1) }
        }
    }

    /// The compression function (FIPS 180-4 §6.2.2) over `blocks` consecutive 64-byte
    /// blocks at `data`, which need not be aligned. The rounds are unrolled by eight
    /// with the working variables renamed instead of shifted, so each round is only
    /// its arithmetic.
    private static func compress(_ state: inout State, _ data: UnsafeRawPointer, blocks: Int) {
        var h0 = state.0, h1 = state.1, h2 = state.2, h3 = state.3
        var h4 = state.4, h5 = state.5, h6 = state.6, h7 = state.7
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            roundConstants.withUnsafeBufferPointer { constants in
                guard let w = schedule.baseAddress, let k = constants.baseAddress else { return }
                var block = data
                for _ in 0..<blocks {
                    for i in 0..<16 {
                        w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
                    }
                    for i in 16..<64 {
                        let x = w[i &- 15], y = w[i &- 2]
                        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3)
                        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y &>> 10)
                        w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    var i = 0
                    while i < 64 {
                        round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                        round(h, a, b, &c, d, e, f, &g, k[i &+ 1] &+ w[i &+ 1])
                        round(g, h, a, &b, c, d, e, &f, k[i &+ 2] &+ w[i &+ 2])
                        round(f, g, h, &a, b, c, d, &e, k[i &+ 3] &+ w[i &+ 3])
                        round(e, f, g, &h, a, b, c, &d, k[i &+ 4] &+ w[i &+ 4])
                        round(d, e, f, &g, h, a, b, &c, k[i &+ 5] &+ w[i &+ 5])
                        round(c, d, e, &f, g, h, a, &b, k[i &+ 6] &+ w[i &+ 6])
                        round(b, c, d, &e, f, g, h, &a, k[i &+ 7] &+ w[i &+ 7])
                        i &+= 8
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                    block += 64
                }
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }

    /// One round with the roles named by position: adds T1 into `d` (which becomes the
    /// next `e`) and leaves T1 + T2 in `h` (which becomes the next `a`).
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
                              _ constantPlusWord: UInt32) {
        let sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ sigma1 &+ choice &+ constantPlusWord
        let sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let majority = (a & b) | (c & (a | b))
        d &+= t1
        h = t1 &+ sigma0 &+ majority
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64
    /// primes (FIPS 180-4 §4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
