import Dispatch
import Foundation
import WanggeCore

/// Reads and maps records, and drafts each good record's history (`HistoricTimeline.draft`),
/// on a second thread while the writer's thread checks keys, numbers the cases and
/// inserts: the two halves of an import overlap on two cores. At most `capacity` batches
/// wait between them, so memory stays bounded.
final class MappedRecordQueue: @unchecked Sendable {
    struct Item {
        var record: ImportRecord
        var outcome: RowOutcome
        /// The history of a good record without its id and code, when it could be drafted.
        var draft: (events: [CaseEvent], state: CaseState)?
        /// `import/<source>/<id>#` of a good record (`CaseImporter.keyPrefix`).
        var keyPrefix: String?
    }

    struct Batch {
        var items: [Item]
        var progress: (done: Int64, total: Int64)
    }

    private let condition = NSCondition()
    private var ready: [Batch] = []
    private var retired: [Batch] = []
    private var finished = false
    private var failure: (any Error)?
    private var stopped = false
    private let done = DispatchGroup()
    let capacity = 4
    let batchSize = 1_024

    /// Starts reading `source` through `mapper` on a background thread.
    /// `timeline` is nil when most records are expected to be known already (a source
    /// imported before): drafting their histories would be wasted work.
    init(source: any ImportRecordSource, mapper: RowMapper, timeline: HistoricTimeline?, keyPrefix: @escaping @Sendable (String) -> String) {
        let box = SourceBox(source: source, mapper: mapper)
        done.enter()
        DispatchQueue.global().async { [self] in
            defer { done.leave() }
            do {
                var items: [Item] = []
                items.reserveCapacity(batchSize)
                while let record = try box.source.next() {
                    let outcome = box.mapper.map(record)
                    var item = Item(record: record, outcome: outcome)
                    if case .row(let row) = outcome {
                        item.draft = timeline?.draft(for: row.historic)
                        item.keyPrefix = keyPrefix(row.sourceID)
                    }
                    items.append(item)
                    if items.count >= batchSize {
                        guard put(Batch(items: items, progress: box.source.progress)) else { return }
                        items.removeAll(keepingCapacity: true)
                    }
                }
                if !items.isEmpty { _ = put(Batch(items: items, progress: box.source.progress)) }
                finish(nil)
            } catch {
                finish(error)
            }
        }
    }

    /// Waits for room; false when the reader was told to stop. Frees the batches the
    /// writer has finished with (`retire`) on this thread.
    private func put(_ batch: Batch) -> Bool {
        condition.lock()
        while ready.count >= capacity && !stopped { condition.wait() }
        if stopped {
            condition.unlock()
            return false
        }
        ready.append(batch)
        let spent = retired
        retired = []
        condition.broadcast()
        condition.unlock()
        _ = consume spent
        return true
    }

    /// Hands back a batch the writer has finished with, to be freed on the reading thread.
    func retire(_ batch: consuming Batch) {
        condition.lock()
        retired.append(batch)
        condition.unlock()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in file order; nil at the end. A reading error is thrown here, in
    /// order, after the batches read before it.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        if !ready.isEmpty {
            let batch = ready.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the reader (after an error on the writer's side) and waits for its thread.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        done.wait()
    }
}

/// The source and mapper, used only by the reading thread once the queue has started.
private struct SourceBox: @unchecked Sendable {
    let source: any ImportRecordSource
    let mapper: RowMapper
}
