/// The TOML rules for where a key or header may put things: no key twice, no table
/// defined twice, no extending inline tables or values, no mixing of header-defined
/// and dotted-key-defined tables.
extension DocumentParser {
    /// Makes a child table, enforcing the depth limit.
    func makeChild(of parent: TableBuilder, named name: String, origin: TableBuilder.Origin,
                   position: SourcePosition, keyPosition: SourcePosition) throws(TOMLError) -> TableBuilder {
        let depth = parent.depth + 1
        guard depth <= TOMLParser.maxDepth else {
            throw scanner.error("嵌套层数超过 \(TOMLParser.maxDepth) 层", at: keyPosition)
        }
        let key = KeyPart.display(name)
        let path = parent.path.isEmpty ? key : "\(parent.path).\(key)"
        return TableBuilder(origin: origin, position: position, keyPosition: keyPosition, depth: depth, path: path)
    }

    /// Finds or creates the table a `[header]` or `[[header]]` names.
    func openTable(at parts: [KeyPart], headerPosition: SourcePosition,
                   isArray: Bool) throws(TOMLError) -> TableBuilder {
        var table = root
        for (i, part) in parts.enumerated().dropLast() {
            let path = Array(parts[...i]).dottedText
            switch table[part.name] {
            case .table(let child)?:
                table = child
            case .tableArray(let array)?:
                guard let last = array.elements.last else {
                    throw scanner.error("表数组 \(path) 为空", at: part.position)
                }
                table = last
            case .value(let node)?:
                throw scanner.error(
                    "键 \(path) 已定义为\(node.value.typeName)（于 \(node.position)），不能再作为表", at: part.position)
            case nil:
                let child = try makeChild(of: table, named: part.name, origin: .implicit, position: part.position,
                                          keyPosition: part.position)
                table.insert(.table(child), for: part.name)
                table = child
            }
        }
        guard let last = parts.last else {
            throw scanner.error("缺少键", at: headerPosition)
        }
        let path = parts.dottedText
        if isArray {
            switch table[last.name] {
            case .tableArray(let array)?:
                let element = try makeChild(of: table, named: last.name, origin: .arrayElement, position: headerPosition,
                                            keyPosition: last.position)
                array.elements.append(element)
                return element
            case .table(let child)?:
                throw scanner.error("[[\(path)]] 与已定义的表 [\(path)]（于 \(child.position)）冲突", at: headerPosition)
            case .value(let node)?:
                throw scanner.error(
                    "键 \(path) 已定义为\(node.value.typeName)（于 \(node.position)），不能再作为表数组", at: headerPosition)
            case nil:
                let element = try makeChild(of: table, named: last.name, origin: .arrayElement, position: headerPosition,
                                            keyPosition: last.position)
                let array = TableArrayBuilder(position: headerPosition, keyPosition: last.position, first: element)
                table.insert(.tableArray(array), for: last.name)
                return element
            }
        }
        switch table[last.name] {
        case .table(let child)?:
            guard child.origin == .implicit else {
                throw scanner.error("表 [\(path)] 重复定义（首次定义于 \(child.position)）", at: headerPosition)
            }
            child.origin = .header
            child.position = headerPosition
            child.keyPosition = last.position
            return child
        case .tableArray(let array)?:
            throw scanner.error("[\(path)] 已定义为表数组（于 \(array.position)）", at: headerPosition)
        case .value(let node)?:
            throw scanner.error(
                "键 \(path) 已定义为\(node.value.typeName)（于 \(node.position)），不能再作为表", at: headerPosition)
        case nil:
            let child = try makeChild(of: table, named: last.name, origin: .header, position: headerPosition,
                                      keyPosition: last.position)
            table.insert(.table(child), for: last.name)
            return child
        }
    }

    /// Puts a value at a (possibly dotted) key inside `table`.
    func insert(_ value: TOMLNode, at parts: [KeyPart], into table: TableBuilder,
                section: Int) throws(TOMLError) {
        var table = table
        for (i, part) in parts.enumerated().dropLast() {
            let path = Array(parts[...i]).dottedText
            switch table[part.name] {
            case .table(let child)?:
                switch child.origin {
                case .implicit:
                    child.origin = .dotted(section: section)
                case .dotted(let s) where s == section:
                    break
                default:
                    throw scanner.error(
                        "不能用点号键扩展已定义的表 [\(child.path)]（定义于 \(child.position)）", at: part.position)
                }
                table = child
            case .tableArray(let array)?:
                throw scanner.error("不能用点号键扩展表数组 \(path)（定义于 \(array.position)）", at: part.position)
            case .value(let node)?:
                throw scanner.error(
                    "键 \(path) 已定义为\(node.value.typeName)（于 \(node.position)），不能再作为表", at: part.position)
            case nil:
                let child = try makeChild(of: table, named: part.name, origin: .dotted(section: section), position: part.position,
                                          keyPosition: part.position)
                table.insert(.table(child), for: part.name)
                table = child
            }
        }
        guard let last = parts.last else {
            throw scanner.error("缺少键", at: value.position)
        }
        if let existing = table[last.name] {
            let first: SourcePosition
            switch existing {
            case .value(let node): first = node.keyPosition ?? node.position
            case .table(let child): first = child.keyPosition ?? child.position
            case .tableArray(let array): first = array.keyPosition
            }
            throw scanner.error("键 \(parts.dottedText) 重复定义（首次定义于 \(first)）", at: last.position)
        }
        var node = value
        node.keyPosition = last.position
        table.insert(.value(node), for: last.name)
    }
}
