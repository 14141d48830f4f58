import Dispatch
import Foundation

extension ParallelMap {
    /// Maps items on `workers` background threads while the calling thread consumes the
    /// results in the items' order as each becomes ready: the engine writes one batch
    /// while the next ones are read and judged, instead of judging every batch first and
    /// then writing with the other core idle. At most `lookahead` results wait
    /// unconsumed (memory stays bounded on a million cases). The first error, from a
    /// worker or from `consume`, stops the workers and is rethrown once they have stopped.
    public static func pipeline<Item: Sendable, Result>(
        _ items: [Item], workers: Int, lookahead: Int, _ body: @escaping @Sendable (Item) throws -> Result,
        consume: (Result) throws -> Void
    ) throws {
        if workers <= 0 || items.count <= 1 {
            for item in items { try consume(try body(item)) }
            return
        }
        let slots = PipelineSlots<Result>(count: items.count, lookahead: max(1, lookahead))
        let group = DispatchGroup()
        for _ in 0..<min(workers, items.count) {
            DispatchQueue.global().async(group: group) {
                while let index = slots.claim() {
                    do {
                        slots.set(index, try body(items[index]))
                    } catch {
                        slots.fail(error)
                        return
                    }
                }
            }
        }
        defer {
            slots.stop()
            group.wait()
        }
        for index in items.indices { try consume(try slots.take(index)) }
    }
}

/// The results of a pipeline by index, behind a condition variable: workers claim the
/// next index (waiting while `lookahead` results are unconsumed), the consumer takes each
/// result in order (waiting until it is there or a worker failed).
final class PipelineSlots<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var values: [Value?]
    private var next = 0
    private var consumed = 0
    private var stopped = false
    private var error: (any Error)?
    private let lookahead: Int

    init(count: Int, lookahead: Int) {
        values = Array(repeating: nil, count: count)
        self.lookahead = lookahead
    }

    /// The next index to compute; nil when all are claimed or the pipeline stopped.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && error == nil && next < values.count && next >= consumed + lookahead { condition.wait() }
        guard !stopped, error == nil, next < values.count else { return nil }
        defer { next += 1 }
        return next
    }

    func set(_ index: Int, _ value: Value) {
        condition.lock()
        values[index] = value
        condition.broadcast()
        condition.unlock()
    }

    func fail(_ e: any Error) {
        condition.lock()
        if error == nil { error = e }
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the workers after their current item (the consumer is done or failed).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// The result at `index`, waiting for it; rethrows a worker's error.
    func take(_ index: Int) throws -> Value {
        condition.lock()
        defer { condition.unlock() }
        while values[index] == nil && error == nil { condition.wait() }
        if let error { throw error }
        guard let value = values[index] else { throw AppError.badInput("内部错误：并行计算缺少结果") }
        values[index] = nil
        consumed = index + 1
        condition.broadcast()
        return value
    }
}
