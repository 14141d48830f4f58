import WanggeAssessment
import WanggeCore

/// How figures are written for people: exact decimal rounding done in integers, so the
/// same counts always print the same text on every machine.
public enum FigureText {
    /// "92.3%", "6.0", "13.5h", "12"; "—" when there is nothing to count.
    public static func value(_ figure: Figure, _ t: FigureTally) -> String {
        let (n, d) = figure.parts(t)
        switch figure.kind {
        case .count: return String(n)
        case .rate: return d > 0 ? tenths(Int64(n) * 1000, Int64(d)) + "%" : "—"
        case .perTenThousand: return d > 0 ? tenths(Int64(n) * 100_000, Int64(d)) : "—"
        case .hours:
            guard !t.closeSeconds.isEmpty else { return "—" }
            if figure == .closeHoursMean {
                return tenths(t.closeSeconds.reduce(0, +) * 10, Int64(t.closeSeconds.count) * 3600) + "h"
            }
            return tenths(Figure.nearestRank(t.closeSeconds, percentile: 90) * 10, 3600) + "h"
        }
    }

    /// "120/130" (rates), "3/5000" (per 10,000), "n=4" (hours), "" (counts).
    public static func parts(_ figure: Figure, _ t: FigureTally) -> String {
        let (n, d) = figure.parts(t)
        switch figure.kind {
        case .rate, .perTenThousand: return "\(n)/\(d)"
        case .hours: return "n=\(d)"
        case .count: return figure == .routine ? "发现\(t.routineFindings) 转案\(t.routineCases)" : ""
        }
    }

    /// `numerator / denominator` in tenths, rounded half up: tenths(9230, 100) = "92.3".
    static func tenths(_ numeratorTimesTen: Int64, _ denominator: Int64) -> String {
        let rounded = (2 * numeratorTimesTen + denominator) / (2 * denominator)
        return "\(rounded / 10).\(rounded % 10)"
    }

    /// The figure as JSON: its value rounded to 4 decimals (rates as fractions), with
    /// the counts behind it.
    public static func json(_ figure: Figure, _ t: FigureTally) -> JSONValue {
        let (n, d) = figure.parts(t)
        let value: JSONValue = figure.value(t).map { .double(($0 * 10_000).rounded() / 10_000) } ?? .null
        return .object([("value", value), ("numerator", .int(Int64(n))), ("denominator", .int(Int64(d)))])
    }
}
