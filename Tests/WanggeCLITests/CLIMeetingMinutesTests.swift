import Foundation
import Testing

/// `wangge meeting decide` and `wangge meeting minutes`: the decision on an agenda case is
/// an event on the case, listed in the minutes; a case off the agenda or a day that is not
/// a meeting day is refused with the reason and writes nothing.
@Suite(.serialized) struct CLIMeetingMinutesTests {
    let cli: CLIHarness

    init() throws {
        cli = try CLIHarness()
        try cli.demo(cases: 400)
    }

    /// The first case on the agenda of the 2026-02-25 meeting (now is 2026-03-02).
    func agendaCase() throws -> String {
        let agenda = try cli.run("meeting", "--date", "2026-02-25")
        try #require(agenda.status == 0, "\(agenda.stderr)")
        let code = agenda.stdout.split(separator: "\n").first { $0.hasPrefix("C-") }?.split(separator: " ").first.map(String.init)
        return try #require(code, "no case on the agenda: \(agenda.stdout)")
    }

    @Test func theDecisionIsRecordedOnTheCaseAndInTheMinutes() throws {
        let code = try agendaCase()
        let before = try cli.eventCount()
        let decide = try cli.run("meeting", "decide", code, "--meeting", "2026-02-25", "--decision", "由街道城管科牵头，三日内清理",
                                 "--by", "街道党工委书记 王某", "--deadline", "2026-03-05T18:00")
        #expect(decide.status == 0, "\(decide.stderr)")
        #expect(decide.stdout.contains("记录联席会议决定"))
        #expect(try cli.eventCount() == before + 1)
        let show = try cli.run("case", "show", code)
        #expect(show.stdout.contains("2026-02-25 三五联席会议决定（街道党工委书记 王某）：由街道城管科牵头，三日内清理，03-05 18:00 前办结"))
        let minutes = try cli.run("meeting", "minutes", "--meeting", "2026-02-25")
        #expect(minutes.stdout.hasPrefix("三五联席会议 2026-02-25 纪要：共 1 项决定\n"))
        #expect(minutes.stdout.contains(code) && minutes.stdout.contains("2026-03-05 18:00"))
        #expect(try cli.run("meeting", "minutes", "--meeting", "2026-02-15").stdout.contains("共 0 项决定"))
    }

    @Test func refusalsWriteNothing() throws {
        let code = try agendaCase()
        let before = try cli.eventCount()
        let notMeetingDay = try cli.run("meeting", "decide", code, "--meeting", "2026-02-24", "--decision", "x", "--by", "y")
        #expect(notMeetingDay.status == 3)
        #expect(notMeetingDay.stderr.contains("2026-02-24 不是三五联席会议日"))
        let fresh = try cli.report(title: "新上报的小事")
        let offAgenda = try cli.run("meeting", "decide", fresh, "--meeting", "2026-02-25", "--decision", "x", "--by", "y")
        #expect(offAgenda.status == 3)
        #expect(offAgenda.stderr.contains("不在 2026-02-25 三五联席会议的议程上"))
        let noDecision = try cli.run("meeting", "decide", code, "--meeting", "2026-02-25", "--decision", "  ", "--by", "y")
        #expect(noDecision.stderr.contains("请填写会议决定"))
        #expect(try cli.eventCount() == before + 1)  // only the fresh report
    }
}
