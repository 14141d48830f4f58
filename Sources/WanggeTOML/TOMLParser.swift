/// Reads TOML 1.0 documents, keeping the source position of every key and value.
///
/// TOMLKit (and the other TOML libraries) cannot say where a value was written, and
/// configuration errors in wangge must name `file:line:column`; hence this reader.
public enum TOMLParser {
    /// Deeper nesting than this (tables, arrays and inline tables together) is an
    /// error, so that hostile or broken input cannot exhaust the stack.
    public static let maxDepth = 64

    /// Parses a whole document into its root table.
    ///
    /// - Parameters:
    ///   - text: the document; a leading byte order mark is skipped, CRLF is accepted.
    ///   - file: the file name to put into errors, if any.
    /// - Throws: `TOMLError` with the position of the first problem. Never crashes or
    ///   hangs, whatever the input.
    public static func parse(_ text: String, file: String? = nil) throws(TOMLError) -> TOMLTable {
        var parser = DocumentParser(text: text, file: file)
        return try parser.parseDocument()
    }
}

/// The parser's state: the scanner, the root table and the table that key/value
/// lines currently go into.
struct DocumentParser {
    var scanner: TOMLScanner
    let root: TableBuilder
    var current: TableBuilder
    /// Identifies the current section (the lines under one header), because dotted keys
    /// may only extend tables that dotted keys created in the same section.
    var section = 0
    var nextSection = 1

    init(text: String, file: String?) {
        scanner = TOMLScanner(text: text, file: file)
        root = TableBuilder(origin: .header, position: .start, keyPosition: nil, depth: 0, path: "")
        current = root
    }

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        while true {
            scanner.skipWhitespace()
            guard let c = scanner.current else { break }
            if c == "#" {
                try scanner.skipComment()
            } else if scanner.consumeNewline() {
                continue
            } else if c == "[" {
                try parseHeader()
                try scanner.expectLineEnd("表头")
            } else {
                let parts = try parseKey()
                guard scanner.current == "=" else {
                    throw scanner.error(missingEquals(after: parts))
                }
                scanner.advance()
                scanner.skipWhitespace()
                let value = try parseValue(depth: current.depth + parts.count)
                try insert(value, at: parts, into: current, section: section)
                try scanner.expectLineEnd("值")
            }
        }
        return root.build()
    }

    private func missingEquals(after parts: [KeyPart]) -> String {
        if let c = scanner.current, !scanner.atNewline {
            return "键 \(parts.dottedText) 后面应为 \"=\"，实际是 \(c.tomlDescription)"
        }
        return "键 \(parts.dottedText) 后面应为 \"=\""
    }

    // MARK: Keys

    /// Parses a bare, quoted or dotted key and the whitespace after it.
    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            let start = scanner.position
            guard let c = scanner.current else {
                throw scanner.error("此处应为键，但文件已结束")
            }
            let name: String
            if c.isBareKeyCharacter {
                var text = String.UnicodeScalarView()
                while let s = scanner.current, s.isBareKeyCharacter {
                    text.append(s)
                    scanner.advance()
                }
                name = String(text)
            } else if c == "\"" || c == "'" {
                if scanner.peek(1) == c && scanner.peek(2) == c {
                    throw scanner.error("键不能使用多行字符串", at: start)
                }
                name = c == "\"" ? try parseBasicString() : try parseLiteralString()
            } else if scanner.atNewline || c == "=" || c == "]" {
                throw scanner.error(parts.isEmpty ? "缺少键" : "点号后面缺少键")
            } else {
                throw scanner.error("无效的键字符 \(c.tomlDescription)（裸键只能含字母、数字、\"_\" 和 \"-\"，其他字符请加引号）")
            }
            parts.append(KeyPart(name: name, position: start))
            scanner.skipWhitespace()
            guard scanner.current == "." else { return parts }
            scanner.advance()
            scanner.skipWhitespace()
        }
    }

    // MARK: Headers

    /// Parses `[a.b]` or `[[a.b]]` and makes the named table current.
    mutating func parseHeader() throws(TOMLError) {
        let start = scanner.position
        scanner.advance()
        let isArray = scanner.current == "["
        if isArray { scanner.advance() }
        scanner.skipWhitespace()
        let parts = try parseKey()
        guard scanner.current == "]" else {
            throw scanner.error(isArray ? "表数组头缺少 \"]]\"" : "表头缺少 \"]\"")
        }
        scanner.advance()
        if isArray {
            guard scanner.current == "]" else {
                throw scanner.error("表数组头缺少 \"]]\"")
            }
            scanner.advance()
        }
        current = try openTable(at: parts, headerPosition: start, isArray: isArray)
        section = nextSection
        nextSection += 1
    }
}
