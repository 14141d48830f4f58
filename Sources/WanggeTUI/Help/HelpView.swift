import WanggeCore

/// The `?` overlay: every key of the screen, from the same tables the screen uses.
enum HelpView {
    enum Entry {
        case section(String)
        case key(String, String, available: Bool)
        case command(String, String)
    }

    static func entries(for screen: ScreenID, state: ConsoleState) -> [Entry] {
        let s = state.context.strings
        func text(_ binding: KeyBinding) -> String { s.language == .zh ? binding.help.zh : binding.help.en }
        var entries: [Entry] = [.section(s.screenName(screen))]
        for binding in KeyBindings.table(for: screen) {
            entries.append(.key(binding.keyLabel, text(binding), available: true))
        }
        if screen == .detail {
            let available = Set(state.detail?.actions ?? [])
            entries.append(.section(s.actions))
            for (action, key) in KeyBindings.actionKeys {
                entries.append(.key(KeyBinding.label(key), s.actionName(action), available: available.contains(action)))
            }
        }
        entries.append(.section(s.helpGlobal))
        for binding in KeyBindings.global { entries.append(.key(binding.keyLabel, text(binding), available: true)) }
        entries.append(.section(s.helpCommands))
        for (usage, meaning) in s.commandDescriptions { entries.append(.command(":" + usage, meaning)) }
        return entries
    }

    /// How the entries sit on a screen of `size`: as many columns as fit without cutting
    /// a description (one at 80 columns, three at 200), scrolled when they are taller
    /// than the box.
    struct Layout: Equatable {
        var columns: Int
        var columnWidth: Int
        var rows: Int
        var perColumn: Int
        var maxScroll: Int { max(0, perColumn - rows) }
    }

    static let keyWidth = 12

    static func layout(_ entries: [Entry], size: TerminalSize) -> Layout {
        let inner = max(1, size.width - 2)
        let rows = max(1, size.height - 2 - 3)
        let widest = entries.reduce(0) { widest, entry in
            switch entry {
            case .section(let title): return max(widest, DisplayWidth.of(title) + 2)
            case let .key(_, meaning, _): return max(widest, keyWidth + 1 + DisplayWidth.of(meaning) + 2)
            case let .command(usage, meaning): return max(widest, DisplayWidth.of(usage) + 2 + DisplayWidth.of(meaning) + 2)
            }
        }
        let needed = max(1, (entries.count + rows - 1) / rows)
        let columns = max(1, min(needed, inner / max(1, widest)))
        let perColumn = (entries.count + columns - 1) / columns
        return Layout(columns: columns, columnWidth: inner / columns, rows: rows, perColumn: perColumn)
    }

    /// The scroll position after `key`, or nil when the key closes the help.
    static func scroll(after key: Key, state: ConsoleState, screen: ScreenID) -> Int? {
        let layout = layout(entries(for: screen, state: state), size: state.size)
        let page = max(1, layout.rows - 1)
        let target: Int
        switch key {
        case .down, .char("j"): target = state.helpScroll + 1
        case .up, .char("k"): target = state.helpScroll - 1
        case .pageDown, .char(" "), .ctrl("f"): target = state.helpScroll + page
        case .pageUp, .ctrl("b"): target = state.helpScroll - page
        case .home, .char("g"): target = 0
        case .end, .char("G"): target = layout.maxScroll
        default: return nil
        }
        return min(max(0, target), layout.maxScroll)
    }

    static func render(_ state: ConsoleState, screen: ScreenID, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let entries = entries(for: screen, state: state)
        let width = buffer.width
        let height = buffer.height - 2
        let rect = Rect(x: 0, y: 1, width: width, height: height)
        buffer.fill(rect, style: .normal)
        buffer.drawBox(rect, title: s.helpTitle(screen), glyphs: glyphs)
        let layout = layout(entries, size: TerminalSize(width: buffer.width, height: buffer.height))
        let scroll = min(state.helpScroll, layout.maxScroll)
        for column in 0..<layout.columns {
            for row in 0..<layout.rows {
                let index = column * layout.perColumn + scroll + row
                guard index < min(entries.count, (column + 1) * layout.perColumn) else { break }
                let x = rect.x + 2 + column * layout.columnWidth
                put(entries[index], x: x, y: rect.y + 1 + row, room: layout.columnWidth - 2, into: &buffer)
            }
        }
        var footer = s.helpClose
        if layout.maxScroll > 0 { footer = s.helpScrollHint(first: scroll + 1, last: scroll + layout.rows, total: layout.perColumn) + footer }
        buffer.put(TextFit.clip(footer, width - 4), x: rect.x + 2, y: rect.y + height - 2, maxWidth: width - 4, style: Style(.dim))
    }

    static func put(_ entry: Entry, x: Int, y: Int, room: Int, into buffer: inout ScreenBuffer) {
        switch entry {
        case .section(let title):
            buffer.put(TextFit.clip(title, room), x: x, y: y, maxWidth: room, style: Style(.header))
        case let .key(keys, meaning, available):
            let keyWidth = min(Self.keyWidth, room / 3)
            buffer.put(TextFit.pad(keys, keyWidth), x: x, y: y, maxWidth: keyWidth, style: Style(available ? .accent : .dim, .bold))
            buffer.put(TextFit.clip(meaning, room - keyWidth - 1), x: x + keyWidth + 1, y: y, maxWidth: max(0, room - keyWidth - 1),
                       style: Style(available ? .normal : .dim))
        case let .command(usage, meaning):
            // The usage first, whole when it fits; the meaning in what is left.
            let usageWidth = min(DisplayWidth.of(usage), room * 3 / 5)
            buffer.put(TextFit.clip(usage, usageWidth), x: x, y: y, maxWidth: usageWidth, style: Style(.accent, .bold))
            let rest = room - usageWidth - 2
            buffer.put(TextFit.clip(meaning, rest), x: x + usageWidth + 2, y: y, maxWidth: max(0, rest), style: Style(.normal))
        }
    }
}
