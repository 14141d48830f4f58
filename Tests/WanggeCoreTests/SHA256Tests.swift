import Testing
@testable import WanggeCore

/// SHA-256 against the NIST FIPS 180-4 example vectors and against `sha256sum` on this
/// machine for the lengths around the padding boundary (55/56 bytes fit or do not fit
/// the length in one block; 63/64/65 straddle a block).
struct SHA256Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let message: [UInt8]
        let digest: String
        var testDescription: String { name }
    }

    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let vectors: [Vector] = [
        Vector(name: "empty", message: [],
               digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Vector(name: "abc", message: ascii("abc"),
               digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Vector(name: "448-bit", message: ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
               digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        Vector(name: "896-bit",
               message: ascii("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrslmnopqrstnopqrstu"),
               digest: "e100d0fe92230cebe0f8ae92a74f882402f7c2fc03ae724d703c7f6c8da99132"),
        // head -c N /dev/zero | tr '\0' x | sha256sum
        Vector(name: "55 x", message: [UInt8](repeating: 0x78, count: 55),
               digest: "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        Vector(name: "56 x", message: [UInt8](repeating: 0x78, count: 56),
               digest: "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        Vector(name: "63 x", message: [UInt8](repeating: 0x78, count: 63),
               digest: "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
        Vector(name: "64 x", message: [UInt8](repeating: 0x78, count: 64),
               digest: "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
        Vector(name: "65 x", message: [UInt8](repeating: 0x78, count: 65),
               digest: "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"),
        // python3 -c "sys.stdout.buffer.write(bytes((i*7+3)%256 for i in range(N)))" | sha256sum
        Vector(name: "55 pattern", message: pattern(55),
               digest: "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
        Vector(name: "56 pattern", message: pattern(56),
               digest: "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
        Vector(name: "63 pattern", message: pattern(63),
               digest: "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
        Vector(name: "64 pattern", message: pattern(64),
               digest: "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
        Vector(name: "65 pattern", message: pattern(65),
               digest: "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
        Vector(name: "1000 pattern", message: pattern(1000),
               digest: "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
    ]

    static func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    }

    @Test(arguments: vectors)
    func oneShot(_ vector: Vector) {
        #expect(SHA256.hex(SHA256.hash(vector.message)) == vector.digest)
        #expect(SHA256.hash(vector.message).count == 32)
    }

    /// Any split of the input into two updates gives the same digest, including splits
    /// that leave a partial block pending.
    @Test(arguments: vectors)
    func everySplit(_ vector: Vector) {
        let message = vector.message
        for cut in stride(from: 0, through: message.count, by: message.count > 200 ? 37 : 1) {
            var hasher = SHA256()
            hasher.update(message[0..<cut])
            hasher.update(message[cut...])
            #expect(SHA256.hex(hasher.finalize()) == vector.digest, "cut at \(cut)")
        }
    }

    @Test func oneMillionA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // The same in uneven pieces through the raw-buffer entry point.
        let whole = [UInt8](repeating: 0x61, count: 1_000_000)
        var pieces = SHA256()
        whole.withUnsafeBytes { buffer in
            var offset = 0
            var size = 1
            while offset < buffer.count {
                let end = min(offset + size, buffer.count)
                pieces.update(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
                offset = end
                size = size * 3 % 997 + 1
            }
        }
        #expect(SHA256.hex(pieces.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func stringsAndSequences() {
        #expect(SHA256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // printf '网格化管理' | sha256sum
        #expect(SHA256.hexDigest("网格化管理") == "52e4483b56c1b244cc28ee747bd06573e72cc1e5fb9b701ddcbeb3e2e796dab5")
        var fromString = SHA256()
        fromString.update("网格")
        fromString.update("化管理")
        #expect(SHA256.hex(fromString.finalize()) == "52e4483b56c1b244cc28ee747bd06573e72cc1e5fb9b701ddcbeb3e2e796dab5")
        // A non-contiguous sequence goes through the stack buffer.
        var lazy = SHA256()
        lazy.update((0..<1000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        #expect(SHA256.hex(lazy.finalize()) == "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371")
        #expect(SHA256.hex([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
    }

    @Test func copiesAreIndependent() {
        var first = SHA256()
        first.update("ab")
        var second = first
        first.update("c")
        second.update("d")
        #expect(SHA256.hex(first.finalize()) == SHA256.hexDigest("abc"))
        #expect(SHA256.hex(second.finalize()) == SHA256.hexDigest("abd"))
    }
}
