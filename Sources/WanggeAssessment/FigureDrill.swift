import WanggeCore

/// Which cases stand behind a figure of one group: the console's Enter on a number.
/// It adds the single case to an empty tally exactly as the report does, so the cases
/// it selects are exactly the ones the figure counts.
public struct FigureDrill: Sendable {
    public enum Selection: String, Sendable, CaseIterable {
        /// Every case the figure counts (its denominator).
        case counted
        /// The cases that pull it the wrong way: late, not closed, reworked, sent back,
        /// dissatisfied...
        case failing
    }

    public let figure: Figure
    public let key: String
    public let selection: Selection
    let accumulator: AssessmentAccumulator

    public init(figure: Figure, key: String, selection: Selection, grouping: AssessmentGrouping, judgedAt: Instant, calendar: WorkCalendar) {
        self.figure = figure; self.key = key; self.selection = selection
        accumulator = AssessmentAccumulator(grouping: grouping, judgedAt: judgedAt, calendar: calendar)
    }

    /// Whether the figure of group `key` counts this case (or counts it against).
    public func selects(_ f: CaseFacts) -> Bool {
        // Most cases belong to other groups: ruled out without a tally.
        if !key.isEmpty {
            let grouping = accumulator.grouping
            guard grouping.caseKey(f) == key || f.handlers.contains(where: { grouping.handlerKey($0.handler, of: f) == key }) else {
                return false
            }
        }
        var single = accumulator
        single.add(f)
        // The total line has no key: every case counts there.
        let tally = key.isEmpty ? single.total : single.groups[key]
        guard let tally else { return false }
        let (n, d) = figure.parts(tally)
        switch selection {
        case .counted: return d > 0
        case .failing:
            switch figure.kind {
            case .rate: return figure.higherIsBetter ? d > n : n > 0
            case .perTenThousand, .count: return n > 0
            case .hours: return d > 0
            }
        }
    }
}
