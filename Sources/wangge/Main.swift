/// Entry point: lets the global options stand before the subcommand
/// (`wangge --db x.sqlite case list`) as well as after it.
@main
enum Main {
    static func main() {
        WanggeCommand.main(GlobalArgumentHoist.hoist(Array(CommandLine.arguments.dropFirst())))
    }
}

/// Moves leading `--db`, `--as` and `--now` options behind the subcommand path, where
/// swift-argument-parser expects a subcommand's options.
enum GlobalArgumentHoist {
    static let optionsWithValue: Set<String> = ["--db", "--as", "--now"]

    static func hoist(_ arguments: [String]) -> [String] {
        var globals: [String] = []
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            if optionsWithValue.contains(arg), i + 1 < arguments.count {
                globals += [arg, arguments[i + 1]]
                i += 2
            } else if let eq = arg.firstIndex(of: "="), optionsWithValue.contains(String(arg[..<eq])) {
                globals.append(arg)
                i += 1
            } else {
                break
            }
        }
        guard !globals.isEmpty else { return arguments }
        var rest = Array(arguments[i...])
        // The subcommand path: leading words that are not options.
        var pathEnd = 0
        while pathEnd < rest.count, !rest[pathEnd].hasPrefix("-"), pathEnd < 2, isCommandWord(rest, pathEnd) { pathEnd += 1 }
        rest.insert(contentsOf: globals, at: pathEnd)
        return rest
    }

    /// `case list CODE`, `import csv FILE`, `routine add`, `meeting decide`: only the
    /// command groups take a nested subcommand; anything after the first word of another
    /// command is an argument.
    static let groups: Set<String> = ["case", "import", "export", "rules", "operator", "routine", "meeting"]

    static func isCommandWord(_ words: [String], _ index: Int) -> Bool {
        index == 0 || (index == 1 && groups.contains(words[0]))
    }
}
