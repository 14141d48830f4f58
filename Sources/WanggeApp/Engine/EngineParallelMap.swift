import Dispatch
import Foundation

/// Maps items on a few threads at once and returns the results in the items' order;
/// the first error thrown is rethrown. For the engine's and replay's evaluation, which
/// is pure and reads its own snapshot per item.
public enum ParallelMap {
    /// The processor count, at most 4 (the evaluation shares one database file).
    public static let defaultWorkers = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

    public static func run<Item: Sendable, Result>(_ items: [Item], workers: Int, _ body: @escaping @Sendable (Item) throws -> Result) throws -> [Result] {
        if workers <= 1 || items.count <= 1 { return try items.map(body) }
        let box = Box<Result>(count: items.count)
        let next = Box<Int>(count: 0)
        DispatchQueue.concurrentPerform(iterations: min(workers, items.count)) { _ in
            while true {
                let index = next.claim()
                guard index < items.count, !box.failed else { return }
                do {
                    box.set(index, try body(items[index]))
                } catch {
                    box.fail(error)
                    return
                }
            }
        }
        if let error = box.error { throw error }
        return try box.results()
    }

    /// Results and a shared counter behind a lock.
    final class Box<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Value?]
        private var counter = 0
        private(set) var error: (any Error)?

        init(count: Int) { values = Array(repeating: nil, count: count) }

        var failed: Bool { lock.withLock { error != nil } }
        func claim() -> Int { lock.withLock { defer { counter += 1 }; return counter } }
        func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }
        func fail(_ e: any Error) { lock.withLock { if error == nil { error = e } } }

        func results() throws -> [Value] {
            try lock.withLock {
                try values.map { v throws -> Value in
                    guard let v else { throw AppError.badInput("内部错误：并行计算缺少结果") }
                    return v
                }
            }
        }
    }
}
