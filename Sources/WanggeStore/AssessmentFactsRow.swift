import GRDB
import GRDBSQLite
import WanggeAssessment
import WanggeCore

/// The mapping between `CaseFacts` and a row of `assessment_facts`.
///
/// A month's figures read hundreds of thousands of these rows, and SQLite's cost per
/// row grows with the number of columns read, so the small values are packed into three
/// integers (see `FactsPacking`): `flags` (the codes of the case's state), `case_counts`
/// (its rounds) and `handler_counts` (the latest handler's tally). Earlier handlers,
/// after a send-back or an escalation, are a JSON list of `[handler, ten counts]`; so is
/// the latest one in the rare case a count does not fit its six bits.
enum AssessmentFactsRow {
    static let columns = [
        "reported_at", "case_id", "grid", "reporter", "handler", "closed_at", "open_due", "open_suspended_until",
        "flags", "case_counts", "handler_counts", "earlier_handlers",
    ]

    static let selectColumns = columns.joined(separator: ",")

    static let upsertSQL: String = {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ",")
        return "INSERT OR REPLACE INTO assessment_facts (\(selectColumns)) VALUES (\(placeholders))"
    }()

    /// Into the bulk load's staging table (`BulkSession.deferIndexes`), moved into place at its end.
    static let stageSQL: String = {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ",")
        return "INSERT INTO temp.bulk_facts (\(selectColumns)) VALUES (\(placeholders))"
    }()

    static func values(_ f: CaseFacts) -> [DatabaseValue] {
        func v(_ x: Instant?) -> DatabaseValue { x.map { $0.secondsSinceEpoch.databaseValue } ?? .null }
        var listed = Array(f.handlers.dropLast())
        var packedLatest: Int64?
        if let latest = f.handlers.last {
            packedLatest = FactsPacking.handlerCounts(latest)
            if packedLatest == nil { listed.append(latest) }
        }
        return [
            v(f.reportedAt), f.caseID.databaseValue, f.grid.databaseValue, f.reporter.databaseValue,
            f.handlers.last.map { $0.handler.description.databaseValue } ?? .null,
            v(f.closedAt), v(f.open?.due), v(f.open?.suspendedUntil),
            FactsPacking.flags(f).databaseValue, FactsPacking.caseCounts(f).databaseValue,
            packedLatest.map { $0.databaseValue } ?? .null,
            listed.isEmpty ? .null : JSONValue.array(listed.map(encode)).serialized().databaseValue,
        ]
    }

    static func encode(_ t: HandlerTally) -> JSONValue {
        .array([.string(t.handler.description)] + FactsPacking.counts(t).map { .int(Int64($0)) })
    }

    static func decodeListed(_ text: String) -> [HandlerTally]? {
        guard let items = (try? JSONValue.parse(text))?.arrayValue else { return nil }
        var result: [HandlerTally] = []
        for item in items {
            guard let parts = item.arrayValue, let first = parts.first?.stringValue, let handler = Handler(text: first) else { return nil }
            let counts = parts.dropFirst().compactMap { $0.intValue.map(Int.init) }
            guard let t = FactsPacking.tally(handler, counts) else { return nil }
            result.append(t)
        }
        return result
    }
}

/// Reads facts rows (`AssessmentFactsRow.columns` order) through the C API, with the
/// repeated texts of a scan (grids, logins, handlers) decoded once each.
struct FactsRowDecoder {
    private var strings = ColumnValueCache<String> { $0 }
    private var handlers = ColumnValueCache<Handler?> { Handler(text: $0) }

    /// The value each row is decoded into: its handler list keeps its storage from row
    /// to row, so a scan allocates nothing per row.
    private var scratch = CaseFacts(caseID: 0, reportedAt: Instant(secondsSinceEpoch: 0), grid: "", reporter: "", source: .patrol)

    /// The current row of `s`; nil when a value is not one the program knows.
    mutating func decode(_ s: OpaquePointer) -> CaseFacts? {
        let r = RawColumns(statement: s)
        scratch.caseID = r.int(1)
        scratch.reportedAt = Instant(secondsSinceEpoch: r.int(0))
        scratch.grid = strings.value(s, 2) ?? ""
        scratch.reporter = strings.value(s, 3) ?? ""
        scratch.closedAt = r.instant(5)
        scratch.open = nil
        guard FactsPacking.unpackFlags(r.int(8), into: &scratch, openDue: r.instant(6), suspendedUntil: r.instant(7)) else { return nil }
        FactsPacking.unpackCaseCounts(r.int(9), into: &scratch)
        scratch.handlers.removeAll(keepingCapacity: true)
        if let listed = r.text(11) {
            guard let list = AssessmentFactsRow.decodeListed(listed) else { return nil }
            scratch.handlers = list
        }
        if !r.isNull(10) {
            guard let handler = handlers.value(s, 4) ?? nil else { return nil }
            scratch.handlers.append(FactsPacking.unpackHandlerCounts(r.int(10), handler: handler))
        }
        return scratch
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
