import WanggeCore
import WanggeTOML

/// A table from a source's values to ours (`[category] map = {…}, default = "…"`).
/// A value not in the map is read as one of our codes or names; failing that, the
/// default is used; without a default the row is bad.
public struct ValueTable<Value: Sendable & Hashable>: Sendable {
    public var map: [String: Value]
    public var fallback: Value?

    public init(map: [String: Value] = [:], fallback: Value? = nil) { self.map = map; self.fallback = fallback }
}

/// How the columns of a source file become cases: read from a mapping file (TOML,
/// errors at file:line:column, unknown keys refused) and checked against the
/// configuration, so a map that names an unknown category or grid fails before any row
/// is read. See README "Importing cases" for the format.
public struct ImportMapping: Sendable {
    public var file: String
    /// The source system's name: ids are unique within it.
    public var source: String
    public var encoding: TextEncodingChoice?
    public var delimiter: UInt8
    public var times: ImportTimeParser
    /// Field → column header, in the order the file lists them.
    public var columns: [(field: ImportField, column: String, position: SourcePosition)]
    public var categories: ValueTable<String>
    public var grids: ValueTable<String>
    public var handlers: ValueTable<Handler>
    public var statuses: ValueTable<HistoricStatus>
    public var channels: ValueTable<CaseSource>
    public var satisfactions: ValueTable<Satisfaction>
    public var severities: ValueTable<Severity>

    public func column(_ field: ImportField) -> String? { columns.first { $0.field == field }?.column }

    static let rootKeys: Set<String> = [
        "source", "encoding", "delimiter", "zone", "date_formats", "columns",
        "category", "grid", "handler", "status", "channel", "satisfaction", "severity",
    ]

    /// Reads a mapping file and checks every value it maps to against `context`.
    public static func parse(_ text: String, file: String, context: DomainContext) throws(TOMLError) -> ImportMapping {
        let root = try TOMLFields.parse(text, file: file)
        try root.rejectUnknownKeys(allowed: rootKeys)
        let lookups = ImportLookups(context)

        let source = try root.string("source")
        guard !source.isEmpty, source.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw root.error("source 只能由字母、数字和 - _ . 组成（如 \"12345\"、\"open311\"）", at: "source")
        }
        var encoding: TextEncodingChoice?
        if let name = try root.optionalString("encoding") {
            guard let e = TextEncodingChoice(name: name) else {
                throw root.error("encoding 的值 \"\(name)\" 无效（可选值：auto、utf-8、gbk）", at: "encoding")
            }
            encoding = e
        }
        var delimiter = UInt8(ascii: ",")
        if let d = try root.optionalString("delimiter") {
            guard d.utf8.count == 1, let b = d.utf8.first, b != UInt8(ascii: "\""), b != 0x0A, b != 0x0D else {
                throw root.error("delimiter 应为一个 ASCII 字符（如 \",\"、\"\\t\"、\";\"），不能是引号或换行", at: "delimiter")
            }
            delimiter = b
        }
        var offset = context.calendar.utcOffsetSeconds
        if let zone = try root.optionalString("zone") {
            guard let o = CalendarFile.knownZones[zone] ?? ImportTimeParser.offset(zone) else {
                throw root.error("zone 应为 \"+08:00\" 这样的偏移或 Asia/Shanghai 这样的时区名", at: "zone")
            }
            offset = o
        }
        var formats = ImportTimeFormat.defaults
        if let patterns = try root.optionalStringArray("date_formats") {
            formats = []
            for (i, pattern) in patterns.enumerated() {
                guard let format = ImportTimeFormat(pattern) else {
                    let position: SourcePosition
                    if case .array(let nodes) = root.table["date_formats"]?.value, i < nodes.count { position = nodes[i].position }
                    else { position = root.position(of: "date_formats") }
                    throw TOMLError(file: file, position: position, message: "日期格式 \"\(pattern)\" 无效：可用 %Y %m %d %H %M %S %z，且须有年月日")
                }
                formats.append(format)
            }
            guard !formats.isEmpty else { throw root.error("date_formats 不能为空", at: "date_formats") }
        }

        let columnsTable = try root.table("columns")
        try columnsTable.rejectUnknownKeys(allowed: Set(ImportField.allCases.map(\.rawValue)))
        var columns: [(field: ImportField, column: String, position: SourcePosition)] = []
        for key in columnsTable.keys {
            guard let field = ImportField(rawValue: key) else { continue }
            let header = try columnsTable.string(key)
            guard !header.isEmpty else { throw columnsTable.error("列名不能为空", at: key) }
            columns.append((field, header, columnsTable.position(of: key)))
        }
        for required in [ImportField.id, .reportedAt] where !columns.contains(where: { $0.field == required }) {
            throw columnsTable.error("[columns] 缺少必填键 \"\(required.rawValue)\"（\(required.chineseName)所在的列）", at: nil)
        }
        if !columns.contains(where: { $0.field == .title || $0.field == .text }) {
            throw columnsTable.error("[columns] 须有 title 或 text（没有标题时取内容的第一行作标题）", at: nil)
        }

        let categories = try table(root, "category", "分类") { (v: String) in lookups.categories[v] }
        let grids = try table(root, "grid", "网格") { (v: String) in lookups.grids[v] }
        let handlers = try table(root, "handler", "承办人或承办单位") { (v: String) in lookups.handler(v) }
        let statuses = try table(root, "status", "状态（\(HistoricStatus.allCases.map(\.rawValue).joined(separator: "、"))）") { (v: String) in HistoricStatus(rawValue: v) }
        let channels = try table(root, "channel", "来源渠道（\(CaseSource.allCases.map(\.rawValue).joined(separator: "、"))）") { (v: String) in CaseSource(rawValue: v) }
        let satisfactions = try table(root, "satisfaction", "满意度（\(Satisfaction.allCases.map(\.rawValue).joined(separator: "、"))）") { (v: String) in Satisfaction(rawValue: v) }
        let severities = try table(root, "severity", "严重程度（\(Severity.allCases.map(\.rawValue).joined(separator: "、"))）") { (v: String) in Severity(rawValue: v) }

        return ImportMapping(
            file: file, source: source, encoding: encoding, delimiter: delimiter,
            times: ImportTimeParser(formats: formats, utcOffsetSeconds: offset), columns: columns,
            categories: categories, grids: grids, handlers: handlers, statuses: statuses, channels: channels,
            satisfactions: satisfactions, severities: severities)
    }

    /// Reads `[key] map = {…}, default = "…"`, resolving every target with `resolve`
    /// and pointing at the target that does not resolve.
    private static func table<V>(
        _ root: TOMLFields, _ key: String, _ what: String, resolve: (String) -> V?
    ) throws(TOMLError) -> ValueTable<V> {
        guard let f = try root.optionalTable(key) else { return ValueTable() }
        try f.rejectUnknownKeys(allowed: ["map", "default"])
        var result = ValueTable<V>()
        if let map = try f.optionalTable("map") {
            for (sourceValue, node) in map.table.entries {
                guard case .string(let target) = node.value else {
                    throw TOMLError(file: f.file, position: node.position, message: "[\(key).map] 的 \"\(sourceValue)\" 应为字符串，实际是\(node.value.typeName)")
                }
                guard let value = resolve(target) else {
                    throw TOMLError(file: f.file, position: node.position, message: "[\(key).map] 的 \"\(sourceValue)\" 映射到 \"\(target)\"：不是已知的\(what)")
                }
                result.map[sourceValue] = value
            }
        }
        if let fallback = try f.optionalString("default") {
            guard let value = resolve(fallback) else {
                throw f.error("[\(key)] default = \"\(fallback)\"：不是已知的\(what)", at: "default")
            }
            result.fallback = value
        }
        return result
    }
}
