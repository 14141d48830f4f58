import WanggeCore
import WanggeStore

/// The event log as a JSON Lines file: `wangge export events` writes it and
/// `wangge import events` reads it into an empty database.
///
/// - line 1: `{"format":"wangge-events","version":1,"configuration":{"org.toml":"…",…}}`,
///   every configuration text stored in the database;
/// - one line per event in `seq` order, its stored fields verbatim (the payload as the
///   stored JSON text, so the hash chain can be re-verified byte for byte):
///   `{"seq":1,"case_id":1,"version":1,"type":"reported","actor":"…","at":1772420400,
///   "payload":"{…}","key":null,"prev_hash":"000…","hash":"…"}`;
/// - last line: `{"end":true,"events":N,"last_hash":"…"}`, so a cut-off file is refused.
public enum EventLogFile {
    public static let format = "wangge-events"
    public static let version: Int64 = 1

    public struct ExportSummary: Sendable {
        public var events: Int64
        public var lastHash: String
    }

    /// Writes the whole log of `store` (one consistent snapshot) to `path`.
    public static func export(_ store: SQLiteCaseStore, to path: String) throws -> ExportSummary {
        let out = try OutputFile(path: path)
        var count: Int64 = 0
        var last = RawEventRow.genesisHash
        var line: [UInt8] = []
        try store.exportLog(configuration: { files in
            let header = JSONValue.object([
                ("format", .string(format)), ("version", .int(version)),
                ("configuration", .object(files.map { ($0.name, JSONValue.string($0.text)) })),
            ])
            try out.write(header.serialized() + "\n")
        }, event: { row in
            line.removeAll(keepingCapacity: true)
            JSONValue.object([
                ("seq", .int(row.seq)), ("case_id", .int(row.caseID)), ("version", .int(row.version)),
                ("type", .string(row.type)), ("actor", .string(row.actor)), ("at", .int(row.at)),
                ("payload", .string(row.payload)), ("key", row.idempotencyKey.map(JSONValue.string) ?? .null),
                ("prev_hash", .string(row.prevHash)), ("hash", .string(row.hash)),
            ]).write(into: &line)
            line.append(0x0A)
            try out.write(bytes: line)
            count += 1
            last = row.hash
        })
        try out.write(JSONValue.object([("end", .bool(true)), ("events", .int(count)), ("last_hash", .string(last))]).serialized() + "\n")
        try out.commit()
        return ExportSummary(events: count, lastHash: last)
    }

    /// Reads `path` into `store`, which must be empty. The configuration is checked
    /// (it must parse, as `wangge init` would require), the chain is verified row by
    /// row, and the projections are folded from the log, all in one transaction.
    public static func importFile(_ path: String, into store: SQLiteCaseStore) throws -> Int64 {
        let reader = LineReader(input: try ImportInput(path: path, encoding: .utf8))
        func fail(_ message: String) -> ImportFileError { ImportFileError(file: path, line: reader.line, message: message) }
        guard let first = try reader.next() else { throw fail("文件是空的") }
        let header: JSONValue
        do { header = try JSONValue.parse(String(decoding: first, as: UTF8.self)) } catch { throw fail("第一行不是 JSON：\(error)") }
        guard header["format"]?.stringValue == format else { throw fail("不是 wangge 导出的事件日志（缺少 \"format\": \"\(format)\"）") }
        guard header["version"]?.intValue == version else { throw fail("不支持的版本 \(header["version"]?.intValue.map(String.init) ?? "?")") }
        guard case .object(let pairs)? = header["configuration"] else { throw fail("缺少 configuration") }
        var configuration: [String: String] = [:]
        for (name, value) in pairs {
            guard let text = value.stringValue else { throw fail("配置 \(name) 不是文本") }
            configuration[name] = text
        }
        guard let org = configuration[ConfigurationName.organisation], let categories = configuration[ConfigurationName.categories],
              let calendar = configuration[ConfigurationName.calendar] else {
            throw fail("缺少组织架构、分类或日历配置")
        }
        let context = try Workspace.parse(organisation: org, categories: categories, calendar: calendar)
        var places: [String: GridPlace] = [:]
        for grid in context.organisation.grids {
            if let place = context.organisation.place(ofGrid: grid.code) {
                places[grid.code] = GridPlace(community: place.community, street: place.street)
            }
        }
        var ended = false
        var lastHash = RawEventRow.genesisHash
        var read: Int64 = 0
        let count: Int64
        do {
            // Runs inside the store's transaction: throwing here (a cut-off file, a count
            // that does not match) rolls everything back.
            count = try store.importLog(configuration: configuration, gridPlaces: places) {
                guard !ended else { return nil }
                guard let bytes = try reader.next() else {
                    throw ImportFileError(file: path, message: "文件不完整：缺少结尾行（导出被中断？），未导入任何内容")
                }
                let json: JSONValue
                do { json = try JSONValue.parse(String(decoding: bytes, as: UTF8.self)) } catch { throw fail("不是 JSON：\(error)") }
                if json["end"]?.boolValue == true {
                    guard json["events"]?.intValue == read, json["last_hash"]?.stringValue == lastHash else {
                        throw fail("结尾行记录 \(json["events"]?.intValue ?? -1) 条事件，文件中有 \(read) 条：文件不完整或被改动")
                    }
                    ended = true
                    return nil
                }
                func text(_ key: String) throws -> String {
                    guard let v = json[key]?.stringValue else { throw fail("缺少字段 \(key)") }
                    return v
                }
                func int(_ key: String) throws -> Int64 {
                    guard let v = json[key]?.intValue else { throw fail("缺少字段 \(key)") }
                    return v
                }
                let row = RawEventRow(
                    seq: try int("seq"), caseID: try int("case_id"), version: try int("version"), type: try text("type"),
                    actor: try text("actor"), at: try int("at"), payload: try text("payload"), idempotencyKey: json["key"]?.stringValue,
                    prevHash: try text("prev_hash"), hash: try text("hash"))
                lastHash = row.hash
                read += 1
                return row
            }
        } catch let error as EventLogImportError {
            throw ImportFileError(file: path, line: error.seq == nil ? nil : reader.line, message: error.message)
        }
        return count
    }
}
