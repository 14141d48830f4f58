import GRDB
import WanggeCore

extension SQLiteCaseStore {
    /// Overdue open cases per grid at `now`, for the console's map. Walks the partial
    /// index of open cases by deadline up to `now` only, so it costs the overdue cases,
    /// not the whole table.
    public func overdueCountsByGrid(at now: Instant) throws -> [String: Int] {
        try guarded {
            try pool.read { db in
                var result: [String: Int] = [:]
                let statement = try db.cachedStatement(sql: """
                    SELECT grid, COUNT(*) FROM cases INDEXED BY cases_open_by_due
                    WHERE is_open = 1 AND due_at < ? AND (suspended_until IS NULL OR suspended_until <= ?)
                    GROUP BY grid
                    """)
                let rows = try Row.fetchCursor(statement, arguments: [now.secondsSinceEpoch, now.secondsSinceEpoch])
                while let row = try rows.next() { result[row[0]] = row[1] }
                return result
            }
        }
    }
}
