import GRDB

extension Schema {
    /// `v3-meeting-minutes`: the decisions of the joint meetings are events on their cases
    /// (`meeting_decided`); this partial index finds them for the minutes without reading
    /// the whole log.
    static func registerMeetingMinutes(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-meeting-minutes") { db in
            try db.execute(sql: "CREATE INDEX events_meeting_decided ON events(case_id, case_version) WHERE type = 'meeting_decided'")
        }
    }
}
