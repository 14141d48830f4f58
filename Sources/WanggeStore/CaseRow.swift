import GRDB
import WanggeCore

/// The mapping between `CaseState` and a row of the `cases` projection.
enum CaseRow {
    static let columns = [
        "id", "code", "title", "description", "category", "grid", "community", "street", "building", "source",
        "source_ref", "severity", "level", "status", "is_open", "reporter", "reported_at", "handler",
        "dispatched_at", "dispatched_by", "clock", "due_at", "handling_due_at", "handled_at",
        "last_handling_limit", "pending_extension", "extension_count", "suspended_until", "rework_count",
        "send_back_count", "supervision_count", "satisfaction", "closed_at", "duplicate_of", "summons",
        "summoned_units", "version", "last_kind", "last_actor", "last_at",
    ]

    static let upsertSQL: String = {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ",")
        return "INSERT OR REPLACE INTO cases (\(columns.joined(separator: ","))) VALUES (\(placeholders))"
    }()

    static let selectColumns = columns.joined(separator: ",")

    /// Values in `columns` order. `community` and `street` come from the organisation.
    static func values(_ s: CaseState, community: String, street: String) -> [DatabaseValue] {
        func v(_ x: String?) -> DatabaseValue { x.map { $0.databaseValue } ?? .null }
        func v(_ x: Instant?) -> DatabaseValue { x.map { $0.secondsSinceEpoch.databaseValue } ?? .null }
        func v(_ x: Int) -> DatabaseValue { x.databaseValue }
        return [
            s.id.databaseValue, v(s.code), v(s.title), v(s.description), v(s.category), v(s.grid), v(community),
            v(street), v(s.building), v(s.source.rawValue), v(s.sourceRef), v(s.severity.rawValue),
            v(s.level.rawValue), v(s.status.rawValue), v(s.status.isOpen ? 1 : 0), v(s.reporter), v(s.reportedAt),
            v(s.handler?.description), v(s.dispatchedAt), v(s.dispatchedBy), v(s.clock.map(encodeClock)),
            v(s.dueAt), v(s.handlingDueAt), v(s.handledAt), v(s.lastHandlingLimit?.json.serialized()),
            v(s.pendingExtension), v(s.extensionCount), v(s.suspendedUntil), v(s.reworkCount), v(s.sendBackCount),
            v(s.supervisionCount), v(s.satisfaction?.rawValue), v(s.closedAt), v(s.duplicateOf),
            v(s.summons.isEmpty ? nil : encodeSummons(s.summons)),
            v(s.summons.isEmpty ? nil : "," + s.summons.map(\.unit).joined(separator: ",") + ","),
            v(s.version), v(s.lastChange.kind.rawValue), v(s.lastChange.actor), v(s.lastChange.at),
        ]
    }

    static func decode(_ row: Row) throws -> CaseState {
        func text(_ i: Int) -> String? { row[i] }
        func instant(_ i: Int) -> Instant? { (row[i] as Int64?).map { Instant(secondsSinceEpoch: $0) } }
        func bad(_ column: String) -> StoreError { StoreError.database("案件投影行 \(row[1] as String? ?? "?") 的字段 \(column) 无效") }
        guard let source = text(9).flatMap(CaseSource.init(rawValue:)) else { throw bad("source") }
        guard let severity = text(11).flatMap(Severity.init(rawValue:)) else { throw bad("severity") }
        guard let level = text(12).flatMap(Level.init(rawValue:)) else { throw bad("level") }
        guard let status = text(13).flatMap(CaseStatus.init(rawValue:)) else { throw bad("status") }
        guard let lastKind = text(37).flatMap(EventBody.Kind.init(rawValue:)) else { throw bad("last_kind") }
        let reportedAt = instant(16) ?? Instant(secondsSinceEpoch: 0)
        let code: String = row[1], title: String = row[2], description: String = row[3]
        let category: String = row[4], grid: String = row[5]
        let reported = Reported(
            code: code, title: title, description: description, category: category, grid: grid, building: text(8),
            source: source, severity: severity, level: level, sourceRef: text(10),
            dispatchLimit: TimeLimit(amount: 0, clock: .urgentHours), dueAt: reportedAt)
        let id: Int64 = row[0], reporter: String = row[15]
        var s = CaseState(id: id, reported: reported, actor: reporter, at: reportedAt)
        s.status = status
        s.handler = text(17).flatMap(Handler.init(text:))
        s.dispatchedAt = instant(18)
        s.dispatchedBy = row[19]
        s.clock = try text(20).map { t throws(StoreError) in
            guard let c = decodeClock(t) else { throw bad("clock") }
            return c
        }
        s.dueAt = instant(21)
        s.handlingDueAt = instant(22)
        s.handledAt = instant(23)
        s.lastHandlingLimit = text(24).flatMap { try? JSONValue.parse($0) }.flatMap { TimeLimit(json: $0) }
        s.pendingExtension = row[25]
        s.extensionCount = row[26]
        s.suspendedUntil = instant(27)
        s.reworkCount = row[28]
        s.sendBackCount = row[29]
        s.supervisionCount = row[30]
        s.satisfaction = text(31).flatMap(Satisfaction.init(rawValue:))
        s.closedAt = instant(32)
        s.duplicateOf = row[33]
        s.summons = try text(34).map { t throws(StoreError) in
            guard let list = decodeSummons(t) else { throw bad("summons") }
            return list
        } ?? []
        s.version = row[36]
        let lastActor: String = row[38]
        s.lastChange = LastChange(kind: lastKind, actor: lastActor, at: instant(39) ?? reportedAt)
        return s
    }

    static func encodeClock(_ c: CaseClock) -> String {
        JSONValue.object([
            ("stage", .string(c.stage.rawValue)),
            ("start", .int(c.start.secondsSinceEpoch)),
            ("limit", c.limit.json),
            ("extensions", .int(Int64(c.extensions))),
            ("suspensions", .array(c.suspensions.map {
                .array([.int($0.start.secondsSinceEpoch), $0.end.map { .int($0.secondsSinceEpoch) } ?? .null])
            })),
        ]).serialized()
    }

    static func decodeClock(_ text: String) -> CaseClock? {
        guard let j = try? JSONValue.parse(text),
              let stage = j["stage"]?.stringValue.flatMap(Stage.init(rawValue:)),
              let start = j["start"]?.intValue, let limit = TimeLimit(json: j["limit"]),
              let extensions = j["extensions"]?.intValue, let spans = j["suspensions"]?.arrayValue else { return nil }
        var suspensions: [TimeSpan] = []
        for span in spans {
            guard let pair = span.arrayValue, pair.count == 2, let s = pair[0].intValue else { return nil }
            suspensions.append(TimeSpan(start: Instant(secondsSinceEpoch: s), end: pair[1].intValue.map { Instant(secondsSinceEpoch: $0) }))
        }
        return CaseClock(stage: stage, start: Instant(secondsSinceEpoch: start), limit: limit, extensions: Int(extensions), suspensions: suspensions)
    }

    static func encodeSummons(_ list: [Summons]) -> String {
        JSONValue.array(list.map { s in
            var pairs: [(String, JSONValue)] = [
                ("unit", .string(s.unit)), ("due_at", .int(s.dueAt.secondsSinceEpoch)),
                ("summoned_at", .int(s.summonedAt.secondsSinceEpoch)),
            ]
            if let at = s.reportedInAt { pairs.append(("reported_in_at", .int(at.secondsSinceEpoch))) }
            if let by = s.reportedInBy { pairs.append(("reported_in_by", .string(by))) }
            return .object(pairs)
        }).serialized()
    }

    static func decodeSummons(_ text: String) -> [Summons]? {
        guard let items = (try? JSONValue.parse(text))?.arrayValue else { return nil }
        var list: [Summons] = []
        for item in items {
            guard let unit = item["unit"]?.stringValue, let due = item["due_at"]?.intValue,
                  let at = item["summoned_at"]?.intValue else { return nil }
            list.append(Summons(
                unit: unit, dueAt: Instant(secondsSinceEpoch: due), summonedAt: Instant(secondsSinceEpoch: at),
                reportedInAt: item["reported_in_at"]?.intValue.map { Instant(secondsSinceEpoch: $0) },
                reportedInBy: item["reported_in_by"]?.stringValue))
        }
        return list
    }
}
