import Testing
@testable import WanggeTOML

/// Shorthand for a position in expectations.
func at(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

/// The error a document produces, or `nil` if it parses.
func parseError(_ text: String, file: String? = nil) -> TOMLError? {
    do {
        _ = try TOMLParser.parse(text, file: file)
        return nil
    } catch {
        return error
    }
}

/// Follows a dotted path of plain keys (no quoting) from a table.
func node(_ table: TOMLTable, _ path: String) -> TOMLNode? {
    var parts = path.split(separator: ".").map(String.init)
    guard !parts.isEmpty else { return nil }
    let last = parts.removeLast()
    var current = table
    for part in parts {
        guard case .table(let next)? = current[part]?.value else { return nil }
        current = next
    }
    return current[last]
}

func value(_ table: TOMLTable, _ path: String) -> TOMLValue? {
    node(table, path)?.value
}

/// Writes a table back as TOML (inline form), so that documents can be compared
/// without their positions: parse → write → parse → write must be a fixed point.
enum TestWriter {
    static func document(_ table: TOMLTable) -> String {
        table.entries.map { "\(key($0.key)) = \(value($0.node.value))\n" }.joined()
    }

    static func key(_ k: String) -> String { string(k) }

    static func value(_ v: TOMLValue) -> String {
        switch v {
        case .string(let s): return string(s)
        case .integer(let i): return String(i)
        case .float(let d):
            if d.isNaN { return "nan" }
            if d.isInfinite { return d < 0 ? "-inf" : "inf" }
            return "\(d)"
        case .boolean(let b): return b ? "true" : "false"
        case .dateTime(let s): return s
        case .array(let nodes): return "[" + nodes.map { value($0.value) }.joined(separator: ", ") + "]"
        case .table(let t): return "{" + t.entries.map { "\(key($0.key)) = \(value($0.node.value))" }.joined(separator: ", ") + "}"
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + scalar.hex4
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
