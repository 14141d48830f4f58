import WanggeCore
import WanggeTOML

/// A record read through the mapping: the historic case it describes, its id in the
/// source, a fingerprint of its content (so a changed record with a known id is told
/// apart from a repeated one), and the case code to keep, if any.
struct MappedRow: Sendable {
    var sourceID: String
    var fingerprint: String
    var historic: HistoricCase
    var keepCode: String?
}

/// A record read through the mapping, or everything wrong with it.
enum RowOutcome {
    case row(MappedRow)
    case bad([ImportProblem])
}

/// Reads records through an `ImportMapping`: finds the mapped columns in the header,
/// resolves categories, grids, handlers, statuses and channels through the mapping's
/// tables and our own codes and names, parses times. Every problem of a record is
/// collected, each with its column and value.
struct RowMapper {
    let mapping: ImportMapping
    let lookups: ImportLookups
    let file: String
    let header: [String]
    let now: Instant
    let indexes: [ImportField: Int]
    /// The mapped columns other than the id, in mapping order: what the fingerprint covers.
    let contentColumns: [Int]

    init(mapping: ImportMapping, context: DomainContext, source: any ImportRecordSource, now: Instant) throws {
        self.mapping = mapping
        lookups = ImportLookups(context)
        file = source.file
        header = source.header
        self.now = now
        var indexes: [ImportField: Int] = [:]
        var positions: [String: Int] = [:]
        for (i, name) in header.enumerated() where positions[name] == nil { positions[name] = i }
        for (field, column, position) in mapping.columns {
            guard let i = positions[column] else {
                if source.columnsAreFixed {
                    throw TOMLError(file: mapping.file, position: position,
                                    message: "列「\(column)」不在 \(source.file) 的表头中（表头：\(header.joined(separator: "、"))）")
                }
                continue
            }
            indexes[field] = i
        }
        self.indexes = indexes
        var content: [Int] = []
        for (field, _, _) in mapping.columns where field != .id {
            if let i = indexes[field], !content.contains(i) { content.append(i) }
        }
        contentColumns = content
    }

    func map(_ record: ImportRecord) -> RowOutcome {
        var problems: [ImportProblem] = []
        func problem(_ columnIndex: Int?, _ value: String?, _ reason: String) {
            problems.append(ImportProblem(
                file: file, line: columnIndex.flatMap { record.fieldLines?[$0] } ?? record.line, record: record.number,
                column: columnIndex.map { header[$0] }, columnNumber: columnIndex.map { $0 + 1 }, value: value, reason: reason))
        }
        if let read = record.readProblem {
            problem(read.field < header.count ? read.field : nil, nil, read.message)
            return .bad(problems)
        }
        if record.fields.count != header.count {
            problem(nil, nil, "该行有 \(record.fields.count) 个字段，表头有 \(header.count) 列（引号不配对或分隔符不对？）")
            return .bad(problems)
        }
        func raw(_ field: ImportField) -> String? {
            guard let i = indexes[field] else { return nil }
            return record.fields[i]
        }
        func value(_ field: ImportField) -> String? {
            guard let text = raw(field)?.trimmedField, !text.isEmpty else { return nil }
            return text
        }
        func bad(_ field: ImportField, _ reason: String) { problem(indexes[field], raw(field), reason) }
        func resolve<V>(_ field: ImportField, _ table: ValueTable<V>, _ what: String, own: (String) -> V?, required: Bool) -> V? {
            guard let text = value(field) else {
                if let fallback = table.fallback { return fallback }
                if required { bad(field, indexes[field] == nil ? "映射文件没有指定\(what)所在的列，也没有 [\(field.rawValue)] default" : "\(what)为空，且映射文件没有 [\(field.rawValue)] default") }
                return nil
            }
            if let v = table.map[text] ?? own(text) ?? table.fallback { return v }
            bad(field, "未知的\(what)，映射文件 [\(field.rawValue).map] 中没有，也没有 default")
            return nil
        }
        func time(_ field: ImportField) -> Instant? {
            guard let text = value(field) else { return nil }
            guard let instant = mapping.times.parse(text) else {
                bad(field, "无法识别的日期时间（可用的格式：\(mapping.times.formats.prefix(4).map(\.description).joined(separator: "、"))…，见映射文件 date_formats）")
                return nil
            }
            if field != .dueAt && field != .handlingDueAt && instant > now {
                bad(field, "时间晚于现在，不是历史记录")
            }
            return instant
        }

        guard let sourceID = value(.id) else {
            bad(.id, "来源编号为空")
            return .bad(problems)
        }
        let text = raw(.text) ?? ""
        var title = value(.title) ?? ""
        if title.isEmpty {
            let firstLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map { String($0).trimmingSpaces() } ?? ""
            title = firstLine.count > 40 ? String(firstLine.prefix(39)) + "…" : firstLine
            if title.isEmpty { problem(indexes[.title] ?? indexes[.text], raw(.title) ?? raw(.text), "标题和内容都为空") }
        }
        let category = resolve(.category, mapping.categories, "分类", own: { lookups.categories[$0] }, required: true)
        let building = value(.building)
        if let building, lookups.buildings[building] == nil { bad(.building, "未知的楼栋") }
        var grid = resolve(.grid, mapping.grids, "网格", own: { lookups.grids[$0] }, required: building.flatMap { lookups.buildings[$0] } == nil)
        if value(.grid) == nil, let building, let own = lookups.buildings[building] { grid = own }
        let reportedAt = time(.reportedAt)
        if reportedAt == nil && value(.reportedAt) == nil { bad(.reportedAt, "受理时间为空") }
        let dispatchedAt = time(.dispatchedAt)
        let dueAt = time(.dueAt)
        let handlingDueAt = time(.handlingDueAt)
        let handledAt = time(.handledAt)
        let closedAt = time(.closedAt)
        let handler = resolve(.handler, mapping.handlers, "承办人或承办单位", own: { lookups.handler($0) }, required: false)
        var status: HistoricStatus?
        if indexes[.status] != nil || mapping.statuses.fallback != nil {
            status = resolve(.status, mapping.statuses, "状态", own: { lookups.statuses[$0] }, required: false)
        }
        if status == nil && (value(.status) == nil) {
            status = closedAt != nil ? .closed : (handler != nil || dispatchedAt != nil) ? .dispatched : .reported
        }
        let channel = resolve(.channel, mapping.channels, "来源渠道", own: { lookups.channels[$0] }, required: false) ?? .hotline
        let satisfaction = resolve(.satisfaction, mapping.satisfactions, "满意度", own: { lookups.satisfactions[$0] }, required: false)
        let severity = value(.severity) == nil ? nil
            : resolve(.severity, mapping.severities, "严重程度", own: { lookups.severities[$0] }, required: false)
        var level: Level?
        if let text = value(.level) {
            level = Level(rawValue: text) ?? Level.allCases.first { $0.chineseName == text }
            if level == nil { bad(.level, "未知的层级（可选值：\(Level.allCases.map(\.rawValue).joined(separator: "、"))）") }
        }
        if title.count > 200 { bad(.title, "标题过长（\(title.count) 字，最多 200 字）") }

        guard problems.isEmpty, let category, let grid, let reportedAt, let status else { return .bad(problems) }
        var hasher = SHA256()
        for i in contentColumns {
            hasher.update(record.fields[i])
            hasher.update("\u{1F}")
        }
        let fingerprint = String(SHA256.hex(hasher.finalize()).prefix(16))
        let report = ReportCommand(
            title: title, description: text, category: category, grid: grid, building: building, source: channel,
            severity: severity, sourceRef: indexes[.sourceRef] == nil ? sourceID : value(.sourceRef))
        let historic = HistoricCase(
            report: report, status: status, reportedAt: reportedAt, dispatchedAt: dispatchedAt, handler: handler, dueAt: dueAt,
            handlingDueAt: handlingDueAt, handledAt: handledAt, closedAt: closedAt, satisfaction: satisfaction,
            duplicateOf: value(.duplicateOf), level: level)
        let code = value(.code).flatMap { CaseCodeFormat.isValid($0) ? $0 : nil }
        return .row(MappedRow(sourceID: sourceID, fingerprint: fingerprint, historic: historic, keepCode: code))
    }

    /// A problem found later (while building the history or writing) about this record.
    func problem(_ record: ImportRecord, field: ImportField?, reason: String) -> ImportProblem {
        let i = field.flatMap { indexes[$0] }
        return ImportProblem(
            file: file, line: i.flatMap { record.fieldLines?[$0] } ?? record.line, record: record.number,
            column: i.map { header[$0] } ?? field?.chineseName, columnNumber: i.map { $0 + 1 },
            value: i.map { record.fields[$0] }, reason: reason)
    }
}

/// Our case codes: `C-YYMMDD-NNNN` (four digits or more).
enum CaseCodeFormat {
    static func isValid(_ code: String) -> Bool {
        let b = Array(code.utf8)
        guard b.count >= 13, b[0] == UInt8(ascii: "C"), b[1] == UInt8(ascii: "-"), b[8] == UInt8(ascii: "-") else { return false }
        let digits = b[2..<8] + b[9...]
        return digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The day part ("260302") and the number.
    static func parts(_ code: String) -> (day: String, number: Int64)? {
        guard isValid(code) else { return nil }
        let b = Array(code.utf8)
        return (String(decoding: b[2..<8], as: UTF8.self), Int64(String(decoding: b[9...], as: UTF8.self)) ?? 0)
    }
}
