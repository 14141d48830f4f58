import GRDBSQLite
import WanggeCore

/// Decodes rows of `CaseRow.columns` (in that order, from column 0) straight from
/// SQLite's column buffers: the engine reads every open case after a rules change, a
/// million rows, and GRDB's generic row decoding (a `DatabaseValue` and a metadata
/// lookup per column) cost more than reading and judging the case. Short texts (codes,
/// logins) become small strings directly; columns parsed into values with few distinct
/// texts (statuses, handlers, limits) are parsed once per distinct text per decoder, so
/// one decoder serves one batch; the clock is read from its bytes. Gives the same
/// `CaseState` as `CaseRow.decode`.
struct CaseRowDecoder {
    private var sources = ColumnValueCache<CaseSource?> { CaseSource(rawValue: $0) }
    private var severities = ColumnValueCache<Severity?> { Severity(rawValue: $0) }
    private var levels = ColumnValueCache<Level?> { Level(rawValue: $0) }
    private var statuses = ColumnValueCache<CaseStatus?> { CaseStatus(rawValue: $0) }
    private var handlers = ColumnValueCache<Handler?> { Handler(text: $0) }
    private var limits = ColumnValueCache<TimeLimit?> { text in (try? JSONValue.parse(text)).flatMap { TimeLimit(json: $0) } }
    private var satisfactions = ColumnValueCache<Satisfaction?> { Satisfaction(rawValue: $0) }
    private var kinds = ColumnValueCache<EventBody.Kind?> { EventBody.Kind(rawValue: $0) }

    /// The case in the current row of `h`.
    mutating func decode(_ h: OpaquePointer) throws(StoreError) -> CaseState {
        func text(_ i: Int32) -> String? {
            guard let bytes = sqlite3_column_text(h, i) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(h, i))), as: UTF8.self)
        }
        func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(h, i)) }
        func instant(_ i: Int32) -> Instant? {
            sqlite3_column_type(h, i) == SQLITE_NULL ? nil : Instant(secondsSinceEpoch: sqlite3_column_int64(h, i))
        }
        func bad(_ column: String) -> StoreError { StoreError.database("案件投影行 \(text(1) ?? "?") 的字段 \(column) 无效") }
        guard let source = sources.value(h, 9) ?? nil else { throw bad("source") }
        guard let severity = severities.value(h, 11) ?? nil else { throw bad("severity") }
        guard let level = levels.value(h, 12) ?? nil else { throw bad("level") }
        guard let status = statuses.value(h, 13) ?? nil else { throw bad("status") }
        guard let lastKind = kinds.value(h, 37) ?? nil else { throw bad("last_kind") }
        guard let code = text(1), let title = text(2), let description = text(3) else { throw bad("code") }
        guard let category = text(4), let grid = text(5) else { throw bad("grid") }
        guard let reporter = text(15), let lastActor = text(38) else { throw bad("reporter") }
        let reportedAt = instant(16) ?? Instant(secondsSinceEpoch: 0)
        let reported = Reported(
            code: code, title: title, description: description, category: category, grid: grid, building: text(8),
            source: source, severity: severity, level: level, sourceRef: text(10),
            dispatchLimit: TimeLimit(amount: 0, clock: .urgentHours), dueAt: reportedAt)
        var s = CaseState(id: sqlite3_column_int64(h, 0), reported: reported, actor: reporter, at: reportedAt)
        s.status = status
        s.handler = handlers.value(h, 17) ?? nil
        s.dispatchedAt = instant(18)
        s.dispatchedBy = text(19)
        s.clock = nil
        if let bytes = sqlite3_column_text(h, 20) {
            let buffer = UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(h, 20)))
            guard let c = ClockBytesReader.read(buffer) ?? CaseRow.decodeClock(String(decoding: buffer, as: UTF8.self)) else {
                throw bad("clock")
            }
            s.clock = c
        }
        s.dueAt = instant(21)
        s.handlingDueAt = instant(22)
        s.handledAt = instant(23)
        s.lastHandlingLimit = limits.value(h, 24) ?? nil
        s.pendingExtension = text(25)
        s.extensionCount = int(26)
        s.suspendedUntil = instant(27)
        s.reworkCount = int(28)
        s.sendBackCount = int(29)
        s.supervisionCount = int(30)
        s.satisfaction = satisfactions.value(h, 31) ?? nil
        s.closedAt = instant(32)
        s.duplicateOf = text(33)
        s.summons = []
        if let summons = text(34) {
            guard let list = CaseRow.decodeSummons(summons) else { throw bad("summons") }
            s.summons = list
        }
        s.version = int(36)
        s.lastChange = LastChange(kind: lastKind, actor: lastActor, at: instant(39) ?? reportedAt)
        return s
    }
}

/// Reads the `clock` column in exactly the form `CaseRow.encodeClock` writes
/// (`{"stage":"handling","start":…,"limit":{"amount":…,"clock":"…"},"extensions":…,
/// "suspensions":[[…,…|null],…]}`) from its bytes, without building a JSON tree: the
/// JSON reader was the largest part of decoding a case. Anything else gives nil, and
/// the caller falls back to the JSON reader, so a differently written value still reads.
struct ClockBytesReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> CaseClock? {
        var r = ClockBytesReader(bytes)
        return r.clock()
    }

    private mutating func clock() -> CaseClock? {
        guard literal("{\"stage\":"), let stage = string().flatMap(Stage.init(rawValue:)),
              literal(",\"start\":"), let start = int(),
              literal(",\"limit\":{\"amount\":"), let amount = int(),
              literal(",\"clock\":"), let kind = string().flatMap(ClockKind.init(rawValue:)),
              literal("},\"extensions\":"), let extensions = int(),
              literal(",\"suspensions\":[") else { return nil }
        var suspensions: [TimeSpan] = []
        if !literal("]") {
            while true {
                guard literal("["), let s = int(), literal(",") else { return nil }
                let end: Int64?
                if literal("null") { end = nil } else {
                    guard let e = int() else { return nil }
                    end = e
                }
                guard literal("]") else { return nil }
                suspensions.append(TimeSpan(start: Instant(secondsSinceEpoch: s), end: end.map { Instant(secondsSinceEpoch: $0) }))
                if literal("]") { break }
                guard literal(",") else { return nil }
            }
        }
        guard literal("}"), i == bytes.count else { return nil }
        return CaseClock(stage: stage, start: Instant(secondsSinceEpoch: start), limit: TimeLimit(amount: Int(amount), clock: kind),
                         extensions: Int(extensions), suspensions: suspensions)
    }

    /// Consumes `text` if the bytes continue with it.
    private mutating func literal(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard bytes.count - i >= n else { return false }
        let p = text.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { return false }
        i += n
        return true
    }

    /// A decimal integer (optionally negative), at most 18 digits.
    private mutating func int() -> Int64? {
        var negative = false
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var value: Int64 = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9"), digits < 18 {
            value = value * 10 + Int64(bytes[i] - UInt8(ascii: "0"))
            i += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    /// A quoted string without escapes.
    private mutating func string() -> String? {
        guard literal("\"") else { return nil }
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        i += 1
        return text
    }
}
