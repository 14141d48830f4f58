import Testing
@testable import WanggeApp

/// The filter that spares an import's key lookups: never a false "not seen".
struct SeenSourceIDsTests {
    @Test func everyInsertedIDIsMaybeSeenAndFewOthersAre() {
        var seen = SeenSourceIDs(bits: 1 << 20)
        for i in 0..<20_000 { seen.insert("GD\(i)") }
        #expect((0..<20_000).allSatisfy { seen.mayContain("GD\($0)") })
        let falseHits = (20_000..<40_000).filter { seen.mayContain("GD\($0)") }.count
        // k = 4, 20,000 ids in 2^20 bits: about 0.006 % expected; 1 % would mean a broken hash.
        #expect(falseHits < 200)
        #expect(!SeenSourceIDs().mayContain("GD1"))
    }
}
