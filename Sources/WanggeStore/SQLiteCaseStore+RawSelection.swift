import GRDB

extension SQLiteCaseStore {
    /// Runs one SQL selection and reads every column of every row as a raw database
    /// value (no decoding into domain values): the yardstick `wangge bench-engine`
    /// prints beside each engine figure. Returns the number of rows.
    public func rawSelection(_ sql: String, arguments: [Int64] = []) throws -> Int {
        try guarded {
            try pool.read { db in
                var n = 0
                let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
                while let row = try rows.next() {
                    for i in 0..<row.count { _ = row[i] as DatabaseValue }
                    n += 1
                }
                return n
            }
        }
    }
}

extension SQLiteCaseStore {
    /// SQLite's plan for a query, one line per step ("SEARCH cases USING INDEX …"), to
    /// show that the engine's selections use their indexes.
    public func queryPlan(_ sql: String, arguments: [Int64] = []) throws -> [String] {
        try guarded {
            try pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments)).map { $0["detail"] as String? ?? "" }
            }
        }
    }
}
