import GRDB
import WanggeAssessment
import WanggeCore

/// The assessment roll-up: per day and grid, the summed counts of the cases reported that
/// day, with the report and close instants of the closed ones and, for the cases with a
/// round running, the instant from which each counts late and what that adds (see
/// `FigureTally.contribution`). A month's figures of 60 grids then read at most 1,800
/// roll-up rows instead of every case of the month, whatever the moment they are judged
/// at. Kept in the transaction that changes a facts row, so it is always exact; `check`
/// recounts it and `rebuild` refills it.
///
/// Days are days of China Standard Time (UTC+8, the time of every grid this program
/// serves). A period whose bounds fall inside a day reads that partial day from the facts
/// table, so the answer never depends on the alignment, only the speed.
public enum FactsRollup {
    public static let dayOffsetSeconds: Int64 = 8 * 3600

    /// The day (of UTC+8) of an instant.
    public static func day(_ instant: Instant) -> Int64 {
        let shifted = instant.secondsSinceEpoch + dayOffsetSeconds
        return shifted >= 0 ? shifted / 86_400 : (shifted - 86_399) / 86_400
    }

    public static func start(ofDay day: Int64) -> Instant { Instant(secondsSinceEpoch: day * 86_400 - dayOffsetSeconds) }

    public static func isDayStart(_ instant: Instant) -> Bool { start(ofDay: day(instant)) == instant }

    /// The whole days inside `[from, to)`: `lower..<upper`, empty when there is none.
    public static func wholeDays(from: Instant, to: Instant) -> Range<Int64> {
        let first = day(from) + (start(ofDay: day(from)) == from ? 0 : 1)
        let end = day(to)
        return first < end ? first..<end : first..<first
    }
}

/// One roll-up row: the summed counts of a day's cases in one grid.
public struct RollupCell: Sendable, Equatable {
    public var day: Int64
    public var grid: String
    /// Summed counts that hold at every moment of judgement; `closeSeconds` is empty
    /// (see `closed`).
    public var tally: FigureTally
    /// Report and close instants (seconds) of each closed case, in no particular order.
    public var closed: [ClosedSpan]
    /// The cases with a round running, by what their lateness adds: each group's
    /// `counts` are added once for every instant of `from` at or before the moment of
    /// judgement.
    public var late: [LateGroup] = []

    public struct ClosedSpan: Sendable, Hashable {
        public var reported: Int64
        public var closed: Int64
    }

    public struct LateGroup: Sendable, Equatable {
        /// Indexed like `FigureTally.counts`.
        public var counts: [Int]
        /// Seconds since the epoch, in no particular order.
        public var from: [Int64]
    }

    var isEmpty: Bool { tally.counts.allSatisfy { $0 == 0 } && closed.isEmpty && late.isEmpty }

    /// The counts of the row's cases judged at `instant` (no close times).
    public func tally(judgedAt instant: Instant) -> FigureTally {
        guard !late.isEmpty else { return tally }
        var counts = tally.counts
        let t = instant.secondsSinceEpoch
        for group in late {
            var n = 0
            for from in group.from where from <= t { n += 1 }
            guard n > 0 else { continue }
            for (i, c) in group.counts.enumerated() where i < counts.count { counts[i] += n * c }
        }
        return FigureTally(counts: counts)
    }

    /// Takes away one entry of `from` per instant in `removed[counts]` (when present) and
    /// adds those of `added`.
    mutating func moveLate(removing removed: [[Int]: [Int64]], adding added: [[Int]: [Int64]]) {
        for (counts, instants) in removed {
            guard let g = late.firstIndex(where: { $0.counts == counts }) else { continue }
            var toRemove: [Int64: Int] = [:]
            for t in instants { toRemove[t, default: 0] += 1 }
            late[g].from.removeAll { t in
                guard let n = toRemove[t], n > 0 else { return false }
                toRemove[t] = n - 1
                return true
            }
        }
        late.removeAll { $0.from.isEmpty }
        for (counts, instants) in added {
            if let g = late.firstIndex(where: { $0.counts == counts }) { late[g].from += instants } else {
                late.append(LateGroup(counts: counts, from: instants))
            }
        }
    }

    /// The late groups in a fixed order (by counts, instants sorted), to compare rows.
    var lateInOrder: [LateGroup] {
        late.map { LateGroup(counts: $0.counts, from: $0.from.sorted()) }.sorted { $0.counts.lexicographicallyPrecedes($1.counts) }
    }
}

/// Changes to roll-up rows gathered in memory, written with `apply`.
struct FactsRollupDelta {
    struct Key: Hashable { var day: Int64; var grid: String }
    struct Change {
        var counts = [Int](repeating: 0, count: FigureTally.countsLength)
        var added: [RollupCell.ClosedSpan] = []
        var removed: [RollupCell.ClosedSpan] = []
        /// Late entries by what lateness adds (few distinct lists, many instants).
        var lateAdded: [[Int]: [Int64]] = [:]
        var lateRemoved: [[Int]: [Int64]] = [:]
    }

    private(set) var changes: [Key: Change] = [:]

    var isEmpty: Bool { changes.isEmpty }

    /// Adds (sign 1) or takes away (sign -1) what `f` puts in the roll-up.
    mutating func record(_ f: CaseFacts, sign: Int) {
        let share = FigureTally.contribution(f)
        let key = Key(day: FactsRollup.day(f.reportedAt), grid: f.grid)
        var change = changes.removeValue(forKey: key) ?? Change()
        for (i, c) in share.base.counts.enumerated() where c != 0 { change.counts[i] += sign * c }
        if f.isClosed, let closedAt = f.closedAt {
            let span = RollupCell.ClosedSpan(reported: f.reportedAt.secondsSinceEpoch, closed: closedAt.secondsSinceEpoch)
            if sign > 0 { change.added.append(span) } else { change.removed.append(span) }
        }
        if let late = share.late {
            if sign > 0 {
                change.lateAdded[late.counts, default: []].append(late.from.secondsSinceEpoch)
            } else {
                change.lateRemoved[late.counts, default: []].append(late.from.secondsSinceEpoch)
            }
        }
        changes[key] = change
    }

    /// A facts row replaced: old taken away, new added; nothing when they are equal.
    mutating func replace(_ old: CaseFacts?, with new: CaseFacts) {
        if let old, old == new { return }
        if let old { record(old, sign: -1) }
        record(new, sign: 1)
    }

    /// Writes the changes into `assessment_rollup`.
    func apply(_ db: Database) throws {
        for (key, change) in changes {
            var cell = try SQLiteCaseStore.loadRollupCell(day: key.day, grid: key.grid, db)
                ?? RollupCell(day: key.day, grid: key.grid, tally: FigureTally(), closed: [])
            var counts = cell.tally.counts
            for i in counts.indices { counts[i] += change.counts[i] }
            cell.tally = FigureTally(counts: counts)
            if !change.removed.isEmpty {
                var toRemove: [RollupCell.ClosedSpan: Int] = [:]
                for span in change.removed { toRemove[span, default: 0] += 1 }
                cell.closed.removeAll { span in
                    guard let n = toRemove[span], n > 0 else { return false }
                    toRemove[span] = n - 1
                    return true
                }
            }
            cell.closed += change.added
            if !change.lateRemoved.isEmpty || !change.lateAdded.isEmpty {
                cell.moveLate(removing: change.lateRemoved, adding: change.lateAdded)
            }
            try SQLiteCaseStore.saveRollupCell(cell, db)
        }
    }
}

/// The binary form of a roll-up cell: the counts, then the closed spans, then (when
/// there are any) the late groups, as unsigned LEB128 varints (counts zig-zag encoded: a
/// damaged row may hold negatives), the report instants and late instants as offsets
/// from the day's start and close instants as offsets from their report. A cell with no
/// late group is byte for byte what `v4-assessment-rollup` wrote.
enum RollupCellCoding {
    static func encode(_ cell: RollupCell) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 + cell.closed.count * 7)
        let counts = cell.tally.counts
        append(UInt64(counts.count), to: &bytes)
        for c in counts { append(zigzag(Int64(c)), to: &bytes) }
        append(UInt64(cell.closed.count), to: &bytes)
        let dayStart = FactsRollup.start(ofDay: cell.day).secondsSinceEpoch
        for span in cell.closed {
            append(zigzag(span.reported - dayStart), to: &bytes)
            append(zigzag(span.closed - span.reported), to: &bytes)
        }
        guard !cell.late.isEmpty else { return bytes }
        append(UInt64(cell.late.count), to: &bytes)
        for group in cell.late {
            append(UInt64(group.counts.count), to: &bytes)
            for c in group.counts { append(zigzag(Int64(c)), to: &bytes) }
            append(UInt64(group.from.count), to: &bytes)
            for t in group.from { append(zigzag(t &- dayStart), to: &bytes) }
        }
        return bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, day: Int64, grid: String) -> RollupCell? {
        var reader = Reader(bytes: bytes)
        guard let n = reader.next(), n <= 1_000 else { return nil }
        var counts: [Int] = []
        counts.reserveCapacity(Int(n))
        for _ in 0..<n {
            guard let c = reader.next() else { return nil }
            counts.append(Int(unzigzag(c)))
        }
        guard let m = reader.next(), m <= UInt64(bytes.count) else { return nil }
        let dayStart = FactsRollup.start(ofDay: day).secondsSinceEpoch
        var closed: [RollupCell.ClosedSpan] = []
        closed.reserveCapacity(Int(m))
        for _ in 0..<m {
            guard let r = reader.next(), let c = reader.next() else { return nil }
            let reported = dayStart &+ unzigzag(r)
            closed.append(RollupCell.ClosedSpan(reported: reported, closed: reported &+ unzigzag(c)))
        }
        var late: [RollupCell.LateGroup] = []
        if !reader.atEnd {
            guard let groups = reader.next(), groups <= UInt64(bytes.count) else { return nil }
            for _ in 0..<groups {
                guard let k = reader.next(), k <= 1_000 else { return nil }
                var lateCounts: [Int] = []
                for _ in 0..<k {
                    guard let c = reader.next() else { return nil }
                    lateCounts.append(Int(unzigzag(c)))
                }
                guard let n = reader.next(), n <= UInt64(bytes.count) else { return nil }
                var from: [Int64] = []
                from.reserveCapacity(Int(n))
                for _ in 0..<n {
                    guard let t = reader.next() else { return nil }
                    from.append(dayStart &+ unzigzag(t))
                }
                late.append(RollupCell.LateGroup(counts: lateCounts, from: from))
            }
        }
        guard reader.atEnd else { return nil }
        return RollupCell(day: day, grid: grid, tally: FigureTally(counts: counts), closed: closed, late: late)
    }

    static func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
    static func unzigzag(_ v: UInt64) -> Int64 { Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) }

    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func next() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while at < bytes.count, shift < 64 {
                let b = bytes[at]
                at += 1
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }
    }
}
