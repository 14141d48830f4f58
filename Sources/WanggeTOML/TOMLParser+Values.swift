/// Values: strings, arrays and inline tables here; numbers, booleans and dates are
/// read as a bare token and classified by `TOMLScalars`.
extension DocumentParser {
    /// Parses the value starting at the cursor. `depth` is its nesting level, checked
    /// against `TOMLParser.maxDepth` for arrays and inline tables.
    mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLNode {
        let start = scanner.position
        guard let c = scanner.current, !scanner.atNewline, c != "#" else {
            throw scanner.error("缺少值")
        }
        let value: TOMLValue
        switch c {
        case "\"":
            if scanner.peek(1) == "\"" && scanner.peek(2) == "\"" {
                value = .string(try parseMultilineString(quote: "\""))
            } else {
                value = .string(try parseBasicString())
            }
        case "'":
            if scanner.peek(1) == "'" && scanner.peek(2) == "'" {
                value = .string(try parseMultilineString(quote: "'"))
            } else {
                value = .string(try parseLiteralString())
            }
        case "[":
            value = try parseArray(depth: depth)
        case "{":
            value = try parseInlineTable(depth: depth)
        default:
            value = try parseBareValue()
        }
        return TOMLNode(value: value, position: start)
    }

    private func checkDepth(_ depth: Int) throws(TOMLError) {
        guard depth <= TOMLParser.maxDepth else {
            throw scanner.error("嵌套层数超过 \(TOMLParser.maxDepth) 层")
        }
    }

    /// `[ 1, 2, ]`: may span lines, hold comments and end with a comma.
    private mutating func parseArray(depth: Int) throws(TOMLError) -> TOMLValue {
        try checkDepth(depth)
        let start = scanner.position
        scanner.advance()
        var elements: [TOMLNode] = []
        while true {
            try scanner.skipWhitespaceCommentsAndNewlines()
            guard let c = scanner.current else {
                throw scanner.error("数组没有结束，缺少 \"]\"", at: start)
            }
            if c == "]" {
                scanner.advance()
                return .array(elements)
            }
            elements.append(try parseValue(depth: depth + 1))
            try scanner.skipWhitespaceCommentsAndNewlines()
            guard let next = scanner.current else {
                throw scanner.error("数组没有结束，缺少 \"]\"", at: start)
            }
            if next == "," {
                scanner.advance()
            } else if next == "]" {
                scanner.advance()
                return .array(elements)
            } else {
                throw scanner.error("数组元素之间应为 \",\" 或 \"]\"，实际是 \(next.tomlDescription)")
            }
        }
    }

    /// `{ a = 1, b.c = 2 }`: one line, no trailing comma, closed once written.
    private mutating func parseInlineTable(depth: Int) throws(TOMLError) -> TOMLValue {
        try checkDepth(depth)
        let start = scanner.position
        scanner.advance()
        let table = TableBuilder(origin: .inline, position: start, keyPosition: nil, depth: depth, path: "")
        let ownSection = nextSection
        nextSection += 1
        scanner.skipWhitespace()
        if scanner.current == "}" {
            scanner.advance()
            return .table(table.build())
        }
        while true {
            scanner.skipWhitespace()
            try rejectInlineEnd(start: start)
            if scanner.current == "}" {
                throw scanner.error("内联表不允许尾随逗号")
            }
            let parts = try parseKey()
            try rejectInlineEnd(start: start)
            guard scanner.current == "=" else {
                throw scanner.error("键 \(parts.dottedText) 后面应为 \"=\"")
            }
            scanner.advance()
            scanner.skipWhitespace()
            try rejectInlineEnd(start: start)
            let value = try parseValue(depth: depth + parts.count)
            try insert(value, at: parts, into: table, section: ownSection)
            scanner.skipWhitespace()
            try rejectInlineEnd(start: start)
            if scanner.current == "," {
                scanner.advance()
            } else if scanner.current == "}" {
                scanner.advance()
                return .table(table.build())
            } else {
                let what = scanner.current.map(\.tomlDescription) ?? ""
                throw scanner.error("内联表中应为 \",\" 或 \"}\"，实际是 \(what)")
            }
        }
    }

    /// Inline tables must close on the line they open (TOML 1.0).
    private func rejectInlineEnd(start: SourcePosition) throws(TOMLError) {
        if scanner.isAtEnd {
            throw scanner.error("内联表没有结束，缺少 \"}\"", at: start)
        }
        if scanner.atNewline || scanner.current == "#" {
            throw scanner.error("内联表必须写在一行内")
        }
    }

    /// Reads a number, boolean or date as one token. A date and time separated by a
    /// space (`1979-05-27 07:32:00`) is read as one token.
    private mutating func parseBareValue() throws(TOMLError) -> TOMLValue {
        let start = scanner.position
        var token = readToken()
        if TOMLScalars.isFullDate(token), scanner.current == " ",
           scanner.peek(1)?.isASCIIDigit == true, scanner.peek(2)?.isASCIIDigit == true, scanner.peek(3) == ":" {
            scanner.advance()
            token += " " + readToken()
        }
        guard !token.isEmpty else {
            let c = scanner.current.map(\.tomlDescription) ?? ""
            throw scanner.error("无效的值 \(c)（字符串需要加引号）")
        }
        switch TOMLScalars.classify(token) {
        case .success(let value):
            return value
        case .failure(let problem):
            throw scanner.error(problem.message, at: start)
        }
    }

    private mutating func readToken() -> String {
        var text = String.UnicodeScalarView()
        while let s = scanner.current, s.isBareKeyCharacter || s == "+" || s == "." || s == ":" {
            text.append(s)
            scanner.advance()
        }
        return String(text)
    }
}
