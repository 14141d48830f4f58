import WanggeAssessment
import WanggeCore

/// A report as text: table cells, CSV, JSON and Markdown. Names and free text come from
/// the configuration, so the terminal caller still neutralises what it prints.
public enum AssessmentExport {
    /// The header of the table and Markdown forms.
    public static func header(_ report: AssessmentReport) -> [String] {
        ["编码", report.dimension.chineseName] + report.figures.map(\.shortName)
    }

    /// One line per group, then the total ("合计").
    public static func cells(_ report: AssessmentReport, withParts: Bool = false) -> [[String]] {
        func line(_ key: String, _ name: String, _ t: FigureTally) -> [String] {
            [key, name] + report.figures.map { f in
                let v = FigureText.value(f, t)
                let p = FigureText.parts(f, t)
                return withParts && !p.isEmpty && v != "—" ? "\(v) (\(p))" : v
            }
        }
        return report.rows.map { line($0.key, $0.name, $0.tally) } + [line("", "合计", report.total)]
    }

    public static func title(_ report: AssessmentReport, calendar: WorkCalendar) -> String {
        "考核统计（按\(report.dimension.chineseName)）：\(local(report.from, calendar)) 至 \(local(report.to, calendar)) 上报的案件，"
            + "截至 \(local(report.judgedAt, calendar))"
    }

    static func local(_ instant: Instant, _ calendar: WorkCalendar) -> String { calendar.civil(instant).formatted() }

    public static func csv(_ report: AssessmentReport) -> String {
        var header = ["dimension", "key", "name"]
        for f in report.figures { header += [f.rawValue, f.rawValue + "_numerator", f.rawValue + "_denominator"] }
        var lines = [header.joined(separator: ",")]
        func line(_ key: String, _ name: String, _ t: FigureTally) -> String {
            var cells = [report.dimension.rawValue, key, name]
            for f in report.figures {
                let (n, d) = f.parts(t)
                let v = FigureText.value(f, t)
                cells += [v == "—" ? "" : v, String(n), String(d)]
            }
            return cells.map(csvQuote).joined(separator: ",")
        }
        for row in report.rows { lines.append(line(row.key, row.name, row.tally)) }
        lines.append(line("", "合计", report.total))
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvQuote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
    }

    public static func json(_ report: AssessmentReport, calendar: WorkCalendar) -> JSONValue {
        func figures(_ t: FigureTally) -> JSONValue {
            .object(report.figures.map { ($0.rawValue, FigureText.json($0, t)) })
        }
        return .object([
            ("dimension", .string(report.dimension.rawValue)),
            ("from", .string(local(report.from, calendar))),
            ("to", .string(local(report.to, calendar))),
            ("judged_at", .string(local(report.judgedAt, calendar))),
            ("groups", .array(report.rows.map { row in
                .object([("key", .string(row.key)), ("name", .string(row.name)), ("figures", figures(row.tally))])
            })),
            ("total", figures(report.total)),
            ("formulas", .object(report.figures.map { ($0.rawValue, .string("\($0.chineseName)：\($0.formula)")) })),
        ])
    }

    public static func markdown(_ report: AssessmentReport, calendar: WorkCalendar) -> String {
        var out = "## \(title(report, calendar: calendar))\n\n"
        out += markdownTable(header: header(report), rows: cells(report, withParts: true))
        out += "\n口径：\n\n"
        for f in report.figures { out += "- **\(f.chineseName)**：\(f.formula)\n" }
        return out
    }

    public static func markdownTable(header: [String], rows: [[String]]) -> String {
        func escape(_ s: String) -> String { s.replacingAll("|", with: "\\|").replacingAll("\n", with: " ") }
        var out = "| " + header.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }

    /// Every figure of one group with its counts and formula: why the number is what it is.
    public static func explain(_ report: AssessmentReport, key: String, calendar: WorkCalendar) -> String? {
        let tally: FigureTally
        let name: String
        if key.isEmpty || key == "合计" {
            tally = report.total; name = "合计"
        } else {
            guard let row = report.rows.first(where: { $0.key == key }) else { return nil }
            tally = row.tally; name = "\(row.name)（\(row.key)）"
        }
        var out = "\(title(report, calendar: calendar))\n\(report.dimension.chineseName)：\(name)\n\n"
        for f in report.figures {
            let parts = FigureText.parts(f, tally)
            out += "\(f.chineseName) = \(FigureText.value(f, tally))\(parts.isEmpty ? "" : "（\(parts)）")\n    \(f.formula)\n"
        }
        return out
    }
}
