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

    static func render(_ state: ConsoleState, screen: ScreenID, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let entries = entries(for: screen, state: state)
        let width = buffer.width
        let height = buffer.height - 2
        let rect = Rect(x: 0, y: 1, width: width, height: height)
        buffer.fill(rect, style: .normal)
        buffer.drawBox(rect, title: s.helpTitle(screen), glyphs: glyphs)
        let rows = height - 3
        let columns = max(1, (entries.count + rows - 1) / rows)
        let columnWidth = (width - 2) / columns
        for (index, entry) in entries.enumerated() {
            let column = index / rows, row = index % rows
            let x = rect.x + 2 + column * columnWidth
            let y = rect.y + 1 + row
            let room = columnWidth - 2
            switch entry {
            case .section(let title):
                buffer.put(TextFit.clip(title, room), x: x, y: y, maxWidth: room, style: Style(.header))
            case let .key(keys, meaning, available):
                let keyWidth = min(12, room / 3)
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
        buffer.put(TextFit.clip(s.helpClose, width - 4), x: rect.x + 2, y: rect.y + height - 2, maxWidth: width - 4, style: Style(.dim))
    }
}
