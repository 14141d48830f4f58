import Testing
import WanggeAssessment

/// The tally's counts list (stored in the roll-up) holds every count, and reads back.
struct FigureTallyCountsTests {
    @Test func everyCountIsInTheListAndReadsBack() throws {
        // Every stored property of type Int except `residents` (a property of the group,
        // not a count of cases) must be in `counts`: a new count left out would vanish
        // from the figures read through the roll-up.
        let ints = Mirror(reflecting: FigureTally()).children.filter { $0.value is Int && $0.label != "residents" }
        #expect(ints.count == FigureTally.countsLength)
        let values = (0..<FigureTally.countsLength).map { 3 * $0 + 1 }
        let tally = FigureTally(counts: values)
        #expect(tally.counts == values)
        let labelled = Mirror(reflecting: tally).children.compactMap { $0.value as? Int }.filter { $0 != 0 }
        #expect(Set(labelled) == Set(values), "each count lands in its own property")
    }

    @Test func aShorterStoredListLeavesTheNewerCountsAtZero() {
        let tally = FigureTally(counts: [5, 4])
        #expect(tally.reported == 5 && tally.filed == 4 && tally.counts.dropFirst(2).allSatisfy { $0 == 0 })
    }
}
