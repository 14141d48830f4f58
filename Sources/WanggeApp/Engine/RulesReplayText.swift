import WanggeCore

/// The replay's report as text: actions per kind, assessment figures, differing cases.
public enum RulesReplayText {
    public static func render(_ r: ReplayReport, rules: LoadedRules, calendar: WorkCalendar, seconds: Double, limit: Int) -> String {
        var out = "回放 \(CaseText.full(r.from, calendar)) 至 \(CaseText.full(r.to, calendar))，规则：\(rules.source.chineseName)\n"
        out += "重新判断 \(r.casesReplayed) 件案件（读取 \(r.eventsRead) 条事件，用时 \(fixed(seconds, 1)) 秒）；数据库未被修改\n\n"
        out += "引擎动作\t实际\t回放\t差\n"
        for kind in Set(r.actualActions.keys).union(r.replayedActions.keys).sorted() {
            let a = r.actualActions[kind] ?? 0, b = r.replayedActions[kind] ?? 0
            out += "\(kind)\t\(a)\t\(b)\t\(b - a >= 0 ? "+" : "")\(b - a)\n"
        }
        if r.actualActions.isEmpty && r.replayedActions.isEmpty { out += "（期内无引擎动作）\n" }
        out += "\n考核指标\t实际\t回放\n"
        for f in r.figures {
            out += "\(f.name)\t\(show(f.actual, f.isRate))\t\(show(f.replayed, f.isRate))\n"
        }
        out += "\n引擎动作不同的案件：\(r.casesDiffering) 件"
        if r.casesDiffering > 0 { out += "（列出前 \(min(limit, r.differences.count)) 件）" }
        out += "\n"
        for d in r.differences.prefix(limit) {
            out += "  \(d.code)  实际：\(d.actual.isEmpty ? "（无）" : d.actual.joined(separator: "，"))｜回放：\(d.replayed.isEmpty ? "（无）" : d.replayed.joined(separator: "，"))\n"
        }
        return out
    }

    static func show(_ v: Double, _ rate: Bool) -> String {
        rate ? fixed(v * 100, 1) + "%" : String(Int(v))
    }

    /// Fixed decimals without Foundation.
    static func fixed(_ v: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((v * scale).rounded())
        let whole = n / Int(scale), frac = abs(n % Int(scale))
        let f = String(frac)
        return digits == 0 ? String(whole) : "\(n < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: digits - f.count))\(f)"
    }
}
