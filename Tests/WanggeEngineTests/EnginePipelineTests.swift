import Foundation
import Testing
import WanggeApp

/// `ParallelMap.pipeline`, which lets the engine write judged batches while the next
/// ones are judged: results in order, bounded look-ahead, errors from either side.
@Suite struct EnginePipelineTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var started = 0
        private var consumed = 0
        private(set) var maxAhead = 0

        func start() { lock.withLock { started += 1; maxAhead = max(maxAhead, started - consumed) } }
        func consume() { lock.withLock { consumed += 1 } }
    }

    /// Uneven work (later items cheaper, so they finish first) still comes out in order,
    /// and never more than the look-ahead is computed ahead of what was consumed.
    @Test(arguments: [1, 2, 4])
    func resultsInOrderWithBoundedLookahead(workers: Int) throws {
        let counter = Counter()
        var out: [Int] = []
        try ParallelMap.pipeline(Array(0..<200), workers: workers, lookahead: 3, { item in
            counter.start()
            var x = UInt64(item)
            for _ in 0..<((200 - item) * 500) { x = x &* 6_364_136_223_846_793_005 &+ 1 }
            return (item, x)
        }) { (item, _) in
            out.append(item)
            counter.consume()
        }
        #expect(out == Array(0..<200))
        #expect(counter.maxAhead <= 3 + 1, "at most the look-ahead computed ahead (plus the one being consumed)")
    }

    struct Boom: Error, Equatable { let at: Int }

    /// A worker's error is rethrown; the items before it were consumed in order.
    @Test func workerErrorIsRethrown() {
        var out: [Int] = []
        #expect(throws: Boom(at: 7)) {
            try ParallelMap.pipeline(Array(0..<50), workers: 2, lookahead: 2, { item in
                if item == 7 { throw Boom(at: 7) }
                return item
            }) { out.append($0) }
        }
        #expect(out == Array(0..<out.count) && out.count <= 7)
    }

    /// An error while consuming stops the workers and is rethrown.
    @Test func consumerErrorStopsTheWorkers() {
        let counter = Counter()
        #expect(throws: Boom(at: 3)) {
            try ParallelMap.pipeline(Array(0..<1_000), workers: 2, lookahead: 4, { item in
                counter.start()
                return item
            }) { item in
                if item == 3 { throw Boom(at: 3) }
                counter.consume()
            }
        }
        #expect(counter.maxAhead <= 5, "the workers stopped near the failure, not after all 1,000 items")
    }
}
