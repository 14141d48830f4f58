/// A TOML value. Tables and arrays hold `TOMLNode`s rather than bare values so that
/// every nested value keeps its source position.
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    /// An offset date-time, local date-time, local date or local time, kept as written
    /// (after validation) so that no time-zone or calendar decision is made here.
    /// A space or lowercase `t` between date and time becomes `T`; a lowercase `z`
    /// offset becomes `Z`.
    case dateTime(String)
    case array([TOMLNode])
    case table(TOMLTable)

    /// The Chinese name of the value's type, for messages such as
    /// 「"amount" 应为整数，实际是字符串」.
    public var typeName: String {
        switch self {
        case .string: "字符串"
        case .integer: "整数"
        case .float: "浮点数"
        case .boolean: "布尔值"
        case .dateTime: "日期时间"
        case .array: "数组"
        case .table: "表"
        }
    }
}

/// A value together with where it was written.
public struct TOMLNode: Sendable, Equatable {
    public var value: TOMLValue
    /// Where the value starts. For a table defined by a `[header]` this is the header;
    /// for a table created only implicitly (by `[a.b]` or `a.b = 1`) it is the key that
    /// first named it.
    public var position: SourcePosition
    /// Where the key naming this value is (the last part of a dotted key);
    /// `nil` for array elements.
    public var keyPosition: SourcePosition?

    /// A node, for building tables in code.
    public init(value: TOMLValue, position: SourcePosition, keyPosition: SourcePosition? = nil) {
        self.value = value
        self.position = position
        self.keyPosition = keyPosition
    }
}

/// A TOML table that keeps its keys in document order, so that tools can report and
/// list things in the order the person wrote them.
public struct TOMLTable: Sendable, Equatable {
    /// Where the `[header]` or inline table `{` is; 1:1 for the root table.
    public var position: SourcePosition
    /// The keys in document order.
    public private(set) var keys: [String]
    private var nodes: [String: TOMLNode]

    /// An empty table, for building tables in code (tests, defaults).
    public init(position: SourcePosition = .start) {
        self.position = position
        self.keys = []
        self.nodes = [:]
    }

    /// The node at a key of this table (not a dotted path), with its positions.
    public subscript(key: String) -> TOMLNode? {
        nodes[key]
    }

    /// The number of keys.
    public var count: Int { keys.count }
    /// Whether the table has no keys (`[section]` with nothing under it).
    public var isEmpty: Bool { keys.isEmpty }

    /// The entries in document order.
    public var entries: [(key: String, node: TOMLNode)] {
        keys.compactMap { key in nodes[key].map { (key, $0) } }
    }

    /// Sets a key's node; a new key goes to the end, an existing one keeps its place.
    public mutating func set(_ node: TOMLNode, for key: String) {
        if nodes.updateValue(node, forKey: key) == nil {
            keys.append(key)
        }
    }
}
