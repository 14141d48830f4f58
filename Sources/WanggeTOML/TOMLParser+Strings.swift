/// The four TOML string forms: basic `"…"` with escapes, literal `'…'` without,
/// and their multi-line `"""…"""` / `'''…'''` variants.
extension DocumentParser {
    /// `"…"` on one line, with escapes.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = scanner.position
        scanner.advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let c = scanner.current, !scanner.atNewline else {
                throw scanner.error("字符串没有结束，缺少 \"\\\"\"", at: start)
            }
            if c == "\"" {
                scanner.advance()
                return String(text)
            }
            if c == "\\" {
                try parseEscape(into: &text, stringStart: start, multiline: false)
                continue
            }
            if c.isTOMLControl {
                throw scanner.error("字符串中不允许控制字符 \(c.tomlDescription)")
            }
            text.append(c)
            scanner.advance()
        }
    }

    /// `'…'` on one line, taken as written.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = scanner.position
        scanner.advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let c = scanner.current, !scanner.atNewline else {
                throw scanner.error("字符串没有结束，缺少 \"'\"", at: start)
            }
            if c == "'" {
                scanner.advance()
                return String(text)
            }
            if c.isTOMLControl {
                throw scanner.error("字符串中不允许控制字符 \(c.tomlDescription)")
            }
            text.append(c)
            scanner.advance()
        }
    }

    /// `"""…"""` (with escapes and line-ending backslashes) or `'''…'''`.
    /// A newline right after the opening quotes is dropped; CRLF becomes LF; up to two
    /// quotes may directly precede the closing three.
    mutating func parseMultilineString(quote: Unicode.Scalar) throws(TOMLError) -> String {
        let start = scanner.position
        let isBasic = quote == "\""
        scanner.advance(3)
        scanner.consumeNewline()
        var text = String.UnicodeScalarView()
        while true {
            guard let c = scanner.current else {
                let delimiter = String(repeating: Character(quote), count: 3)
                throw scanner.error("多行字符串没有结束，缺少 \(delimiter)", at: start)
            }
            if c == quote {
                var run = 0
                while scanner.peek(run) == quote { run += 1 }
                if run >= 3 {
                    guard run <= 5 else {
                        throw scanner.error("多行字符串结尾的引号过多", at: scanner.position(at: scanner.index + 5))
                    }
                    for _ in 0..<(run - 3) { text.append(quote) }
                    scanner.advance(run)
                    return String(text)
                }
                for _ in 0..<run { text.append(quote) }
                scanner.advance(run)
                continue
            }
            if scanner.consumeNewline() {
                text.append("\n")
                continue
            }
            if isBasic && c == "\\" {
                try parseEscape(into: &text, stringStart: start, multiline: true)
                continue
            }
            if c.isTOMLControl {
                throw scanner.error("字符串中不允许控制字符 \(c.tomlDescription)")
            }
            text.append(c)
            scanner.advance()
        }
    }

    /// One escape sequence, the cursor on the backslash.
    private mutating func parseEscape(into text: inout String.UnicodeScalarView, stringStart: SourcePosition,
                                      multiline: Bool) throws(TOMLError) {
        let escapeStart = scanner.position
        scanner.advance()
        guard let e = scanner.current else {
            throw scanner.error("字符串没有结束", at: stringStart)
        }
        switch e {
        case "b": text.append("\u{8}")
        case "t": text.append("\t")
        case "n": text.append("\n")
        case "f": text.append("\u{C}")
        case "r": text.append("\r")
        case "\"": text.append("\"")
        case "\\": text.append("\\")
        case "u", "U":
            text.append(try parseUnicodeEscape(digits: e == "u" ? 4 : 8, start: escapeStart))
            return
        case " ", "\t", "\n", "\r":
            guard multiline else { throw invalidEscape(e, at: escapeStart) }
            try skipLineContinuation(escapeStart: escapeStart)
            return
        default:
            throw invalidEscape(e, at: escapeStart)
        }
        scanner.advance()
    }

    private func invalidEscape(_ e: Unicode.Scalar, at position: SourcePosition) -> TOMLError {
        let shown = e.isTOMLControl || e.properties.isWhitespace ? "\\ 后跟 \(e.tomlDescription)" : "\"\\\(Character(e))\""
        return scanner.error("无效的转义序列 \(shown)", at: position)
    }

    /// `\` at the end of a line in a multi-line basic string: drop it, the newline and
    /// all whitespace and newlines that follow.
    private mutating func skipLineContinuation(escapeStart: SourcePosition) throws(TOMLError) {
        scanner.skipWhitespace()
        guard scanner.consumeNewline() else {
            throw scanner.error("无效的转义序列：行尾反斜杠后面只能有空白", at: escapeStart)
        }
        while true {
            scanner.skipWhitespace()
            if !scanner.consumeNewline() { return }
        }
    }

    /// `\uXXXX` or `\UXXXXXXXX`, the cursor on the `u`/`U`.
    private mutating func parseUnicodeEscape(digits: Int, start: SourcePosition) throws(TOMLError) -> Unicode.Scalar {
        let letter = scanner.current.map { String(Character($0)) } ?? "u"
        scanner.advance()
        var value: UInt32 = 0
        var written = ""
        for _ in 0..<digits {
            guard let c = scanner.current, let digit = hexValue(c) else {
                throw scanner.error("无效的 Unicode 转义 \"\\\(letter)\(written)\"：应有 \(digits) 位十六进制数字", at: start)
            }
            written.unicodeScalars.append(c)
            value = value << 4 | digit
            scanner.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw scanner.error("Unicode 转义 \"\\\(letter)\(written)\" 不是有效的 Unicode 标量值", at: start)
        }
        return scalar
    }

    private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: c.value - 0x30
        case 0x41...0x46: c.value - 0x41 + 10
        case 0x61...0x66: c.value - 0x61 + 10
        default: nil
        }
    }
}
