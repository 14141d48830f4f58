import WanggeCore
import WanggeStore

/// Synthetic histories for the store benchmark: realistic payload sizes, no decider in
/// the loop (the bench measures the store, not the domain).
public enum StoreBenchData {
    /// `cases` case histories of `eventsPerCase` events each (1...8), all in grid 0101.
    public static func histories(
        firstID: Int64, cases: Int, eventsPerCase: Int, start: Instant, calendar: WorkCalendar
    ) -> [(events: [CaseEvent], state: CaseState)] {
        var result: [(events: [CaseEvent], state: CaseState)] = []
        result.reserveCapacity(cases)
        let limit = TimeLimit(amount: 3, clock: .workingDays)
        for i in 0..<cases {
            let id = firstID + Int64(i)
            let t = start + Int64(i % 5_000_000) * 13
            let reported = Reported(
                code: "C-B\(id)", title: "楼顶漏水，雨后渗水严重，顶楼住户反映多次", description: "幸福第1网格 3号楼：楼顶漏水。网格员巡查发现。",
                category: "1102", grid: "0101", building: "0101-3", source: .patrol, severity: .normal, level: .grid,
                sourceRef: nil, dispatchLimit: TimeLimit(amount: 24, clock: .urgentHours), dueAt: t + 86_400)
            var state = CaseState(id: id, reported: reported, actor: "bench.worker", at: t)
            var events = [CaseEvent(caseID: id, version: 1, actor: "bench.worker", at: t, body: .reported(reported))]
            // Spread deadlines so "top 50 by deadline" has real work to do.
            let due = t + Int64((i * 7919) % 2_000_000)
            let steps: [EventBody] = [
                .accepted(note: nil),
                .dispatched(handler: .unit("CG"), limit: limit, dueAt: due, note: nil),
                .handlerAccepted,
                .feedback(text: "已现场处置完毕，恢复原状", limit: TimeLimit(amount: 24, clock: .urgentHours), dueAt: due + 86_400),
                .verificationPassed(note: "现场核查已整改"),
                .evaluated(satisfaction: .satisfied, note: nil),
                .closed(note: nil),
            ]
            for (k, body) in steps.prefix(max(0, eventsPerCase - 1)).enumerated() {
                let event = CaseEvent(caseID: id, version: k + 2, actor: "bench.dispatcher", at: t + Int64(k + 1) * 600, body: body)
                state.apply(event)
                events.append(event)
            }
            result.append((events, state))
        }
        return result
    }
}
