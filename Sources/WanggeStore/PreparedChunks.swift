import Dispatch
import GRDB
import WanggeAssessment
import WanggeCore

/// A chunk of bulk work made ready off the writing thread: event rows with payloads
/// and hashes, and projection rows.
struct PreparedChunks: Sendable {
    var events: [PreparedEvent]
    var cases: [[DatabaseValue]]
    /// Assessment facts rows, one per case.
    var facts: [[DatabaseValue]]
    /// What the chunk's settled cases add to the assessment roll-up.
    var rollup: FactsRollupDelta
    var chainAfter: EventChain

    static let chunkSize = 2_048

    static func prepare(
        _ histories: ArraySlice<(events: [CaseEvent], state: CaseState)>, keys: [String?]?, chain: EventChain,
        places: [String: GridPlace]
    ) -> PreparedChunks {
        var chain = chain
        var events: [PreparedEvent] = []
        var cases: [[DatabaseValue]] = []
        var facts: [[DatabaseValue]] = []
        cases.reserveCapacity(histories.count)
        facts.reserveCapacity(histories.count)
        var rollup = FactsRollupDelta()
        for (i, history) in zip(histories.indices, histories) {
            let key = keys?[i]
            for (k, event) in history.events.enumerated() { events.append(chain.prepare(event, key: k == 0 ? key : nil)) }
            let place = places[history.state.grid] ?? GridPlace(community: "", street: "")
            cases.append(CaseRow.values(history.state, community: place.community, street: place.street))
            if let f = CaseFacts.fold(history.events) {
                facts.append(AssessmentFactsRow.values(f))
                rollup.replace(nil, with: f)
            }
        }
        return PreparedChunks(events: events, cases: cases, facts: facts, rollup: rollup, chainAfter: chain)
    }

    /// Prepares chunk k+1 on a background queue while `consume` writes chunk k on the
    /// calling thread (SQLite connections stay on their thread). Only the first chunk is
    /// prepared on the calling thread, so it is small and the chunks grow from there (by
    /// half each time: preparing a chunk takes about two thirds of the time to write one
    /// as large, so the next is ready when the writer wants it). Written chunks are freed
    /// on the background queue too.
    static func pipeline(
        _ histories: [(events: [CaseEvent], state: CaseState)], keys: [String?]?, chain: EventChain, places: [String: GridPlace],
        consume: (PreparedChunks) throws -> Void
    ) throws {
        guard !histories.isEmpty else { return }
        var size = min(firstChunkSize, histories.count)
        var current = prepare(histories[0..<size], keys: keys, chain: chain, places: places)
        var start = size
        while true {
            size = min(size + size / 2, chunkSize)
            let nextRange = start..<min(start + size, histories.count)
            let box = ChunkBox()
            let group = DispatchGroup()
            if !nextRange.isEmpty {
                let slice = histories[nextRange]
                let chainNow = current.chainAfter
                DispatchQueue.global().async(group: group) {
                    box.chunk = prepare(slice, keys: keys, chain: chainNow, places: places)
                }
            }
            try consume(current)
            let written = ChunkBox()
            written.chunk = current
            current = PreparedChunks(events: [], cases: [], facts: [], rollup: FactsRollupDelta(), chainAfter: current.chainAfter)
            DispatchQueue.global().async { written.chunk = nil }
            guard !nextRange.isEmpty else { return }
            group.wait()
            guard let next = box.chunk else { return }
            current = next
            start = nextRange.upperBound
        }
    }

    static let firstChunkSize = 256
}

/// Hands a prepared chunk from the background queue to the writer; the DispatchGroup
/// wait orders the write before the read.
final class ChunkBox: @unchecked Sendable {
    var chunk: PreparedChunks?
}
