import WanggeCore

/// 三五联席会议: the joint meetings held on the 5th, 15th and 25th of every month, whose
/// agenda is the unresolved escalated cases of each level.
public enum JointMeeting {
    public static let days = [5, 15, 25]

    /// The meeting on or after `date`.
    public static func next(onOrAfter date: CivilDate) -> CivilDate {
        if let day = days.first(where: { $0 >= date.day }), let d = CivilDate(year: date.year, month: date.month, day: day) {
            return d
        }
        let (year, month) = date.month == 12 ? (date.year + 1, 1) : (date.year, date.month + 1)
        return CivilDate(year: year, month: month, day: days[0]) ?? date
    }

    /// The meeting before `meeting` (for "carried over since" notes).
    public static func previous(before meeting: CivilDate) -> CivilDate {
        if let day = days.last(where: { $0 < meeting.day }), let d = CivilDate(year: meeting.year, month: meeting.month, day: day) {
            return d
        }
        let (year, month) = meeting.month == 1 ? (meeting.year - 1, 12) : (meeting.year, meeting.month - 1)
        return CivilDate(year: year, month: month, day: days[days.count - 1]) ?? meeting
    }
}
