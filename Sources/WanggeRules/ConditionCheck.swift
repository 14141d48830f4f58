import WanggeCore

/// The verdict on one condition, or on a whole rule, at one instant: it holds (possibly
/// only until some instant), it will hold from an instant on if nothing else changes,
/// or it will not hold unless the case changes.
public enum Outcome: Hashable, Sendable {
    case holds(until: Instant?)
    case pending(from: Instant)
    case never

    public var holds: Bool { if case .holds = self { true } else { false } }
}

/// The calendar and organisation a rule set is judged with, shared by reference: the
/// engine makes a `CaseView` for each of a million cases, and copying the two structs
/// into each retained and released a score of their buffers every time (from two
/// threads at once, on the same counters).
final class EvaluationContext: Sendable {
    let calendar: WorkCalendar
    let organisation: Organisation?

    init(calendar: WorkCalendar, organisation: Organisation?) {
        self.calendar = calendar; self.organisation = organisation
    }
}

/// One case at one instant, with what every condition needs computed once. A class, so
/// that passing it to each condition copies no strings.
final class CaseView {
    let state: CaseState
    let now: Instant
    let context: EvaluationContext
    let math: CaseClockMath?

    init(state: CaseState, now: Instant, context: EvaluationContext) {
        self.state = state; self.now = now; self.context = context
        math = state.clock.map { CaseClockMath(context: context, clock: $0) }
    }

    var calendar: WorkCalendar { context.calendar }
    var organisation: Organisation? { context.organisation }

    var ownClock: ClockKind? { state.clock?.limit.clock }

    /// When the case becomes overdue the way queues say it (after the deadline, and
    /// not while a suspension lasts).
    var overdueOnset: Instant? {
        guard state.status.isOpen, let due = state.dueAt else { return nil }
        return max(due + 1, state.suspendedUntil ?? due + 1)
    }

    var isOverdue: Bool { state.isOverdue(at: now) }

    /// The earliest reported-at that a window of `d` back from this case's report covers.
    func windowStart(_ d: RuleDuration) -> Instant {
        let clock = d.clock ?? .calendarDays
        return calendar.advance(from: state.reportedAt, by: -d.seconds(on: clock, calendar: calendar), clock: clock)
    }
}

enum ConditionCheck {
    /// The cost class of a condition: plain fields first, clock arithmetic next, other
    /// cases (a database question for the engine) last.
    static func cost(_ c: Condition) -> Int {
        switch c {
        case .duplicatesAtLeast, .repeats: 2
        case .keywords, .overdue, .overdueAtLeast, .timeLeftAtMost, .limitUsedAtLeast, .stageElapsedAtLeast, .ageAtLeast, .summonsOverdue: 1
        default: 0
        }
    }

    /// The outcome of one condition. With `facts == nil`, conditions on other cases are
    /// assumed to hold (the engine asks the database only when everything else does).
    static func outcome(_ c: Condition, _ v: CaseView, facts: (any RuleFacts)?) -> Outcome {
        func when(_ ok: Bool) -> Outcome { ok ? .holds(until: nil) : .never }
        func pending(_ t: Instant?) -> Outcome {
            guard let t, t > v.now else { return .never }
            return .pending(from: t)
        }
        switch c {
        case .category(let prefixes): return when(prefixes.contains { v.state.category.hasPrefix($0) })
        case .notCategory(let prefixes): return when(!prefixes.contains { v.state.category.hasPrefix($0) })
        case .severity(let set): return when(set.contains(v.state.severity))
        case .level(let set): return when(set.contains(v.state.level))
        case .status(let set): return when(set.contains(v.state.status))
        case .stage(let set): return when(v.state.clock.map { set.contains($0.stage) } ?? false)
        case .source(let set): return when(set.contains(v.state.source))
        case .gridKind(let set): return when(set.contains(v.organisation?.grid(v.state.grid)?.kind ?? .basic))
        case .reworkAtLeast(let n): return when(v.state.reworkCount >= n)
        case .sendBackAtLeast(let n): return when(v.state.sendBackCount >= n)
        case .supervisionAtLeast(let n): return when(v.state.supervisionCount >= n)
        case .keywords(let words): return when(words.contains { Self.contains(v.state.title, $0) || Self.contains(v.state.description, $0) })

        case .overdue(let wanted):
            guard let onset = v.overdueOnset else { return wanted ? .never : .holds(until: nil) }
            if wanted { return v.isOverdue ? .holds(until: nil) : pending(onset) }
            return v.isOverdue ? .never : .holds(until: onset)

        case .overdueAtLeast(let d):
            guard let math = v.math, let own = v.ownClock, let due = v.state.dueAt, let o1 = v.overdueOnset else { return .never }
            let kind = d.clock(own: own)
            let seconds = d.seconds(on: kind, calendar: v.calendar)
            let held: Bool
            let o2: Instant?
            if d.clock == nil {
                let target = math.total + seconds
                held = math.used(on: kind, at: v.now) >= target
                o2 = math.instant(whenUsed: target, on: kind)
            } else {
                held = v.calendar.measure(from: due, to: v.now, clock: kind) >= seconds
                o2 = v.calendar.reach(from: due, by: seconds, clock: kind)
            }
            if held && v.isOverdue { return .holds(until: nil) }
            return pending(o2.map { max($0, o1) })

        case .timeLeftAtMost(let d):
            guard let math = v.math, let own = v.ownClock, let due = v.state.dueAt else { return .never }
            let kind = d.clock(own: own)
            let seconds = d.seconds(on: kind, calendar: v.calendar)
            if d.clock == nil {
                let target = math.total - seconds
                if math.used(on: kind, at: v.now) >= target { return .holds(until: nil) }
                return pending(math.instant(whenUsed: target, on: kind))
            }
            if v.now >= due || v.calendar.measure(from: v.now, to: due, clock: kind) <= seconds { return .holds(until: nil) }
            return pending(v.calendar.earliestWithin(seconds, before: due, clock: kind))

        case .limitUsedAtLeast(let share):
            guard let math = v.math, let own = v.ownClock else { return .never }
            let target = Int64((share * Double(math.total)).rounded(.up))
            if math.used(on: own, at: v.now) >= target { return .holds(until: nil) }
            return pending(math.instant(whenUsed: target, on: own))

        case .stageElapsedAtLeast(let d):
            guard let math = v.math, let own = v.ownClock else { return .never }
            let kind = d.clock(own: own)
            let seconds = d.seconds(on: kind, calendar: v.calendar)
            if math.used(on: kind, at: v.now) >= seconds { return .holds(until: nil) }
            return pending(math.instant(whenUsed: seconds, on: kind))

        case .ageAtLeast(let d):
            let kind = d.clock ?? .calendarDays
            let seconds = d.seconds(on: kind, calendar: v.calendar)
            if v.calendar.measure(from: v.state.reportedAt, to: v.now, clock: kind) >= seconds { return .holds(until: nil) }
            return pending(v.calendar.reach(from: v.state.reportedAt, by: seconds, clock: kind))

        case .summonsOverdue(let wanted):
            let open = v.state.summons.filter { $0.reportedInAt == nil }
            let late = open.contains { v.now > $0.dueAt }
            let first = open.map(\.dueAt).min()
            if wanted { return late ? .holds(until: nil) : pending(first.map { $0 + 1 }) }
            return late ? .never : .holds(until: first.map { $0 + 1 })

        case .duplicatesAtLeast(let n):
            guard let facts else { return .holds(until: nil) }
            return when(facts.duplicateCount(of: v.state) >= n)

        case let .repeats(count, window, scope, match):
            if scope == .building && v.state.building == nil { return .never }
            guard let facts else { return .holds(until: nil) }
            return when(repeatCount(v.state, v, window: window, scope: scope, match: match, facts: facts) >= count)
        }
    }

    /// Whether `word` occurs in `text`, comparing UTF-8 bytes: exact for the Chinese
    /// keywords rules use, and far cheaper than `String.contains`, which walks
    /// grapheme clusters (keywords are checked on every case the engine evaluates). Both
    /// texts are read in place (no array of the keyword's bytes per call).
    static func contains(_ text: String, _ word: String) -> Bool {
        var found = false
        var haystack = text
        var needleText = word
        haystack.withUTF8 { hay in
            needleText.withUTF8 { needle in
                let n = needle.count
                guard n > 0 else { found = true; return }
                guard hay.count >= n else { return }
                let first = needle[0]
                var i = 0
                let last = hay.count - n
                while i <= last {
                    if hay[i] == first {
                        var j = 1
                        while j < n && hay[i + j] == needle[j] { j += 1 }
                        if j == n { found = true; return }
                    }
                    i += 1
                }
            }
        }
        return found
    }

    /// Reports of the same kind at the same place in the window, this one included.
    static func repeatCount(_ s: CaseState, _ v: CaseView, window: RuleDuration, scope: PlaceScope, match: KindMatch,
                            facts: any RuleFacts) -> Int {
        facts.reportCount(near: s, scope: scope, match: match, from: v.windowStart(window), to: s.reportedAt) + 1
    }

    /// Combines the outcomes of a rule's conditions: all must hold.
    static func combine(_ outcomes: some Sequence<Outcome>) -> Outcome {
        var until: Instant?
        var from: Instant?
        for o in outcomes {
            switch o {
            case .never: return .never
            case .holds(let u): if let u { until = min(until ?? u, u) }
            case .pending(let t): from = max(from ?? t, t)
            }
        }
        if let from {
            if let until, until <= from { return .never }
            return .pending(from: from)
        }
        return .holds(until: until)
    }
}
