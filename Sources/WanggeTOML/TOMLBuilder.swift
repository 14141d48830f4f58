/// Mutable tables used while parsing. TOML lets later lines add to tables opened
/// earlier (`[a.b]` after `[a.b.c]`, `x.y = 1` then `x.z = 2`), which is easiest with
/// reference types; the finished document is converted to value types at the end.
final class TableBuilder {
    /// How a table came to exist, which decides whether it may still be defined or
    /// extended (the TOML rules against defining a table twice).
    enum Origin: Equatable {
        /// Named only as part of a longer header path, e.g. `a` in `[a.b]`.
        case implicit
        /// Defined by a `[header]`.
        case header
        /// An element of an array of tables, defined by `[[header]]`.
        case arrayElement
        /// Created or extended by dotted keys in one section (or one inline table).
        case dotted(section: Int)
        /// An inline table `{ ... }`, which may not be extended afterwards.
        case inline
    }

    enum Slot {
        case value(TOMLNode)
        case table(TableBuilder)
        case tableArray(TableArrayBuilder)
    }

    var origin: Origin
    var position: SourcePosition
    var keyPosition: SourcePosition?
    let depth: Int
    /// The table's dotted key from the root (from the inline table for tables inside
    /// one), for messages.
    let path: String
    private(set) var order: [String] = []
    private(set) var slots: [String: Slot] = [:]

    init(origin: Origin, position: SourcePosition, keyPosition: SourcePosition?, depth: Int, path: String) {
        self.origin = origin
        self.position = position
        self.keyPosition = keyPosition
        self.depth = depth
        self.path = path
    }

    subscript(key: String) -> Slot? { slots[key] }

    func insert(_ slot: Slot, for key: String) {
        if slots.updateValue(slot, forKey: key) == nil {
            order.append(key)
        }
    }

    /// Converts to the public value type. Recursion is bounded by the parser's depth limit.
    func build() -> TOMLTable {
        var table = TOMLTable(position: position)
        for key in order {
            guard let slot = slots[key] else { continue }
            switch slot {
            case .value(let node):
                table.set(node, for: key)
            case .table(let child):
                table.set(child.buildNode(), for: key)
            case .tableArray(let array):
                let elements = array.elements.map { $0.buildNode() }
                table.set(
                    TOMLNode(value: .array(elements), position: array.position, keyPosition: array.keyPosition),
                    for: key)
            }
        }
        return table
    }

    func buildNode() -> TOMLNode {
        TOMLNode(value: .table(build()), position: position, keyPosition: keyPosition)
    }
}

/// An array of tables built by repeated `[[header]]`s.
final class TableArrayBuilder {
    let position: SourcePosition
    let keyPosition: SourcePosition
    var elements: [TableBuilder]

    init(position: SourcePosition, keyPosition: SourcePosition, first: TableBuilder) {
        self.position = position
        self.keyPosition = keyPosition
        self.elements = [first]
    }
}

/// One part of a dotted key, with where it was written.
struct KeyPart {
    var name: String
    var position: SourcePosition
}

extension KeyPart {
    /// One key as a person would write it: bare if possible, quoted otherwise.
    static func display(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy(\.isBareKeyCharacter)
        return bare ? name : "\"\(name)\""
    }
}

extension [KeyPart] {
    /// The key as a person would write it, for messages: `a.b."c d"`.
    var dottedText: String {
        map { KeyPart.display($0.name) }.joined(separator: ".")
    }
}
