import WanggeApp
import WanggeCore

/// The timeline in English for `--lang en`: the same facts as the Chinese sentences of
/// `CaseText.eventDetail` (shared with `wangge case show`), with the console's English
/// names for levels, clocks and units. Names of people, grids and units are data and stay
/// as the organisation file writes them.
struct EventSentencesEnglish {
    let strings: UIStrings
    let context: ConsoleContext

    func sentence(_ event: CaseEvent) -> String {
        let org = context.organisation
        func time(_ instant: Instant) -> String { CaseText.short(instant, context.calendar) }
        func note(_ text: String?, _ separator: String = ": ") -> String { text.map { separator + $0 } ?? "" }
        func rule(_ id: String?) -> String { id.map { " (rule \($0))" } ?? "" }
        func unit(_ code: String) -> String { org.unit(code)?.name ?? code }
        switch event.body {
        case .reported(let r):
            let category = strings.categoryName(context.catalog.category(r.category)) ?? r.category
            return "Reported “\(r.title)” (\(category), \(org.grid(r.grid)?.name ?? r.grid), source \(strings.sourceName(r.source)))"
        case .accepted(let text): return "Accepted" + note(text)
        case .declined(let reason): return "Declined: \(reason)"
        case let .dispatched(handler, limit, due, text):
            return "Dispatched to \(org.displayName(of: handler)), limit \(strings.limitText(limit)), due \(time(due))" + note(text, "; ")
        case .handlerAccepted: return "Taken by the handler"
        case let .sentBack(reason, _, _): return "Sent back: \(reason)"
        case let .feedback(text, _, due): return "Feedback: \(text) (verify by \(time(due)))"
        case .verificationPassed(let text): return "Verified" + note(text)
        case let .verificationFailed(reason, _, due): return "Verification failed, rework: \(reason) (new due \(time(due)))"
        case let .evaluated(satisfaction, text): return "Evaluated: \(strings.satisfactionName(satisfaction))" + note(text, "; ")
        case .closed(let text): return "Closed" + note(text)
        case .archived: return "Archived"
        case .extensionRequested(let reason): return "Extension requested: \(reason)"
        case let .extensionDecided(approved, text, due):
            return (approved ? "Extension approved" + (due.map { ", new due \(time($0))" } ?? "") : "Extension rejected") + note(text, "; ")
        case let .suspended(reason, until, _): return "Suspended until \(time(until)): \(reason)"
        case .resumed(let due): return "Clock resumed, due \(time(due))"
        case let .supervised(kind, text): return "\(strings.supervisionName(kind)): \(text)"
        case let .summoned(entries, text):
            let names = entries.map { "\(unit($0.unit)) (report in by \(time($0.dueAt)))" }.joined(separator: ", ")
            return "Summoned: \(names)" + note(text, "; ")
        case let .reportedIn(code, text): return "\(unit(code)) reported in" + note(text)
        case .linkedDuplicate(let primary): return "Merged into \(primary) (duplicate report)"
        case let .reopened(reason, _, _): return "Reopened: \(reason)"
        case let .escalated(from, to, reason, id, _, _):
            return "Escalated \(strings.levelName(from)) → \(strings.levelName(to)): \(reason)" + rule(id)
        case .commented(let text): return "Comment: \(text)"
        case let .severityRaised(from, to, reason, id):
            return "Severity \(strings.severityName(from)) → \(strings.severityName(to)): \(reason)" + rule(id)
        case let .agendaListed(meeting, level, reason, id):
            return "On the agenda of the joint meeting of \(meeting) (\(strings.levelName(level)) level): \(reason)" + rule(id)
        case let .notified(roles, text, id):
            return "Notified \(roles.map { strings.roleName($0) }.joined(separator: ", ")): \(text)" + rule(id)
        case let .meetingDecided(meeting, decision, decidedBy, deadline):
            return "Joint meeting of \(meeting) decided (\(decidedBy)): \(decision)" + (deadline.map { ", to be done by \(time($0))" } ?? "")
        }
    }
}
