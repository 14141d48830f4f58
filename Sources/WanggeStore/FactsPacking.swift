import WanggeAssessment
import WanggeCore

/// The integer packing of the small values of a facts row. The codes are written out
/// here (not taken from the order of the Swift enums), so adding a case to an enum can
/// never change what a stored number means.
///
/// - `flags`: bits 0-3 status, 4-6 source, 7-8 satisfaction (0 none), 9 closed at grid
///   level, 10-11 hotline answer (0 not hotline, 1 pending, 2 in time, 3 late), 12-13
///   stage of the open round (0 none, 1 dispatch, 2 handling, 3 verification).
/// - `case_counts`: late rounds in bits 0-20, dispatch rounds in time 21-41, late 42-62.
/// - `handler_counts`: six bits each, from bit 0: dispatches, send-backs, handled on time,
///   handled late, checks passed, checks failed, fed back, reworked, evaluations, satisfied.
enum FactsPacking {
    static func statusCode(_ s: CaseStatus) -> Int64 {
        switch s {
        case .reported: 0
        case .declined: 1
        case .accepted: 2
        case .dispatched: 3
        case .inProgress: 4
        case .handled: 5
        case .verified: 6
        case .evaluated: 7
        case .closed: 8
        case .archived: 9
        case .merged: 10
        }
    }

    static let statuses: [CaseStatus] = [
        .reported, .declined, .accepted, .dispatched, .inProgress, .handled, .verified, .evaluated, .closed, .archived, .merged,
    ]

    static func sourceCode(_ s: CaseSource) -> Int64 {
        switch s {
        case .patrol: 0
        case .hotline: 1
        case .walkIn: 2
        case .camera: 3
        case .inspection: 4
        case .meeting: 5
        }
    }

    static let sources: [CaseSource] = [.patrol, .hotline, .walkIn, .camera, .inspection, .meeting]

    static func satisfactionCode(_ s: Satisfaction?) -> Int64 {
        switch s {
        case nil: 0
        case .satisfied?: 1
        case .basicallySatisfied?: 2
        case .dissatisfied?: 3
        }
    }

    static let satisfactions: [Satisfaction?] = [nil, .satisfied, .basicallySatisfied, .dissatisfied]

    static func stageCode(_ s: Stage?) -> Int64 {
        switch s {
        case nil: 0
        case .dispatch?: 1
        case .handling?: 2
        case .verification?: 3
        }
    }

    static let stages: [Stage?] = [nil, .dispatch, .handling, .verification]

    static func responseCode(_ r: HotlineResponse?) -> Int64 {
        switch r {
        case nil: 0
        case .pending?: 1
        case .inTime?: 2
        case .late?: 3
        }
    }

    static let responses: [HotlineResponse?] = [nil, .pending, .inTime, .late]

    static func flags(_ f: CaseFacts) -> Int64 {
        statusCode(f.status) | sourceCode(f.source) << 4 | satisfactionCode(f.satisfaction) << 7
            | (f.closedAtGridLevel ? 1 : 0) << 9 | responseCode(f.hotlineResponse) << 10 | stageCode(f.open?.stage) << 12
    }

    /// Sets what `flags` holds on `f`; false for a code the program does not know.
    static func unpackFlags(_ flags: Int64, into f: inout CaseFacts, openDue: Instant?, suspendedUntil: Instant?) -> Bool {
        let status = Int(flags & 15), source = Int(flags >> 4 & 7)
        guard status < statuses.count, source < sources.count else { return false }
        f.status = statuses[status]
        f.source = sources[source]
        f.satisfaction = satisfactions[Int(flags >> 7 & 3)]
        f.closedAtGridLevel = flags >> 9 & 1 == 1
        f.hotlineResponse = responses[Int(flags >> 10 & 3)]
        if let stage = stages[Int(flags >> 12 & 3)], let openDue {
            f.open = OpenRound(stage: stage, due: openDue, suspendedUntil: suspendedUntil)
        }
        return true
    }

    static let countMask: Int64 = (1 << 21) - 1

    static func caseCounts(_ f: CaseFacts) -> Int64 {
        Int64(f.lateRounds) & countMask | (Int64(f.dispatchInTime) & countMask) << 21 | (Int64(f.dispatchLate) & countMask) << 42
    }

    static func unpackCaseCounts(_ packed: Int64, into f: inout CaseFacts) {
        f.lateRounds = Int(packed & countMask)
        f.dispatchInTime = Int(packed >> 21 & countMask)
        f.dispatchLate = Int(packed >> 42 & countMask)
    }

    static func counts(_ t: HandlerTally) -> [Int] {
        [t.dispatches, t.sendBacks, t.handledOnTime, t.handledLate, t.checksPassed, t.checksFailed,
         t.fedBack ? 1 : 0, t.reworked ? 1 : 0, t.evaluations, t.satisfied]
    }

    static func tally(_ handler: Handler, _ c: [Int]) -> HandlerTally? {
        guard c.count == 10 else { return nil }
        return HandlerTally(
            handler: handler, dispatches: c[0], sendBacks: c[1], handledOnTime: c[2], handledLate: c[3], checksPassed: c[4],
            checksFailed: c[5], fedBack: c[6] != 0, reworked: c[7] != 0, evaluations: c[8], satisfied: c[9])
    }

    /// The ten counts in six bits each; nil when one does not fit (it is then listed as JSON).
    static func handlerCounts(_ t: HandlerTally) -> Int64? {
        var packed: Int64 = 0
        for (i, c) in counts(t).enumerated() {
            guard (0..<64).contains(c) else { return nil }
            packed |= Int64(c) << (6 * i)
        }
        return packed
    }

    static func unpackHandlerCounts(_ packed: Int64, handler: Handler) -> HandlerTally {
        func c(_ i: Int) -> Int { Int(packed >> (6 * i) & 63) }
        return HandlerTally(
            handler: handler, dispatches: c(0), sendBacks: c(1), handledOnTime: c(2), handledLate: c(3), checksPassed: c(4),
            checksFailed: c(5), fedBack: c(6) != 0, reworked: c(7) != 0, evaluations: c(8), satisfied: c(9))
    }
}
