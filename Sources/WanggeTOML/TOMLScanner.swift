/// A cursor over the document's Unicode scalars.
///
/// TOML is defined on code points, so the parser reads scalars (a quote followed by a
/// combining mark must still close a string). Positions, however, are reported in
/// Characters, so each scalar's line and column are computed once up front from the
/// String's grapheme clusters.
struct TOMLScanner {
    let scalars: [Unicode.Scalar]
    /// `positions[i]` is where `scalars[i]` is; one extra entry for the end of input.
    let positions: [SourcePosition]
    let file: String?
    private(set) var index = 0

    init(text: String, file: String?) {
        self.file = file
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" {
            body = Substring(body.unicodeScalars.dropFirst())
        }
        var scalars: [Unicode.Scalar] = []
        var positions: [SourcePosition] = []
        scalars.reserveCapacity(body.unicodeScalars.count)
        positions.reserveCapacity(body.unicodeScalars.count + 1)
        var line = 1
        var column = 1
        for character in body {
            let here = SourcePosition(line: line, column: column)
            var endsLine = false
            for scalar in character.unicodeScalars {
                scalars.append(scalar)
                positions.append(here)
                if scalar == "\n" { endsLine = true }
            }
            if endsLine {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        positions.append(SourcePosition(line: line, column: column))
        self.scalars = scalars
        self.positions = positions
    }

    var isAtEnd: Bool { index >= scalars.count }

    var current: Unicode.Scalar? { peek(0) }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        let i = index + offset
        return i >= 0 && i < scalars.count ? scalars[i] : nil
    }

    var position: SourcePosition { position(at: index) }

    func position(at i: Int) -> SourcePosition {
        if i >= 0 && i < positions.count { return positions[i] }
        return positions.last ?? .start
    }

    mutating func advance(_ count: Int = 1) {
        index = min(index + count, scalars.count)
    }

    func error(_ message: String, at position: SourcePosition) -> TOMLError {
        TOMLError(file: file, position: position, message: message)
    }

    func error(_ message: String) -> TOMLError {
        error(message, at: position)
    }

    // MARK: Whitespace, newlines and comments

    mutating func skipWhitespace() {
        while let c = current, c == " " || c == "\t" { advance() }
    }

    /// Whether a newline (LF or CRLF) starts here.
    var atNewline: Bool {
        current == "\n" || (current == "\r" && peek(1) == "\n")
    }

    /// Consumes a newline if one starts here.
    @discardableResult
    mutating func consumeNewline() -> Bool {
        if current == "\n" {
            advance()
            return true
        }
        if current == "\r" && peek(1) == "\n" {
            advance(2)
            return true
        }
        return false
    }

    /// Skips a `#` comment up to (not including) the newline, rejecting control characters.
    mutating func skipComment() throws(TOMLError) {
        guard current == "#" else { return }
        advance()
        while let c = current, !atNewline {
            if c.isTOMLControl {
                throw error("注释中不允许控制字符 \(c.tomlDescription)")
            }
            advance()
        }
    }

    /// Skips whitespace, comments and newlines, as allowed between array elements.
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLError) {
        while true {
            skipWhitespace()
            if current == "#" {
                try skipComment()
            } else if !consumeNewline() {
                return
            }
        }
    }

    /// After a key/value pair or a header only whitespace, a comment and the end of the
    /// line may follow.
    mutating func expectLineEnd(_ what: String) throws(TOMLError) {
        skipWhitespace()
        try skipComment()
        guard let c = current else { return }
        if consumeNewline() { return }
        if c.isTOMLControl {
            throw error("不允许的控制字符 \(c.tomlDescription)")
        }
        throw error("\(what)后面有多余的内容 \(c.tomlDescription)")
    }
}

extension Unicode.Scalar {
    /// Control characters TOML forbids outside of escapes (tab is allowed).
    var isTOMLControl: Bool {
        (value < 0x20 && self != "\t") || value == 0x7F
    }

    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    var isBareKeyCharacter: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x2D, 0x5F: true  // - _
        default: false
        }
    }

    /// How to show the scalar inside a message: quoted if printable, `U+XXXX` otherwise.
    var tomlDescription: String {
        if isTOMLControl || properties.isWhitespace || value == 0xFEFF {
            return "U+" + hex4
        }
        return "\"\(Character(self))\""
    }

    var hex4: String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
