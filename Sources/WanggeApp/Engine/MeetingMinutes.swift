import WanggeCore
import WanggeRules
import WanggeStore

/// One decision in the minutes of a joint meeting.
public struct MeetingDecision: Sendable {
    public var code: String
    public var title: String
    public var level: Level
    public var decision: String
    public var decidedBy: String
    public var deadline: Instant?
    /// Who recorded it, and when.
    public var recordedBy: String
    public var recordedAt: Instant
}

/// The minutes of the 三五联席会议: a decision per agenda case, recorded as an event on the
/// case (who decided, what, by when).
public enum MeetingMinutes {
    /// Records the decision of the meeting held on `meeting` on case `code`. The date must
    /// be a meeting day (5th, 15th, 25th) and the case on that meeting's agenda.
    @discardableResult
    public static func record(
        _ workspace: Workspace, code: String, meeting: CivilDate, decision: String, decidedBy: String, deadline: Instant?,
        as person: Person, at now: Instant
    ) throws -> AppendOutcome {
        guard JointMeeting.days.contains(meeting.day) else {
            throw Refusal(.invalidInput, "\(meeting) 不是三五联席会议日（每月 5 日、15 日、25 日）")
        }
        let agenda = try MeetingAgendaBuilder.build(workspace, date: meeting, as: person)
        let normalised = code.trimmingSpaces().uppercased()
        guard agenda.levels.contains(where: { $0.items.contains { $0.state.code == normalised } }) else {
            throw Refusal(.invalidState, "案件 \(normalised) 不在 \(meeting) 三五联席会议的议程上（wangge meeting --date \(meeting) 查看议程）")
        }
        return try CaseService(workspace: workspace).execute(
            .recordMeetingDecision(meeting: meeting, decision: decision, decidedBy: decidedBy, deadline: deadline),
            onCase: normalised, as: person, at: now)
    }

    /// The decisions recorded for the meeting of `meeting`, on cases `person` may see, in
    /// the order of the cases' agenda levels and codes.
    public static func decisions(_ workspace: Workspace, meeting: CivilDate, as person: Person) throws -> [MeetingDecision] {
        let org = workspace.organisation
        var result: [MeetingDecision] = []
        for stored in try workspace.store.meetingDecisions() {
            guard case let .meetingDecided(date, decision, decidedBy, deadline) = stored.event.body, date == meeting.description,
                  let state = try workspace.store.caseState(id: stored.event.caseID),
                  Permissions.check(person, .view, grid: state.grid, caseState: state, organisation: org) == nil else { continue }
            result.append(MeetingDecision(
                code: state.code, title: state.title, level: state.level, decision: decision, decidedBy: decidedBy,
                deadline: deadline, recordedBy: stored.event.actor, recordedAt: stored.event.at))
        }
        return result.sorted { ($0.level, $0.code) < ($1.level, $1.code) }
    }
}
