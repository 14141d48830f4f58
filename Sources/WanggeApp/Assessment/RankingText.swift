import WanggeAssessment
import WanggeCore

/// The 红黑榜 as text: each place with its score and the figures behind it.
public enum RankingText {
    static let figures: [Figure] = [.handledOnTime, .satisfaction, .rework, .sendBack]

    public static let header = ["名次", "编码", "单位", "得分"] + figures.map(\.shortName) + ["判定轮次"]

    static func kindName(_ kind: UnitKind) -> String { kind == .property ? "物业公司" : "部门" }

    public static func periodText(_ period: AssessmentPeriod, _ calendar: WorkCalendar) -> String {
        "\(calendar.civil(period.from).formatted()) 至 \(calendar.civil(period.to).formatted()) "
    }

    static func line(_ place: String, _ e: UnitRanking.Entry) -> [String] {
        [place, e.code, e.name, e.score.map(score) ?? "—"]
            + figures.map { f in
                let v = FigureText.value(f, e.tally)
                return v == "—" ? v : "\(v) (\(FigureText.parts(f, e.tally)))"
            }
            + [String(e.judgedRounds)]
    }

    /// "87.5": the score in tenths, rounded half up.
    static func score(_ s: Double) -> String {
        let tenths = Int64((s * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Titled blocks of table rows: the red list, the black list, the unranked.
    public static func sections(_ r: UnitRanking.Result) -> [(String, [[String]])] {
        let kind = kindName(r.kind)
        let position = Dictionary(uniqueKeysWithValues: r.ranked.enumerated().map { ($1.code, $0 + 1) })
        var out: [(String, [[String]])] = [
            ("\(kind)红榜（前 \(r.red.count) 名）", r.red.map { line("第\(position[$0.code] ?? 0)名", $0) }),
            ("\(kind)黑榜（后 \(r.black.count) 名，最差在前）", r.black.map { line("第\(position[$0.code] ?? 0)名", $0) }),
        ]
        if !r.unranked.isEmpty {
            out.append(("\(kind)样本不足、不参与排名", r.unranked.map { line("—", $0) }))
        }
        return out
    }

    public static func markdown(_ results: [UnitRanking.Result], title: String) -> String {
        var out = "## \(title)\n"
        for r in results {
            for (name, rows) in sections(r) {
                out += "\n### \(name)\n\n" + (rows.isEmpty ? "（无）\n" : AssessmentExport.markdownTable(header: header, rows: rows))
            }
        }
        out += "\n得分 = 按期处置率×40% + 满意率×30% + (1−返工率)×15% + (1−回退率)×15%（无数据的项不计，其余按比例放大）。\n"
        return out
    }

    public static func json(_ results: [UnitRanking.Result], title: String) -> JSONValue {
        func entry(_ e: UnitRanking.Entry) -> JSONValue {
            .object([
                ("code", .string(e.code)), ("name", .string(e.name)),
                ("score", e.score.map { .double(($0 * 100).rounded() / 100) } ?? .null),
                ("judged_rounds", .int(Int64(e.judgedRounds))),
                ("figures", .object(figures.map { ($0.rawValue, FigureText.json($0, e.tally)) })),
            ])
        }
        return .object([
            ("title", .string(title)),
            ("lists", .array(results.map { r in
                .object([
                    ("kind", .string(r.kind.rawValue)),
                    ("red", .array(r.red.map(entry))), ("black", .array(r.black.map(entry))),
                    ("ranked", .array(r.ranked.map(entry))), ("unranked", .array(r.unranked.map(entry))),
                ])
            })),
        ])
    }
}
