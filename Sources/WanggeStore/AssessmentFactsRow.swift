import GRDB
import GRDBSQLite
import WanggeAssessment
import WanggeCore

/// The mapping between `CaseFacts` and a row of `assessment_facts`. The latest handler's
/// tally has its own columns (most cases have one handler); earlier handlers, after a
/// send-back or an escalation, are a JSON list of the same counts.
enum AssessmentFactsRow {
    static let columns = [
        "reported_at", "case_id", "grid", "reporter", "source", "status", "closed_at", "closed_at_grid_level",
        "satisfaction", "late_rounds", "dispatch_in_time", "dispatch_late", "hotline_response", "open_stage",
        "open_due", "open_suspended_until", "handler", "dispatches", "send_backs", "handled_on_time", "handled_late",
        "checks_passed", "checks_failed", "fed_back", "reworked", "evaluations", "satisfied", "earlier_handlers",
    ]

    static let selectColumns = columns.joined(separator: ",")

    static let upsertSQL: String = {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ",")
        return "INSERT OR REPLACE INTO assessment_facts (\(selectColumns)) VALUES (\(placeholders))"
    }()

    static func values(_ f: CaseFacts) -> [DatabaseValue] {
        func v(_ x: String?) -> DatabaseValue { x.map { $0.databaseValue } ?? .null }
        func v(_ x: Instant?) -> DatabaseValue { x.map { $0.secondsSinceEpoch.databaseValue } ?? .null }
        func v(_ x: Int) -> DatabaseValue { x.databaseValue }
        func v(_ x: Bool) -> DatabaseValue { (x ? 1 : 0).databaseValue }
        let latest = f.handlers.last ?? HandlerTally(handler: .unit(""))
        let hasLatest = !f.handlers.isEmpty
        let earlier = f.handlers.dropLast()
        return [
            v(f.reportedAt), f.caseID.databaseValue, v(f.grid), v(f.reporter), v(f.source.rawValue), v(f.status.rawValue),
            v(f.closedAt), v(f.closedAtGridLevel), v(f.satisfaction?.rawValue), v(f.lateRounds), v(f.dispatchInTime),
            v(f.dispatchLate), f.hotlineResponse.map { $0.rawValue.databaseValue } ?? .null, v(f.open?.stage.rawValue),
            v(f.open?.due), v(f.open?.suspendedUntil), v(hasLatest ? latest.handler.description : nil),
            v(latest.dispatches), v(latest.sendBacks), v(latest.handledOnTime), v(latest.handledLate), v(latest.checksPassed),
            v(latest.checksFailed), v(latest.fedBack), v(latest.reworked), v(latest.evaluations), v(latest.satisfied),
            earlier.isEmpty ? .null : JSONValue.array(earlier.map(encode)).serialized().databaseValue,
        ]
    }

    static func encode(_ t: HandlerTally) -> JSONValue {
        .array([.string(t.handler.description)] + counts(t).map { .int(Int64($0)) })
    }

    static func counts(_ t: HandlerTally) -> [Int] {
        [t.dispatches, t.sendBacks, t.handledOnTime, t.handledLate, t.checksPassed, t.checksFailed,
         t.fedBack ? 1 : 0, t.reworked ? 1 : 0, t.evaluations, t.satisfied]
    }

    static func tally(_ handler: Handler, _ c: [Int]) -> HandlerTally? {
        guard c.count == 10 else { return nil }
        return HandlerTally(
            handler: handler, dispatches: c[0], sendBacks: c[1], handledOnTime: c[2], handledLate: c[3], checksPassed: c[4],
            checksFailed: c[5], fedBack: c[6] != 0, reworked: c[7] != 0, evaluations: c[8], satisfied: c[9])
    }

    static func decodeEarlier(_ text: String) -> [HandlerTally]? {
        guard let items = (try? JSONValue.parse(text))?.arrayValue else { return nil }
        var result: [HandlerTally] = []
        for item in items {
            guard let parts = item.arrayValue, let first = parts.first?.stringValue, let handler = Handler(text: first) else { return nil }
            let counts = parts.dropFirst().compactMap { $0.intValue.map(Int.init) }
            guard let t = tally(handler, counts) else { return nil }
            result.append(t)
        }
        return result
    }

    /// Reads a row in `columns` order through the C API (the scan reads hundreds of
    /// thousands of rows; GRDB's `Row` would cost more than SQLite's own work).
    static func decode(_ s: OpaquePointer) -> CaseFacts? {
        let r = RawColumns(statement: s)
        guard let source = r.text(4).flatMap(CaseSource.init(rawValue:)),
              let status = r.text(5).flatMap(CaseStatus.init(rawValue:)) else { return nil }
        var f = CaseFacts(
            caseID: r.int(1), reportedAt: Instant(secondsSinceEpoch: r.int(0)), grid: r.text(2) ?? "", reporter: r.text(3) ?? "",
            source: source, status: status, closedAt: r.instant(6), closedAtGridLevel: r.int(7) != 0,
            satisfaction: r.text(8).flatMap(Satisfaction.init(rawValue:)), lateRounds: Int(r.int(9)),
            dispatchInTime: Int(r.int(10)), dispatchLate: Int(r.int(11)),
            hotlineResponse: r.isNull(12) ? nil : HotlineResponse(rawValue: Int(r.int(12))))
        if let stage = r.text(13).flatMap(Stage.init(rawValue:)), let due = r.instant(14) {
            f.open = OpenRound(stage: stage, due: due, suspendedUntil: r.instant(15))
        }
        if let earlier = r.text(27) {
            guard let list = decodeEarlier(earlier) else { return nil }
            f.handlers = list
        }
        if let handler = r.text(16).flatMap(Handler.init(text:)) {
            guard let latest = tally(handler, (17...26).map { Int(r.int(Int32($0))) }) else { return nil }
            f.handlers.append(latest)
        }
        return f
    }
}

/// Column reads of the current row of a stepped statement.
struct RawColumns {
    let statement: OpaquePointer

    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(statement, i) == SQLITE_NULL }
    func int(_ i: Int32) -> Int64 { sqlite3_column_int64(statement, i) }
    func instant(_ i: Int32) -> Instant? { isNull(i) ? nil : Instant(secondsSinceEpoch: int(i)) }

    func text(_ i: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, i) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, i))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
