import WanggeApp
import WanggeCore

/// The routine work log from the console's command line:
/// `:routine 0103 走访 安全隐患:楼道堆放杂物 诉求:希望加装扶手` records a patrol or visit,
/// `:routine-report 12-1 1101` makes a finding a case.
enum CommandLineRoutine {
    /// `GRID [patrol|visit|巡查|走访] ITEM:TEXT…`; words without a colon continue the
    /// finding before them (or, before any, are the note).
    static func record(_ words: [String], _ state: inout ConsoleState) -> [ConsoleEffect] {
        let s = state.context.strings
        guard let first = words.first else { return CommandLineUpdate.usage("routine 网格 [巡查|走访] 问题项:内容…", &state) }
        guard let grid = QueueFilter.gridCode(first, state.context.organisation) else {
            state.status = StatusMessage(s.unknownGrid(first), .error)
            return []
        }
        var rest = Array(words.dropFirst())
        var kind = RoutineKind.patrol
        if let word = rest.first, let k = RoutineKind(rawValue: word) ?? RoutineKind.allCases.first(where: { $0.chineseName == word }) {
            kind = k
            rest.removeFirst()
        }
        var found: [(item: RoutineItem, text: String)] = []
        var note: [String] = []
        for word in rest {
            if let colon = word.firstIndex(where: { $0 == ":" || $0 == "：" }) {
                guard let item = RoutineItem(typed: String(word[..<colon])) else {
                    state.status = StatusMessage(s.unknownRoutineItem(String(word[..<colon])), .error)
                    return []
                }
                found.append((item, String(word[word.index(after: colon)...])))
            } else if let last = found.indices.last {
                found[last].text += " " + word
            } else {
                note.append(word)
            }
        }
        let entry = RoutineEntry(worker: state.context.person.login, grid: grid, building: nil, kind: kind, at: state.now,
                                 note: note.joined(separator: " "), found: found)
        return [.recordRoutine(entry)]
    }

    /// `ENTRY-N CATEGORY`.
    static func report(_ words: [String], _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard words.count == 2, let ref = RoutineEntry.parseReference(words[0]) else {
            return CommandLineUpdate.usage("routine-report 日志号-发现号 分类编码", &state)
        }
        return [.reportRoutineFinding(entry: ref.entry, finding: ref.finding, category: words[1])]
    }
}
