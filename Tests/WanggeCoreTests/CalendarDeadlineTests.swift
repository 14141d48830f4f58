import Testing
@testable import WanggeCore

/// Deadlines with extensions and suspensions, and the remaining time a case shows.
/// Asia/Shanghai, default periods, week of Monday 2026-11-16; answers worked by hand.
struct CalendarDeadlineTests {
    let calendar = WorkCalendar.standard
    let fourHours = TimeLimit(amount: 4, clock: .workingHours)

    func at(_ text: String) throws -> Instant {
        try #require(calendar.parseLocal(text), "fixture \(text)")
    }

    func span(_ start: String, _ end: String?) throws -> TimeSpan {
        TimeSpan(start: try at(start), end: try end.map { try at($0) })
    }

    func local(_ instant: Instant?) -> String? {
        instant.map { calendar.civil($0).formatted() }
    }

    @Test func notOverdueOverTheWeekend() throws {
        let start = try at("2026-11-20 17:00")
        #expect(local(calendar.deadline(start: start, limit: fourHours)) == "2026-11-23 11:00")
        let rows: [(String, Int64)] = [
            ("2026-11-20 17:30", 3 * 3600 + 1800),
            ("2026-11-21 12:00", 3 * 3600),   // Saturday: an hour used, three left
            ("2026-11-22 23:59", 3 * 3600),
            ("2026-11-23 10:59", 60),
            ("2026-11-23 11:00", 0),
            ("2026-11-23 11:30", -1800),      // overdue by half a working hour
            ("2026-11-23 13:00", -3600),      // lunch does not add to the overdue time
            ("2026-11-24 09:00", -6 * 3600),
        ]
        for (time, left) in rows {
            #expect(calendar.remaining(start: start, limit: fourHours, at: try at(time)) == left, "\(time)")
        }
        // Before the case started nothing is used.
        #expect(calendar.remaining(start: start, limit: fourHours, at: try at("2026-11-20 09:00")) == 4 * 3600)
    }

    @Test func extensions() throws {
        let start = try at("2026-11-16 11:00")
        let twoHours = TimeLimit(amount: 2, clock: .workingHours)
        #expect(local(calendar.deadline(start: start, limit: twoHours)) == "2026-11-16 15:00")
        #expect(local(calendar.deadline(start: start, limit: twoHours, extensions: 1)) == "2026-11-16 17:00")
        #expect(local(calendar.deadline(start: start, limit: twoHours, extensions: 2)) == "2026-11-17 09:00")
        #expect(local(calendar.deadline(start: start, limit: twoHours, extensions: -3)) == "2026-11-16 15:00")
        let oneDay = TimeLimit(amount: 1, clock: .workingDays)
        #expect(local(calendar.deadline(start: start, limit: oneDay, extensions: 1)) == "2026-11-18 11:00")
        #expect(calendar.remaining(start: start, limit: twoHours, extensions: 1, at: try at("2026-11-16 16:00")) == 3600)
        #expect(calendar.totalSeconds(twoHours, extensions: 1) == 4 * 3600)
    }

    struct SuspensionRow: Sendable, CustomTestStringConvertible {
        let name: String
        let start: String
        let limit: TimeLimit
        let spans: [(String, String?)]
        let deadline: String?
        var testDescription: String { name }

        init(_ name: String, _ start: String, _ limit: TimeLimit, _ spans: [(String, String?)], _ deadline: String?) {
            self.name = name
            self.start = start
            self.limit = limit
            self.spans = spans
            self.deadline = deadline
        }
    }

    static let four = TimeLimit(amount: 4, clock: .workingHours)
    static let suspensionRows: [SuspensionRow] = [
        SuspensionRow("no suspension", "2026-11-16 09:00", four, [], "2026-11-16 15:00"),
        SuspensionRow("an hour inside working time shifts an hour",
                      "2026-11-16 09:00", four, [("2026-11-16 09:30", "2026-11-16 10:30")], "2026-11-16 16:00"),
        SuspensionRow("over lunch shifts only the working part",
                      "2026-11-16 09:00", four, [("2026-11-16 11:30", "2026-11-16 14:30")], "2026-11-16 16:00"),
        SuspensionRow("over the weekend shifts nothing",
                      "2026-11-20 17:00", four, [("2026-11-20 18:30", "2026-11-23 07:30")], "2026-11-23 11:00"),
        SuspensionRow("weekend suspension into Monday shifts the Monday part",
                      "2026-11-20 17:00", four, [("2026-11-21 10:00", "2026-11-23 09:00")], "2026-11-23 12:00"),
        SuspensionRow("begins before the start: only the part after counts",
                      "2026-11-16 09:00", four, [("2026-11-15 10:00", "2026-11-16 10:00")], "2026-11-16 16:00"),
        SuspensionRow("overlapping and unsorted spans merge",
                      "2026-11-16 09:00", four,
                      [("2026-11-16 10:00", "2026-11-16 11:00"), ("2026-11-16 09:30", "2026-11-16 10:30")],
                      "2026-11-16 16:30"),
        SuspensionRow("two separate spans add up",
                      "2026-11-16 09:00", four,
                      [("2026-11-16 15:00", "2026-11-16 15:30"), ("2026-11-16 09:30", "2026-11-16 10:00")],
                      "2026-11-16 16:00"),
        SuspensionRow("entirely before the start: nothing",
                      "2026-11-16 09:00", four, [("2026-11-13 09:00", "2026-11-13 17:00")], "2026-11-16 15:00"),
        SuspensionRow("after the deadline: nothing",
                      "2026-11-16 09:00", four, [("2026-11-16 15:00", "2026-11-17 15:00")], "2026-11-16 15:00"),
        SuspensionRow("reversed span is ignored",
                      "2026-11-16 09:00", four, [("2026-11-16 11:00", "2026-11-16 10:00")], "2026-11-16 15:00"),
        SuspensionRow("open span before the time is used: unknown",
                      "2026-11-16 09:00", four, [("2026-11-16 10:00", nil)], nil),
        SuspensionRow("open span beginning before the start: unknown",
                      "2026-11-16 09:00", four, [("2026-11-16 08:00", nil)], nil),
        SuspensionRow("open span a second before the time is used: unknown",
                      "2026-11-16 09:00", four, [("2026-11-16 14:59:59", nil)], nil),
        SuspensionRow("open span exactly when the time is used: no effect",
                      "2026-11-16 09:00", four, [("2026-11-16 15:00", nil)], "2026-11-16 15:00"),
        SuspensionRow("open span in the lunch after the time is used: no effect",
                      "2026-11-16 08:00", four, [("2026-11-16 13:00", nil)], "2026-11-16 12:00"),
        SuspensionRow("closed then open: unknown",
                      "2026-11-16 09:00", four,
                      [("2026-11-16 09:30", "2026-11-16 10:00"), ("2026-11-16 11:00", nil)], nil),
        SuspensionRow("urgent hours: a night suspension shifts by its length",
                      "2026-11-20 17:00", TimeLimit(amount: 24, clock: .urgentHours),
                      [("2026-11-20 18:00", "2026-11-21 06:00")], "2026-11-22 05:00"),
        SuspensionRow("calendar days: shifted by the suspended span",
                      "2026-11-16 10:00", TimeLimit(amount: 1, clock: .calendarDays),
                      [("2026-11-16 12:00", "2026-11-16 18:00")], "2026-11-17 16:00"),
        SuspensionRow("working days: Fri 10:00 + 3wd, Tue suspended all day",
                      "2026-11-20 10:00", TimeLimit(amount: 3, clock: .workingDays),
                      [("2026-11-24 00:00", "2026-11-25 00:00")], "2026-11-26 10:00"),
    ]

    @Test(arguments: suspensionRows)
    func suspensions(_ row: SuspensionRow) throws {
        let start = try at(row.start)
        let spans = try row.spans.map { try span($0.0, $0.1) }
        let deadline = calendar.deadline(start: start, limit: row.limit, suspensions: spans)
        #expect(local(deadline) == row.deadline)
        if let deadline {
            // At the deadline exactly the whole limit is used, a second before it is not.
            let total = calendar.limitSeconds(row.limit)
            #expect(calendar.used(start: start, at: deadline, clock: row.limit.clock, suspensions: spans) == total)
            #expect(calendar.remaining(start: start, limit: row.limit, suspensions: spans, at: deadline) == 0)
            #expect(calendar.remaining(start: start, limit: row.limit, suspensions: spans, at: deadline - 1) == 1)
        }
    }

    @Test func remainingStopsWhileSuspended() throws {
        let start = try at("2026-11-16 09:00")
        let closed = [try span("2026-11-16 10:00", "2026-11-16 11:00")]
        let rows: [(String, Int64)] = [
            ("2026-11-16 09:30", 3 * 3600 + 1800),
            ("2026-11-16 10:00", 3 * 3600),
            ("2026-11-16 10:30", 3 * 3600),
            ("2026-11-16 11:00", 3 * 3600),
            ("2026-11-16 11:30", 2 * 3600 + 1800),
            ("2026-11-16 16:00", 0),
            ("2026-11-16 17:00", -3600),
        ]
        for (time, left) in rows {
            #expect(calendar.remaining(start: start, limit: fourHours, suspensions: closed, at: try at(time)) == left, "\(time)")
        }
        let open = [try span("2026-11-16 10:00", nil)]
        for time in ["2026-11-16 10:00", "2026-11-16 17:00", "2026-11-30 12:00"] {
            #expect(calendar.remaining(start: start, limit: fourHours, suspensions: open, at: try at(time)) == 3 * 3600)
        }
        #expect(calendar.used(start: start, at: try at("2026-11-16 17:00"), clock: .workingHours, suspensions: open) == 3600)
        // The same day on the urgent clock: the suspension stops real time too.
        let urgent = TimeLimit(amount: 2, clock: .urgentHours)
        #expect(calendar.remaining(start: start, limit: urgent, suspensions: closed, at: try at("2026-11-16 13:00")) == -3600)
    }

    @Test func mergedSuspensions() throws {
        let start = try at("2026-11-16 09:00")
        let merged = WorkCalendar.merged([
            try span("2026-11-16 12:00", "2026-11-16 13:00"),
            try span("2026-11-16 08:00", "2026-11-16 09:30"),
            try span("2026-11-16 12:30", "2026-11-16 12:45"),
            try span("2026-11-16 13:00", "2026-11-16 14:00"),
            try span("2026-11-16 16:00", nil),
            try span("2026-11-16 17:00", "2026-11-16 19:00"),
        ], after: start)
        #expect(merged == [
            try span("2026-11-16 09:00", "2026-11-16 09:30"),
            try span("2026-11-16 12:00", "2026-11-16 14:00"),
            try span("2026-11-16 16:00", nil),
        ])
    }
}
