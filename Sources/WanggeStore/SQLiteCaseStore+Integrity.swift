import GRDB
import WanggeAssessment
import WanggeCore

extension SQLiteCaseStore {
    /// Reports at most this many problems of one kind; the first ones are what matter.
    static let problemLimit = 50

    public func check() throws -> IntegrityReport {
        try guarded {
            try pool.read { db in
                var report = IntegrityReport()
                try checkChain(db, into: &report)
                try checkProjections(db, into: &report)
                try checkCounters(db, into: &report)
                try checkSecurityLog(db, into: &report)
                try checkFactsCount(db, into: &report)
                try checkRollup(db, into: &report)
                return report
            }
        }
    }

    /// Walks the log in `seq` order, recomputing every hash: the whole log, or the rows
    /// after `afterSeq` up to `upTo` (linked to the stored hash of row `afterSeq`).
    func checkChain(_ db: Database, into report: inout IntegrityReport, afterSeq: Int64 = 0, upTo: Int64 = .max) throws {
        var expectedSeq: Int64 = afterSeq + 1
        var prevHash = EventHashing.genesis
        if afterSeq > 0 {
            guard let anchor = try String.fetchOne(db, sql: "SELECT hash FROM events WHERE seq = ?", arguments: [afterSeq]) else {
                report.problems.append(.chainBroken(seq: afterSeq, detail: "该行不存在（被删除）"))
                return
            }
            prevHash = anchor
        }
        var breaks = 0
        let statement = try db.cachedStatement(sql: """
            SELECT seq, case_id, case_version, type, actor, at, payload, idempotency_key, prev_hash, hash
            FROM events WHERE seq > ? AND seq <= ? ORDER BY seq
            """)
        try statement.setArguments([afterSeq, upTo])
        try RawChainReader(statement, db).verify(previousHash: prevHash) { row in
            report.eventsChecked += 1
            let seq = row.seq
            if seq != expectedSeq, breaks < Self.problemLimit {
                report.problems.append(.missingEvents(afterSeq: expectedSeq - 1, nextSeq: seq))
                breaks += 1
            }
            if breaks < Self.problemLimit {
                if !row.linked && seq == expectedSeq {
                    report.problems.append(.chainBroken(seq: seq, detail: "记录的前一哈希与前一行不符"))
                    breaks += 1
                } else if !row.hashMatches {
                    report.problems.append(.chainBroken(seq: seq, detail: "内容与其哈希不符"))
                    breaks += 1
                }
            }
            expectedSeq = seq + 1
        }
    }

    /// Folds the log case by case and compares each result with the live row, column by
    /// column: every case, or those with ids in `caseIDs`.
    func checkProjections(_ db: Database, into report: inout IntegrityReport, caseIDs: ClosedRange<Int64>? = nil) throws {
        var differences = 0
        let range = caseIDs ?? Int64.min...Int64.max
        let liveRows = try Row.fetchCursor(
            db, sql: "SELECT \(CaseRow.selectColumns) FROM cases WHERE id BETWEEN ? AND ? ORDER BY id",
            arguments: [range.lowerBound, range.upperBound])
        var pendingLive: Row? = try liveRows.next()
        try foldCases(db, caseIDs: caseIDs) { result in
            switch result {
            case .failure(let problem):
                if differences < Self.problemLimit { report.problems.append(problem); differences += 1 }
            case .success(let folded):
                let rebuilt = folded.state
                report.casesChecked += 1
                try checkFacts(folded.facts, db, differences: &differences, into: &report)
                while let live = pendingLive, (live[0] as Int64) < rebuilt.id {
                    if differences < Self.problemLimit { report.problems.append(.projectionExtra(code: live[1])); differences += 1 }
                    pendingLive = try liveRows.next()
                }
                guard let live = pendingLive, (live[0] as Int64) == rebuilt.id else {
                    if differences < Self.problemLimit { report.problems.append(.projectionMissing(caseID: rebuilt.id)); differences += 1 }
                    return
                }
                let place = self.place(of: rebuilt.grid)
                let expected = CaseRow.values(rebuilt, community: place.community, street: place.street)
                for (i, column) in CaseRow.columns.enumerated() where live[i] as DatabaseValue != expected[i] {
                    if differences < Self.problemLimit {
                        report.problems.append(.projectionDiffers(
                            code: rebuilt.code, column: column, live: Self.show(live[i]), rebuilt: Self.show(expected[i])))
                        differences += 1
                    }
                }
                pendingLive = try liveRows.next()
            }
        }
        while let live = pendingLive {
            if differences < Self.problemLimit { report.problems.append(.projectionExtra(code: live[1])); differences += 1 }
            pendingLive = try liveRows.next()
        }
    }

    /// Compares the live assessment facts of a case with the ones folded from its events.
    func checkFacts(_ rebuilt: CaseFacts, _ db: Database, differences: inout Int, into report: inout IntegrityReport) throws {
        let statement = try db.cachedStatement(sql: "SELECT \(AssessmentFactsRow.selectColumns) FROM assessment_facts WHERE reported_at = ? AND case_id = ?")
        let live = try Row.fetchOne(statement, arguments: [rebuilt.reportedAt.secondsSinceEpoch, rebuilt.caseID])
        guard differences < Self.problemLimit else { return }
        guard let live else {
            report.problems.append(.assessmentFactsDiffer(caseID: rebuilt.caseID, column: "（整行）", live: "（缺失）", rebuilt: "（应有）"))
            differences += 1
            return
        }
        let expected = AssessmentFactsRow.values(rebuilt)
        for (i, column) in AssessmentFactsRow.columns.enumerated() where live[i] as DatabaseValue != expected[i] {
            guard differences < Self.problemLimit else { return }
            report.problems.append(.assessmentFactsDiffer(
                caseID: rebuilt.caseID, column: column, live: Self.show(live[i]), rebuilt: Self.show(expected[i])))
            differences += 1
        }
    }

    /// Facts rows whose case has no events.
    func checkFactsCount(_ db: Database, into report: inout IntegrityReport) throws {
        let extra = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assessment_facts WHERE case_id NOT IN (SELECT id FROM cases)") ?? 0
        if extra > 0 {
            report.problems.append(.assessmentFactsDiffer(caseID: 0, column: "（整行）", live: "\(extra) 行", rebuilt: "（不应有）"))
        }
    }

    static func show(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "（空）"
        case .int64(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob(let b): "\(b.count) 字节"
        }
    }

    func checkCounters(_ db: Database, into report: inout IntegrityReport) throws {
        var live: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT grid, status, count FROM grid_counters") {
            let grid: String = row[0], status: String = row[1]
            live[grid + "\u{1}" + status] = row[2]
        }
        var recount: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT grid, status, COUNT(*) FROM cases GROUP BY grid, status") {
            let grid: String = row[0], status: String = row[1]
            recount[grid + "\u{1}" + status] = row[2]
        }
        for key in Set(live.keys).union(recount.keys).sorted() {
            let l = live[key] ?? 0, r = recount[key] ?? 0
            if l != r {
                let parts = key.split(separator: "\u{1}").map(String.init)
                report.problems.append(.counterDiffers(grid: parts.first ?? "", status: parts.last ?? "", live: l, recount: r))
            }
        }
    }

    /// Streams the log ordered by case and version, calling `body` with each folded case
    /// (or the problem that stopped it). Memory stays at one case at a time.
    func foldCases(
        _ db: Database, caseIDs: ClosedRange<Int64>? = nil, _ body: (Result<FoldedCase, IntegrityReport.Problem>) throws -> Void
    ) throws {
        let range = caseIDs ?? Int64.min...Int64.max
        let rows = try Row.fetchCursor(
            db, sql: "\(Self.eventSelect) WHERE case_id BETWEEN ? AND ? ORDER BY case_id, case_version",
            arguments: [range.lowerBound, range.upperBound])
        var folder = LogFolder(gaps: .problem)
        while let row = try rows.next() {
            let stored: StoredEvent
            do {
                stored = try Self.decodeEvent(row)
            } catch let error as StoreError {
                let seq: Int64 = row[0]
                try body(.failure(.unreadableEvent(seq: seq, detail: error.description)))
                folder.skip(caseID: row[1])
                continue
            }
            try folder.feed(stored.event, body)
        }
        try folder.finish(body)
    }

    public func rebuildProjections() throws {
        try guarded {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try rebuildProjections(db)
                    return .commit
                }
            }
        }
        try catchUpSearchIndex()
    }

    /// Replaces the case rows and grid counters by a fold of the log, in the caller's
    /// transaction, and empties the text index (caught up after the commit).
    func rebuildProjections(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM cases; DELETE FROM grid_counters")
        // Emptied first, so the rows written below are not noted as changed ones.
        try Self.resetSearchIndex(db)
        let insert = RawStatement(try db.cachedStatement(sql: CaseRow.upsertSQL), db)
        var failure: IntegrityReport.Problem?
        try foldCases(db) { result in
            switch result {
            case .success(let folded):
                let state = folded.state
                let place = self.place(of: state.grid)
                try insert.run(CaseRow.values(state, community: place.community, street: place.street))
            case .failure(let problem):
                failure = failure ?? problem
            }
        }
        if let failure { throw StoreError.database("无法重建：\(failure)") }
        try db.execute(sql: "INSERT INTO grid_counters(grid, status, count) SELECT grid, status, COUNT(*) FROM cases GROUP BY grid, status")
        try Self.refillAssessmentFacts(db)
        try Self.refillAssessmentRollup(db)
    }
}
