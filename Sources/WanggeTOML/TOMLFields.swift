/// A typed reader over one table, for configuration loaders: every method either
/// returns a Swift value or throws a `TOMLError` at the exact position of the problem,
/// with a Chinese message the person editing the file can act on.
public struct TOMLFields: Sendable {
    public let table: TOMLTable
    public let file: String?
    /// Where this table sits, for messages: `""` for the root, `grid[3]`, `org.street`.
    public let path: String

    /// - Parameter path: names the table in messages, e.g. `grid[3]`; `""` for the root.
    public init(_ table: TOMLTable, file: String?, path: String) {
        self.table = table
        self.file = file
        self.path = path
    }

    /// Parses a document and reads its root table.
    public static func parse(_ text: String, file: String? = nil) throws(TOMLError) -> TOMLFields {
        TOMLFields(try TOMLParser.parse(text, file: file), file: file, path: "")
    }

    /// Whether the key is present, for settings whose absence means something.
    public func has(_ key: String) -> Bool { table[key] != nil }

    /// The keys in document order.
    public var keys: [String] { table.keys }

    /// Where the key's value starts, or the table itself when the key is absent,
    /// so that an error always has somewhere to point.
    public func position(of key: String) -> SourcePosition {
        table[key]?.position ?? table.position
    }

    /// Where the key itself is written, or the table when the key is absent.
    public func keyPosition(of key: String) -> SourcePosition {
        table[key].map { $0.keyPosition ?? $0.position } ?? table.position
    }

    /// An error at the key's value (or at the table when `key` is `nil` or absent),
    /// for checks loaders make themselves ("日期不能早于…").
    public func error(_ message: String, at key: String?) -> TOMLError {
        TOMLError(file: file, position: key.map(position(of:)) ?? table.position, message: message)
    }

    func error(_ message: String, at position: SourcePosition) -> TOMLError {
        TOMLError(file: file, position: position, message: message)
    }

    /// The path of a child, for messages: `grid[3].contact`.
    func childPath(_ component: String) -> String {
        path.isEmpty ? component : "\(path).\(component)"
    }

    // MARK: Required and optional values

    /// The node at a required key; its absence is reported at the table's position.
    func required(_ key: String) throws(TOMLError) -> TOMLNode {
        guard let node = table[key] else {
            let prefix = path.isEmpty ? "" : "[\(path)] "
            throw error("\(prefix)缺少必填键 \"\(key)\"", at: table.position)
        }
        return node
    }

    func typeError(_ key: String, expected: String, _ node: TOMLNode) -> TOMLError {
        error("\"\(key)\" 应为\(expected)，实际是\(node.value.typeName)", at: node.position)
    }

    /// A required string. Missing keys are reported at the table; wrong types at the value.
    public func string(_ key: String) throws(TOMLError) -> String {
        try stringValue(key, try required(key))
    }

    /// A string that may be left out; present with another type is still an error.
    public func optionalString(_ key: String) throws(TOMLError) -> String? {
        guard let node = table[key] else { return nil }
        return try stringValue(key, node)
    }

    private func stringValue(_ key: String, _ node: TOMLNode) throws(TOMLError) -> String {
        guard case .string(let s) = node.value else { throw typeError(key, expected: "字符串", node) }
        return s
    }

    /// A required integer (TOML integers are 64-bit; out of `Int` range is an error).
    public func int(_ key: String) throws(TOMLError) -> Int {
        try intValue(key, try required(key))
    }

    /// An integer that may be left out.
    public func optionalInt(_ key: String) throws(TOMLError) -> Int? {
        guard let node = table[key] else { return nil }
        return try intValue(key, node)
    }

    private func intValue(_ key: String, _ node: TOMLNode) throws(TOMLError) -> Int {
        guard case .integer(let i) = node.value else { throw typeError(key, expected: "整数", node) }
        guard let value = Int(exactly: i) else {
            throw error("\"\(key)\" 的值 \(i) 超出范围", at: node.position)
        }
        return value
    }

    /// A number; integers are accepted too, since `amount = 3` means 3.0 to a person.
    public func double(_ key: String) throws(TOMLError) -> Double {
        try doubleValue(key, try required(key))
    }

    /// A number that may be left out; integers are accepted too.
    public func optionalDouble(_ key: String) throws(TOMLError) -> Double? {
        guard let node = table[key] else { return nil }
        return try doubleValue(key, node)
    }

    private func doubleValue(_ key: String, _ node: TOMLNode) throws(TOMLError) -> Double {
        switch node.value {
        case .float(let d): return d
        case .integer(let i): return Double(i)
        default: throw typeError(key, expected: "数字", node)
        }
    }

    /// A required `true` or `false`.
    public func bool(_ key: String) throws(TOMLError) -> Bool {
        try boolValue(key, try required(key))
    }

    /// A boolean that may be left out.
    public func optionalBool(_ key: String) throws(TOMLError) -> Bool? {
        guard let node = table[key] else { return nil }
        return try boolValue(key, node)
    }

    private func boolValue(_ key: String, _ node: TOMLNode) throws(TOMLError) -> Bool {
        guard case .boolean(let b) = node.value else { throw typeError(key, expected: "布尔值（true 或 false）", node) }
        return b
    }

    /// A required array of strings; a wrong element is reported at that element.
    public func stringArray(_ key: String) throws(TOMLError) -> [String] {
        try stringArrayValue(key, try required(key))
    }

    /// An array of strings that may be left out.
    public func optionalStringArray(_ key: String) throws(TOMLError) -> [String]? {
        guard let node = table[key] else { return nil }
        return try stringArrayValue(key, node)
    }

    private func stringArrayValue(_ key: String, _ node: TOMLNode) throws(TOMLError) -> [String] {
        guard case .array(let elements) = node.value else { throw typeError(key, expected: "字符串数组", node) }
        var strings: [String] = []
        for (i, element) in elements.enumerated() {
            guard case .string(let s) = element.value else {
                throw error("\"\(key)\" 的第 \(i + 1) 个元素应为字符串，实际是\(element.value.typeName)", at: element.position)
            }
            strings.append(s)
        }
        return strings
    }

    /// A TOML date/time kept as text, or a string (people often quote dates);
    /// the caller parses it into its own calendar type.
    public func dateText(_ key: String) throws(TOMLError) -> String {
        try dateTextValue(key, try required(key))
    }

    /// A date that may be left out; see `dateText`.
    public func optionalDateText(_ key: String) throws(TOMLError) -> String? {
        guard let node = table[key] else { return nil }
        return try dateTextValue(key, node)
    }

    private func dateTextValue(_ key: String, _ node: TOMLNode) throws(TOMLError) -> String {
        switch node.value {
        case .dateTime(let s), .string(let s): return s
        default: throw typeError(key, expected: "日期", node)
        }
    }

    // MARK: Tables

    /// A required sub-table, read with the same file and a longer path for messages.
    public func table(_ key: String) throws(TOMLError) -> TOMLFields {
        try tableValue(key, try required(key))
    }

    /// A sub-table that may be left out.
    public func optionalTable(_ key: String) throws(TOMLError) -> TOMLFields? {
        guard let node = table[key] else { return nil }
        return try tableValue(key, node)
    }

    private func tableValue(_ key: String, _ node: TOMLNode) throws(TOMLError) -> TOMLFields {
        guard case .table(let t) = node.value else { throw typeError(key, expected: "表", node) }
        return TOMLFields(t, file: file, path: childPath(key))
    }

    /// An array of tables (`[[grid]]` or `grid = [{…}, {…}]`); a missing key is an
    /// empty list. Paths count from 1 (`grid[1]` is the first), as people count the
    /// `[[grid]]` blocks in their file.
    public func tables(_ key: String) throws(TOMLError) -> [TOMLFields] {
        guard let node = table[key] else { return [] }
        guard case .array(let elements) = node.value else { throw typeError(key, expected: "表数组", node) }
        var result: [TOMLFields] = []
        for (i, element) in elements.enumerated() {
            guard case .table(let t) = element.value else {
                throw error("\"\(key)\" 的第 \(i + 1) 个元素应为表，实际是\(element.value.typeName)", at: element.position)
            }
            result.append(TOMLFields(t, file: file, path: childPath("\(key)[\(i + 1)]")))
        }
        return result
    }
}
