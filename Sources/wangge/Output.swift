import Foundation
import WanggeCore

/// Everything the command line prints for people goes through here, so that no title,
/// note, name or refusal can reach the terminal as an escape sequence, a C1 control, a
/// bidi override or an invisible character (`TextSanitizer`, the console's own rule).
enum Output {
    /// Prints `text` with every such character made visible; line breaks stay.
    static func say(_ text: String, terminator: String = "\n") {
        print(TextSanitizer.neutralise(text, singleLine: false), terminator: terminator)
    }

    /// Prints JSON whose strings keep their exact value but whose bytes are harmless on
    /// a terminal: what `TextSanitizer` would mark is written as a `\uXXXX` escape.
    static func json(_ value: JSONValue) {
        print(terminalSafe(value.serialized()))
    }

    /// `json` (compact JSON text) with every scalar that must not reach a terminal escaped.
    static func terminalSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: TextSanitizer.needsReplacement) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard TextSanitizer.needsReplacement(scalar) else { out.append(scalar); continue }
            // Outside strings JSON has only ASCII, which needs nothing: this is inside one.
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(out)
    }

    /// Prints `text` unchanged when it goes to a file or a pipe (a configuration file
    /// being saved), made harmless when it goes to a terminal.
    static func file(_ text: String) {
        if isatty(STDOUT_FILENO) == 1 { say(text, terminator: "") } else { print(text, terminator: "") }
    }
}
