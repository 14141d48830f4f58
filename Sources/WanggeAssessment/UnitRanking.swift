import WanggeCore

/// The monthly red and black lists (红黑榜) of property companies and departments.
///
/// Each unit gets a score from its handler figures of the month, weighted:
/// 按期处置率 40%, 满意率 30%, (1 − 返工率) 15%, (1 − 回退率) 15%. A figure with nothing to
/// count is left out and the other weights are scaled up to 100%. Units with fewer judged
/// handling rounds than the minimum are listed apart, unranked. Ties go to the higher
/// on-time rate, then to more judged rounds, then to the code.
public enum UnitRanking {
    public static let weights: [(figure: Figure, weight: Double)] = [
        (.handledOnTime, 0.4), (.satisfaction, 0.3), (.rework, 0.15), (.sendBack, 0.15),
    ]

    /// One unit's place: its score and the figures behind it.
    public struct Entry: Sendable, Hashable {
        public var code: String
        public var name: String
        public var kind: UnitKind
        public var tally: FigureTally
        /// 0...100; nil when the unit has nothing to be scored on.
        public var score: Double?
        public var judgedRounds: Int { tally.handledOnTime + tally.handledLate }
    }

    public struct Result: Sendable {
        public var kind: UnitKind
        /// Best first.
        public var red: [Entry]
        /// Worst first.
        public var black: [Entry]
        /// Every ranked unit, best first.
        public var ranked: [Entry]
        /// Too few judged rounds to be ranked.
        public var unranked: [Entry]
    }

    /// The score of a tally (0...100), from the figures that have something to count.
    public static func score(_ t: FigureTally) -> Double? {
        var sum = 0.0
        var weight = 0.0
        for (figure, w) in weights {
            guard let v = figure.value(t) else { continue }
            sum += w * (figure.higherIsBetter ? v : 1 - v)
            weight += w
        }
        return weight > 0 ? sum / weight * 100 : nil
    }

    /// Ranks the units of `kind` in a department-dimension report.
    public static func rank(_ report: AssessmentReport, organisation: Organisation, kind: UnitKind, top: Int = 3, minimumRounds: Int = 5) -> Result {
        var ranked: [Entry] = []
        var unranked: [Entry] = []
        for row in report.rows {
            guard let unit = organisation.unit(row.key), unit.kind == kind else { continue }
            let entry = Entry(code: unit.code, name: unit.name, kind: unit.kind, tally: row.tally, score: score(row.tally))
            if entry.score == nil || entry.judgedRounds < minimumRounds { unranked.append(entry) } else { ranked.append(entry) }
        }
        ranked.sort(by: better)
        let redCount = min(top, (ranked.count + 1) / 2)
        let red = Array(ranked.prefix(redCount))
        let black = Array(ranked.dropFirst(redCount).reversed().prefix(top))
        return Result(kind: kind, red: red, black: black, ranked: ranked, unranked: unranked.sorted { $0.code < $1.code })
    }

    static func better(_ a: Entry, _ b: Entry) -> Bool {
        let sa = a.score ?? -1, sb = b.score ?? -1
        if sa != sb { return sa > sb }
        let oa = Figure.handledOnTime.value(a.tally) ?? -1, ob = Figure.handledOnTime.value(b.tally) ?? -1
        if oa != ob { return oa > ob }
        if a.judgedRounds != b.judgedRounds { return a.judgedRounds > b.judgedRounds }
        return a.code < b.code
    }
}
