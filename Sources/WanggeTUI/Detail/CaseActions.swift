import WanggeCore

/// Which actions the operator may take on a case right now.
///
/// Rather than keep a second copy of the permission matrix and the loop's state rules,
/// each action is tried against the core's own decision function with placeholder input:
/// a refusal for role, scope or state hides the action; a refusal about the input (the
/// placeholder reason) means the action is open. So the keys the case screen offers are
/// exactly what `wangge` on the command line would accept.
public enum CaseActions {
    /// The available actions on `state`, in the order of `KeyBindings.actionKeys`.
    public static func available(on state: CaseState, context: ConsoleContext, now: Instant) -> [Action] {
        KeyBindings.actionKeys.map(\.0).filter { isAvailable($0, on: state, context: context, now: now) }
    }

    /// Whether `action` would get past role, scope and state checks.
    public static func isAvailable(_ action: Action, on state: CaseState, context: ConsoleContext, now: Instant) -> Bool {
        refusal(action, on: state, context: context, now: now) == nil
    }

    /// Why `action` is not open on `state` (the core's own sentence), nil when it is.
    public static func refusal(_ action: Action, on state: CaseState, context: ConsoleContext, now: Instant) -> Refusal? {
        guard let probe = probe(action, state: state, context: context, now: now) else {
            return Refusal(.invalidState, context.strings.refused(context.strings.actionName(action)))
        }
        do {
            _ = try context.decider.decide(probe, on: state, by: context.person, at: now)
            return nil
        } catch {
            return error.reason == .invalidInput ? nil : error
        }
    }

    private static func probe(_ action: Action, state: CaseState, context: ConsoleContext, now: Instant) -> CaseCommand? {
        let placeholder = "?"
        switch action {
        case .accept: return .accept(note: nil)
        case .decline: return .decline(reason: placeholder)
        case .dispatch:
            let someone = context.organisation.people.first.map { Handler.person($0.login) } ?? .unit("")
            return .dispatch(handler: someone, limit: nil, note: nil)
        case .handlerAccept: return .handlerAccept
        case .sendBack: return .sendBack(reason: placeholder)
        case .feedback: return .feedback(text: placeholder)
        case .verify: return .verify(passed: true, note: nil)
        case .evaluate: return .evaluate(.satisfied, note: nil)
        case .close: return .close(note: nil)
        case .archive: return .archive
        case .requestExtension: return .requestExtension(reason: placeholder)
        case .decideExtension: return .decideExtension(approve: false, note: nil)
        case .suspend: return .suspend(reason: placeholder, until: now + 86_400)
        case .resume: return .resume
        case .supervise: return .supervise(.timeout, note: placeholder)
        case .summon:
            let unit = context.organisation.units.first { u in !state.summons.contains { $0.unit == u.code && $0.reportedInAt == nil } }
            return unit.map { .summon(units: [$0.code], limit: nil, note: nil) }
        case .reportIn: return .reportIn(unit: nil, note: nil)
        case .linkDuplicate: return .linkDuplicate(primary: state.code == "C-0" ? "C-1" : "C-0")
        case .reopen: return .reopen(reason: placeholder)
        case .escalate: return .escalate(to: nil, reason: placeholder, rule: nil)
        case .comment: return .comment(text: placeholder)
        case .view, .report, .manageOrganisation, .audit: return nil
        }
    }
}
