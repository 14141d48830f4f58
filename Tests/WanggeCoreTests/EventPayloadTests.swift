import Testing
@testable import WanggeCore

/// Every kind of event survives the trip through its stored JSON payload.
struct EventPayloadTests {
    /// Histories that between them produce every kind of event.
    func histories() throws -> [[CaseEvent]] {
        var a = try CaseRun.dispatched(to: .unit("CG"))
        try a.act(.handlerAccept, by: "lcg", at: "2026-03-02 09:10")
        try a.act(.requestExtension(reason: "需协调"), by: "lcg", at: "2026-03-02 09:20")
        try a.act(.decideExtension(approve: true, note: "同意"), by: "sup", at: "2026-03-02 09:30")
        try a.act(.suspend(reason: "等待", until: Fixture.at("2026-03-03 09:00")), by: "sup", at: "2026-03-02 09:40")
        try a.act(.resume, by: "sup", at: "2026-03-02 10:00")
        try a.act(.supervise(.important, note: "重点"), by: "sup", at: "2026-03-02 10:10")
        try a.act(.summon(units: ["GA", "WY"], limit: nil, note: "联合"), by: "dsp", at: "2026-03-02 10:20")
        try a.act(.reportIn(unit: nil, note: "到"), by: "lga", at: "2026-03-02 10:30")
        try a.act(.comment(text: "含 \"引号\" 与 \\ 反斜杠\n换行"), by: "wk", at: "2026-03-02 10:40")
        try a.act(.feedback(text: "已处理"), by: "lcg", at: "2026-03-02 11:00")
        try a.act(.verify(passed: false, note: "未完成"), by: "wk", at: "2026-03-02 11:10")
        try a.act(.sendBack(reason: "非本单位"), by: "lcg", at: "2026-03-02 11:20")
        try a.act(.escalate(to: .street, reason: "升级", rule: "R1"), by: "dsp", at: "2026-03-02 11:30")
        try a.act(.dispatch(handler: .person("wk"), limit: nil, note: "改派"), by: "dsps", at: "2026-03-02 11:40")
        try a.act(.feedback(text: "完成"), by: "wk", at: "2026-03-02 14:00")
        try a.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-02 14:10")
        try a.act(.evaluate(.dissatisfied, note: "慢"), by: "ev", at: "2026-03-02 14:20")
        try a.act(.close(note: nil), by: "sup", at: "2026-03-02 14:30")
        try a.act(.reopen(reason: "再次反映"), by: "sup", at: "2026-03-02 14:40")

        var b = try CaseRun()
        try b.act(.decline(reason: "重复"), by: "dsp", at: "2026-03-02 09:10")
        var c = try CaseRun()
        try c.act(.accept(note: "受理"), by: "dsp", at: "2026-03-02 09:10")
        try c.act(.linkDuplicate(primary: "C-260301-0001"), by: "dsp", at: "2026-03-02 09:20")
        var d = try CaseRun.dispatched()
        try d.act(.feedback(text: "完成"), by: "lcg", at: "2026-03-02 10:00")
        try d.act(.verify(passed: true, note: nil), by: "wk", at: "2026-03-02 10:10")
        try d.act(.evaluate(.satisfied, note: nil), by: "ev", at: "2026-03-02 10:20")
        try d.act(.close(note: "结"), by: "sup", at: "2026-03-02 10:30")
        try d.act(.archive, by: "sup", at: "2026-03-02 10:40")
        return [a.history, b.history, c.history, d.history]
    }

    /// The kinds the loop's decider writes (the escalation engine adds its own).
    static let loopKinds: [EventBody.Kind] = [
        .reported, .accepted, .declined, .dispatched, .handlerAccepted, .sentBack, .feedback, .verificationPassed,
        .verificationFailed, .evaluated, .closed, .archived, .extensionRequested, .extensionDecided, .suspended,
        .resumed, .supervised, .summoned, .reportedIn, .linkedDuplicate, .reopened, .escalated, .commented,
    ]

    @Test func everyLoopKindRoundTrips() throws {
        var kinds: Set<EventBody.Kind> = []
        for history in try histories() {
            for event in history {
                kinds.insert(event.body.kind)
                let text = event.body.payload.serialized()
                let back = try EventBody(kind: event.body.kind.rawValue, payload: try JSONValue.parse(text))
                #expect(back == event.body, "\(event.body.kind.rawValue): \(text)")
            }
            // Folding the history gives the same state as applying it step by step.
            #expect(CaseState.fold(history)?.version == history.count)
        }
        #expect(kinds == Set(Self.loopKinds))
    }

    @Test func unknownKindAndMissingFieldsAreNamed() {
        #expect(throws: EventDecodingError.self) { try EventBody(kind: "teleported", payload: .object([])) }
        do {
            _ = try EventBody(kind: "declined", payload: .object([]))
            Issue.record("a declined event without a reason was accepted")
        } catch let error as EventDecodingError {
            #expect(error.description == "事件类型 declined 的内容无法读取：缺少或无效的字段 reason")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
