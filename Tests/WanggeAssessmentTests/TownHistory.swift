import Testing
import WanggeAssessment
import WanggeCore

/// Ten cases of March 2026 (and one of February), each played through the decider. The
/// comments say what each case contributes; `HandCountedFigureTests` adds them up by hand.
enum TownHistory {
    static func cases() throws -> [Script] {
        // A, G1: dispatched in time to CG, fed back on time, passed, satisfied, closed.
        // Working time to close: Mon 09-12 + 14-18 (7 h) + Tue 08-11 (3 h) = 10 h.
        var a = try Script(1, grid: "G1", by: "wk", at: "2026-03-02 09:00")
        try a.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:30")
        try a.act(.handlerAccept, by: "lcg", at: "2026-03-02 10:00")
        try a.act(.feedback(text: "已清理"), by: "lcg", at: "2026-03-02 16:00")
        try a.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-02 17:00")
        try a.act(.evaluate(.satisfied, note: nil), by: "ev", at: "2026-03-03 10:00")
        try a.act(.close(note: nil), by: "sup", at: "2026-03-03 11:00")

        // B, G1, 4 working hours: WY's first feedback is late (due Mon 16:30, given Tue
        // 09:00), the check fails (rework, due Tue 14:00+2h = 16:00), the second feedback is
        // on time; dissatisfied; closed. Working time to close: Mon 6 h + Tue 8 h + Wed 2 h = 16 h.
        var b = try Script(2, grid: "G1", category: "0102", by: "wk", at: "2026-03-02 10:00")
        try b.act(.dispatch(handler: .unit("WY"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 10:30")
        try b.act(.feedback(text: "已处理"), by: "lwy", at: "2026-03-03 09:00")
        try b.act(.verify(passed: false, note: "噪音仍在"), by: "wk", at: "2026-03-03 10:00")
        try b.act(.feedback(text: "已停工"), by: "lwy", at: "2026-03-03 15:00")
        try b.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-03 16:00")
        try b.act(.evaluate(.dissatisfied, note: nil), by: "ev", at: "2026-03-04 09:00")
        try b.act(.close(note: nil), by: "sup", at: "2026-03-04 10:00")

        // C, G2, a 12345 call nobody has dispatched: due Tue 11:00, so late when judged.
        let c = try Script(3, grid: "G2", source: .hotline, by: "dsp", at: "2026-03-02 11:00")

        // D, G2, a walk-in complaint: dispatched late (due Wed 09:00, done 10:00), CG sends it
        // back before its deadline (not judged), GA gets it in time at 14:00 (due Thu 14:00)
        // and has not fed back: late when judged.
        var d = try Script(4, grid: "G2", source: .walkIn, by: "dsp", at: "2026-03-03 09:00")
        try d.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-04 10:00")
        try d.act(.sendBack(reason: "不属于城管职责"), by: "lcg", at: "2026-03-04 11:00")
        try d.act(.dispatch(handler: .unit("GA"), limit: nil, note: nil), by: "dsp", at: "2026-03-04 14:00")

        // E, G3, handled by the grid worker himself; an approved extension moves the due
        // time from Fri 09:10 to Mon 09:10, so Friday's feedback is on time.
        // Working time to close: Thu 7 h + Fri 8 h + Mon 08-10 (2 h) = 17 h.
        var e = try Script(5, grid: "G3", by: "wk3", at: "2026-03-05 09:00")
        try e.act(.dispatch(handler: .person("wk3"), limit: nil, note: nil), by: "dsp", at: "2026-03-05 09:10")
        try e.act(.requestExtension(reason: "等待材料"), by: "wk3", at: "2026-03-06 08:30")
        try e.act(.decideExtension(approve: true, note: nil), by: "sup", at: "2026-03-06 08:40")
        try e.act(.feedback(text: "已处理"), by: "wk3", at: "2026-03-06 17:00")
        try e.act(.verify(passed: true, note: nil), by: "sup", at: "2026-03-07 10:00")
        try e.act(.evaluate(.basicallySatisfied, note: nil), by: "ev", at: "2026-03-09 09:00")
        try e.act(.close(note: nil), by: "sup", at: "2026-03-09 10:00")

        // F, G1: declined an hour after the report (not filed; its round is not judged).
        var f = try Script(6, grid: "G1", by: "wk", at: "2026-03-06 09:00")
        try f.act(.decline(reason: "不属于受理范围"), by: "dsp", at: "2026-03-06 10:00")

        // G, G1: merged into A half an hour after the report (not filed, not a complaint).
        var g = try Script(7, grid: "G1", by: "wk", at: "2026-03-06 11:00")
        try g.act(.linkDuplicate(primary: "C-1"), by: "dsp", at: "2026-03-06 11:30")

        // H, G1, reported in February: outside the period, counts nowhere.
        var h = try Script(8, grid: "G1", by: "wk", at: "2026-02-27 09:00")
        try h.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:00")

        // I, G3, a 12345 call dispatched in time to CG, escalated to the community before
        // the handling deadline (not judged), dispatched again in time to GA (due Tue
        // 14:00: not late yet when judged on Tuesday at noon).
        var i = try Script(9, grid: "G3", source: .hotline, by: "dsp", at: "2026-03-09 09:00")
        try i.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-09 10:00")
        try i.act(.escalate(to: .community, reason: "涉及多个单位", rule: nil), by: "sup", at: "2026-03-09 11:00")
        try i.act(.dispatch(handler: .unit("GA"), limit: nil, note: nil), by: "dsp", at: "2026-03-09 14:00")

        // J, G2: dispatched in time, suspended until 03-11 10:00: never late while suspended.
        var j = try Script(10, grid: "G2", by: "wk2", at: "2026-03-02 09:00")
        try j.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 09:10")
        try j.act(.handlerAccept, by: "lcg", at: "2026-03-02 09:20")
        try j.act(.suspend(reason: "等待产权单位答复", until: Town.at("2026-03-11 10:00")), by: "sup", at: "2026-03-02 10:00")

        // K, G3: escalated to the community before its first dispatch (that round is not
        // judged), dispatched in time, on time, closed at community level.
        // Working time to close: Mon 14-18 (4 h) + Tue 08-12, 14-15 (5 h) = 9 h.
        var k = try Script(11, grid: "G3", by: "wk3", at: "2026-03-02 14:00")
        try k.act(.escalate(to: .community, reason: "需社区协调", rule: nil), by: "sup", at: "2026-03-02 14:10")
        try k.act(.dispatch(handler: .unit("CG"), limit: nil, note: nil), by: "dsp", at: "2026-03-02 14:30")
        try k.act(.feedback(text: "已协调"), by: "lcg", at: "2026-03-03 10:00")
        try k.act(.verify(passed: true, note: nil), by: "sup", at: "2026-03-03 11:00")
        try k.act(.evaluate(.satisfied, note: nil), by: "ev", at: "2026-03-03 12:00")
        try k.act(.close(note: nil), by: "sup", at: "2026-03-03 15:00")

        return [a, b, c, d, e, f, g, h, i, j, k]
    }

    static let march = (from: Town.at("2026-03-01 00:00"), to: Town.at("2026-04-01 00:00"))
    static let judged = Town.at("2026-03-10 12:00")

    /// The report of `dimension` for March, folding each history up to `asOf` and
    /// judging at `asOf` (default: every event, judged on 03-10 at noon).
    static func report(_ dimension: AssessmentDimension, asOf: Instant? = nil) throws -> AssessmentReport {
        let judgedAt = asOf ?? judged
        var acc = AssessmentAccumulator(
            grouping: AssessmentGrouping(dimension: dimension, organisation: Town.organisation), judgedAt: judgedAt, calendar: Town.calendar)
        for script in try cases() {
            guard let facts = CaseFacts.fold(script.events, asOf: asOf),
                  facts.reportedAt >= march.from, facts.reportedAt < march.to else { continue }
            acc.add(facts)
        }
        return acc.report(from: march.from, to: march.to, residentsTotal: 5000)
    }
}

extension AssessmentReport {
    func row(_ key: String) -> FigureTally {
        rows.first { $0.key == key }?.tally ?? FigureTally()
    }
}
