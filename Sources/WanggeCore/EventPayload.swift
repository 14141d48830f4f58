/// Why an event row could not be turned back into an event.
public struct EventDecodingError: Error, Sendable, CustomStringConvertible {
    public var kind: String
    public var message: String
    public var description: String { "事件类型 \(kind) 的内容无法读取：\(message)" }
}

extension TimeLimit {
    public var json: JSONValue { .object([("amount", .int(Int64(amount))), ("clock", .string(clock.rawValue))]) }

    public init?(json: JSONValue?) {
        guard let json, let amount = json["amount"]?.intValue,
              let clock = json["clock"]?.stringValue.flatMap(ClockKind.init(rawValue:)) else { return nil }
        self.init(amount: Int(amount), clock: clock)
    }
}

extension EventBody {
    /// The payload as JSON (without the kind, which is stored in its own column).
    public var payload: JSONValue {
        var f: [(String, JSONValue)] = []
        func put(_ key: String, _ value: String?) { if let value { f.append((key, .string(value))) } }
        func put(_ key: String, _ value: Instant?) { if let value { f.append((key, .int(value.secondsSinceEpoch))) } }
        switch self {
        case .reported(let r):
            put("code", r.code); put("title", r.title); put("description", r.description)
            put("category", r.category); put("grid", r.grid); put("building", r.building)
            put("source", r.source.rawValue); put("severity", r.severity.rawValue); put("level", r.level.rawValue)
            put("source_ref", r.sourceRef); f.append(("limit", r.dispatchLimit.json)); put("due_at", r.dueAt)
        case .accepted(let note): put("note", note)
        case .declined(let reason): put("reason", reason)
        case let .dispatched(handler, limit, dueAt, note):
            put("handler", handler.description); f.append(("limit", limit.json)); put("due_at", dueAt); put("note", note)
        case .handlerAccepted: break
        case let .sentBack(reason, limit, dueAt):
            put("reason", reason); f.append(("limit", limit.json)); put("due_at", dueAt)
        case let .feedback(text, limit, dueAt):
            put("text", text); f.append(("limit", limit.json)); put("due_at", dueAt)
        case .verificationPassed(let note): put("note", note)
        case let .verificationFailed(reason, limit, dueAt):
            put("reason", reason); f.append(("limit", limit.json)); put("due_at", dueAt)
        case let .evaluated(satisfaction, note): put("satisfaction", satisfaction.rawValue); put("note", note)
        case .closed(let note): put("note", note)
        case .archived: break
        case .extensionRequested(let reason): put("reason", reason)
        case let .extensionDecided(approved, note, dueAt):
            f.append(("approved", .bool(approved))); put("note", note); put("due_at", dueAt)
        case let .suspended(reason, until, dueAt): put("reason", reason); put("until", until); put("due_at", dueAt)
        case .resumed(let dueAt): put("due_at", dueAt)
        case let .supervised(kind, note): put("kind", kind.rawValue); put("note", note)
        case let .summoned(entries, note):
            f.append(("entries", .array(entries.map {
                .object([("unit", .string($0.unit)), ("due_at", .int($0.dueAt.secondsSinceEpoch))])
            })))
            put("note", note)
        case let .reportedIn(unit, note): put("unit", unit); put("note", note)
        case .linkedDuplicate(let primary): put("primary", primary)
        case let .reopened(reason, limit, dueAt): put("reason", reason); f.append(("limit", limit.json)); put("due_at", dueAt)
        case let .escalated(from, to, reason, rule, limit, dueAt):
            put("from", from.rawValue); put("to", to.rawValue); put("reason", reason); put("rule", rule)
            f.append(("limit", limit.json)); put("due_at", dueAt)
        case .commented(let text): put("text", text)
        case let .severityRaised(from, to, reason, rule):
            put("from", from.rawValue); put("to", to.rawValue); put("reason", reason); put("rule", rule)
        case let .agendaListed(meeting, level, reason, rule):
            put("meeting", meeting); put("level", level.rawValue); put("reason", reason); put("rule", rule)
        case let .notified(roles, note, rule):
            f.append(("roles", .array(roles.map { .string($0.rawValue) }))); put("note", note); put("rule", rule)
        case let .meetingDecided(meeting, decision, decidedBy, deadline):
            put("meeting", meeting); put("decision", decision); put("decided_by", decidedBy); put("deadline", deadline)
        }
        return .object(f)
    }

    /// Rebuilds an event body from its stored kind and payload.
    public init(kind kindText: String, payload: JSONValue) throws(EventDecodingError) {
        guard let kind = Kind(rawValue: kindText) else {
            throw EventDecodingError(kind: kindText, message: "未知的事件类型")
        }
        func fail(_ field: String) -> EventDecodingError {
            EventDecodingError(kind: kindText, message: "缺少或无效的字段 \(field)")
        }
        func str(_ key: String) throws(EventDecodingError) -> String {
            guard let v = payload[key]?.stringValue else { throw fail(key) }
            return v
        }
        func optStr(_ key: String) -> String? { payload[key]?.stringValue }
        func instant(_ key: String) throws(EventDecodingError) -> Instant {
            guard let v = payload[key]?.intValue else { throw fail(key) }
            return Instant(secondsSinceEpoch: v)
        }
        func optInstant(_ key: String) -> Instant? { payload[key]?.intValue.map { Instant(secondsSinceEpoch: $0) } }
        func limit() throws(EventDecodingError) -> TimeLimit {
            guard let l = TimeLimit(json: payload["limit"]) else { throw fail("limit") }
            return l
        }
        func raw<T: RawRepresentable>(_ key: String, _: T.Type) throws(EventDecodingError) -> T where T.RawValue == String {
            guard let v = payload[key]?.stringValue.flatMap(T.init(rawValue:)) else { throw fail(key) }
            return v
        }

        switch kind {
        case .reported:
            self = .reported(Reported(
                code: try str("code"), title: try str("title"), description: optStr("description") ?? "",
                category: try str("category"), grid: try str("grid"), building: optStr("building"),
                source: try raw("source", CaseSource.self), severity: try raw("severity", Severity.self),
                level: try raw("level", Level.self), sourceRef: optStr("source_ref"),
                dispatchLimit: try limit(), dueAt: try instant("due_at")))
        case .accepted: self = .accepted(note: optStr("note"))
        case .declined: self = .declined(reason: try str("reason"))
        case .dispatched:
            guard let handler = optStr("handler").flatMap(Handler.init(text:)) else { throw fail("handler") }
            self = .dispatched(handler: handler, limit: try limit(), dueAt: try instant("due_at"), note: optStr("note"))
        case .handlerAccepted: self = .handlerAccepted
        case .sentBack: self = .sentBack(reason: try str("reason"), limit: try limit(), dueAt: try instant("due_at"))
        case .feedback: self = .feedback(text: try str("text"), limit: try limit(), dueAt: try instant("due_at"))
        case .verificationPassed: self = .verificationPassed(note: optStr("note"))
        case .verificationFailed:
            self = .verificationFailed(reason: try str("reason"), limit: try limit(), dueAt: try instant("due_at"))
        case .evaluated: self = .evaluated(satisfaction: try raw("satisfaction", Satisfaction.self), note: optStr("note"))
        case .closed: self = .closed(note: optStr("note"))
        case .archived: self = .archived
        case .extensionRequested: self = .extensionRequested(reason: try str("reason"))
        case .extensionDecided:
            guard let approved = payload["approved"]?.boolValue else { throw fail("approved") }
            self = .extensionDecided(approved: approved, note: optStr("note"), dueAt: optInstant("due_at"))
        case .suspended: self = .suspended(reason: try str("reason"), until: try instant("until"), dueAt: try instant("due_at"))
        case .resumed: self = .resumed(dueAt: try instant("due_at"))
        case .supervised: self = .supervised(kind: try raw("kind", SupervisionKind.self), note: try str("note"))
        case .summoned:
            guard let items = payload["entries"]?.arrayValue else { throw fail("entries") }
            var entries: [SummonEntry] = []
            for item in items {
                guard let unit = item["unit"]?.stringValue, let due = item["due_at"]?.intValue else { throw fail("entries") }
                entries.append(SummonEntry(unit: unit, dueAt: Instant(secondsSinceEpoch: due)))
            }
            self = .summoned(entries: entries, note: optStr("note"))
        case .reportedIn: self = .reportedIn(unit: try str("unit"), note: optStr("note"))
        case .linkedDuplicate: self = .linkedDuplicate(primary: try str("primary"))
        case .reopened: self = .reopened(reason: try str("reason"), limit: try limit(), dueAt: try instant("due_at"))
        case .escalated:
            self = .escalated(from: try raw("from", Level.self), to: try raw("to", Level.self), reason: try str("reason"),
                              rule: optStr("rule"), limit: try limit(), dueAt: try instant("due_at"))
        case .commented: self = .commented(text: try str("text"))
        case .severityRaised:
            self = .severityRaised(from: try raw("from", Severity.self), to: try raw("to", Severity.self),
                                   reason: try str("reason"), rule: optStr("rule"))
        case .agendaListed:
            self = .agendaListed(meeting: try str("meeting"), level: try raw("level", Level.self), reason: try str("reason"),
                                 rule: optStr("rule"))
        case .notified:
            guard let items = payload["roles"]?.arrayValue else { throw fail("roles") }
            var roles: [Role] = []
            for item in items {
                guard let role = item.stringValue.flatMap(Role.init(rawValue:)) else { throw fail("roles") }
                roles.append(role)
            }
            self = .notified(roles: roles, note: try str("note"), rule: optStr("rule"))
        case .meetingDecided:
            self = .meetingDecided(meeting: try str("meeting"), decision: try str("decision"), decidedBy: try str("decided_by"),
                                   deadline: optInstant("deadline"))
        }
    }
}
