import WanggeApp
import WanggeCore

/// Draws the case screen: fields, the time-limit bar, summons and duplicates, the whole
/// timeline (scrollable) and the keys of the actions the operator may take.
enum DetailView {
    static func render(_ state: ConsoleState, in area: Rect, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        guard let detail = state.detail else { return }
        guard let current = detail.state else {
            buffer.put(" " + detail.code + "  " + s.loading, x: 0, y: area.y, maxWidth: area.width, style: Style(.dim))
            return
        }
        let width = area.width
        let fields = fieldLines(current, detail: detail, state: state, width: width - 2)
        let actions = actionLines(detail.actions, state: state, width: width - 2)
        var y = area.y
        let bottom = area.y + area.height
        // Title: code and the whole title, wrapped onto a second line when long.
        let titleWidth = width - 2 - DisplayWidth.of(current.code) - 2
        let titleLines = TextFit.wrap(current.title, max(10, titleWidth), maxLines: 2)
        buffer.put(current.code, x: 1, y: y, style: Style(.title, .bold))
        for (index, line) in titleLines.enumerated() {
            buffer.put(line, x: 1 + DisplayWidth.of(current.code) + 2, y: y + index, maxWidth: max(0, titleWidth), style: Style(.title))
        }
        y += titleLines.count
        for line in fields where y < bottom {
            var x = 1
            for (text, style) in line {
                x += buffer.put(text, x: x, y: y, maxWidth: max(0, width - 1 - x), style: style)
            }
            y += 1
        }
        // Timeline between the fields and the actions.
        let actionTop = bottom - actions.count - 1
        if y < actionTop {
            rule(s.timeline + " (\(detail.events.count))", y: y, width: width, glyphs: glyphs, into: &buffer)
            y += 1
            let rows = actionTop - y
            let lines = timelineLines(detail.events, state: state, width: width - 2)
            let first = min(detail.scroll, max(0, lines.count - rows))
            for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
                var x = 1
                for (text, style) in line {
                    x += buffer.put(text, x: x, y: y + offset, maxWidth: max(0, width - 1 - x), style: style)
                }
            }
        }
        if actionTop >= area.y {
            rule(s.actions, y: actionTop, width: width, glyphs: glyphs, into: &buffer)
            for (offset, line) in actions.enumerated() where actionTop + 1 + offset < bottom {
                var x = 1
                for (text, style) in line {
                    x += buffer.put(text, x: x, y: actionTop + 1 + offset, maxWidth: max(0, width - 1 - x), style: style)
                }
            }
        }
    }

    typealias Line = [(String, Style)]

    static func rule(_ title: String, y: Int, width: Int, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        buffer.put(String(repeating: String(glyphs.horizontal), count: max(0, width)), x: 0, y: y, style: Style(.border))
        buffer.put(" " + title + " ", x: 2, y: y, maxWidth: max(0, width - 4), style: Style(.header))
    }

    static func fieldLines(_ c: CaseState, detail: DetailState, state: ConsoleState, width: Int) -> [Line] {
        let s = state.context.strings
        let org = state.context.organisation
        let cal = state.context.calendar
        let label = Style(.dim)
        let value = Style(.normal)
        var lines: [Line] = []
        lines.append([
            (s.fieldState + " ", label), (s.statusName(c.status), Style(.accent, .bold)), ("   " + s.fieldLevel + " ", label),
            (s.levelName(c.level), Style(c.level.role, .bold)), ("   " + s.fieldSeverity + " ", label),
            (s.severityName(c.severity), c.severity > .normal ? Style(.warning) : value), ("   " + s.fieldVersion + " ", label),
            ("\(c.version)", value),
        ])
        let grid = org.grid(c.grid)
        let gridStyle = grid?.kind.isExclusive == true ? Style(.exclusiveGrid) : value
        lines.append([
            (s.fieldCategory + " ", label), (state.context.catalog.pathName(c.category) + "（\(c.category)）", value),
            ("   " + s.fieldGrid + " ", label), ((grid?.name ?? c.grid) + "（\(c.grid)）", gridStyle),
            ("   " + s.fieldCommunity + " ", label), (grid.flatMap { org.community($0.community)?.name } ?? "-", value),
        ])
        lines.append([
            (s.fieldSource + " ", label), (s.sourceName(c.source) + (c.sourceRef.map { "（\($0)）" } ?? ""), value),
            ("   " + s.fieldReported + " ", label), (org.displayName(ofLogin: c.reporter) + " " + CaseText.full(c.reportedAt, cal), value),
        ])
        var handler: Line = [(s.fieldHandler + " ", label), (c.handler.map { org.displayName(of: $0) } ?? "-", value)]
        if let at = c.dispatchedAt { handler.append(("  " + CaseText.full(at, cal), label)) }
        lines.append(handler)
        if let clock = c.clock, let due = c.dueAt {
            let left = TimeLeft.of(c, calendar: cal, now: state.now)
            var limit: Line = [
                (s.fieldLimit + " ", label), (s.limitText(clock.limit), value), ("   " + s.fieldDue + " ", label),
                (CaseText.full(due, cal), value),
            ]
            if let left { limit.append(("   " + left.text(s), Style(left.role, .bold))) }
            lines.append(limit)
            let used = bar(c, cal, state.now, width: max(10, min(40, width - 12)))
            lines.append([("     ", label), (used.text, Style(left?.role ?? .dim))])
        }
        if let until = c.suspendedUntil, c.isSuspended(at: state.now) {
            lines.append([(s.fieldSuspended + " ", label), (CaseText.full(until, cal), Style(.warning))])
        }
        if let pending = c.pendingExtension {
            lines.append([(s.fieldPendingExtension + " ", label), (pending, Style(.warning))])
        }
        for summons in c.summons {
            let name = org.unit(summons.unit)?.name ?? summons.unit
            let late = summons.reportedInAt == nil && state.now > summons.dueAt
            lines.append([
                (s.fieldSummons + " ", label),
                (s.summonState(name, reportedAt: summons.reportedInAt.map { CaseText.short($0, cal) },
                               due: CaseText.short(summons.dueAt, cal), late: late), late ? Style(.overdue) : Style(.levelDepartment)),
            ])
        }
        if let primary = c.duplicateOf { lines.append([(s.fieldDuplicateOf + " ", label), (primary, Style(.accent))]) }
        if !detail.duplicates.isEmpty {
            lines.append([(s.fieldDuplicates + " ", label), (detail.duplicates.joined(separator: "  "), Style(.accent))])
        }
        if !c.description.isEmpty {
            for (index, text) in TextFit.wrap(c.description, width - 6, maxLines: 2).enumerated() {
                lines.append([(index == 0 ? s.fieldDescription + " " : "     ", label), (text, value)])
            }
        }
        return lines
    }

    /// "[#######.....] 60%": the share of the stage's limit used, in the case's own clock.
    /// ASCII, as the block characters are ambiguous-width.
    static func bar(_ c: CaseState, _ cal: WorkCalendar, _ now: Instant, width: Int) -> (text: String, share: Int) {
        guard let clock = c.clock else { return ("", 0) }
        let total = max(1, cal.totalSeconds(clock.limit, extensions: clock.extensions))
        let used = cal.used(start: clock.start, at: now, clock: clock.limit.clock, suspensions: clock.suspensions)
        let share = Int(min(999, max(0, used * 100 / total)))
        let filled = min(width, share * width / 100)
        return ("[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(share)%", share)
    }

    static func timelineLines(_ events: [CaseEvent], state: ConsoleState, width: Int) -> [Line] {
        let org = state.context.organisation
        let cal = state.context.calendar
        var lines: [Line] = []
        let workspaceText = EventText(context: state.context)
        for event in events {
            let who = org.displayName(ofLogin: event.actor)
            let prefix = CaseText.full(event.at, cal) + "  " + TextFit.pad(who, 8) + "  "
            let role: Style.Role = switch event.body.kind {
            case .escalated, .supervised: .warning
            case .sentBack, .verificationFailed, .declined: .overdue
            case .closed, .verificationPassed, .archived: .ok
            case .summoned, .reportedIn: .levelDepartment
            default: .normal
            }
            let text = workspaceText.detail(event)
            let room = max(10, width - DisplayWidth.of(prefix))
            for (index, part) in TextFit.wrap(text, room, maxLines: 3).enumerated() {
                lines.append([(index == 0 ? prefix : String(repeating: " ", count: DisplayWidth.of(prefix)), Style(.dim)),
                              (part, Style(role))])
            }
        }
        return lines
    }

    static func actionLines(_ actions: [Action], state: ConsoleState, width: Int) -> [Line] {
        let s = state.context.strings
        guard !actions.isEmpty else { return [[(s.noActions, Style(.dim))]] }
        var lines: [Line] = []
        var line: Line = []
        var used = 0
        for action in actions {
            guard let key = KeyBindings.actionKeys.first(where: { $0.0 == action })?.1 else { continue }
            let keyText = KeyBinding.label(key)
            let name = s.actionName(action)
            let cost = DisplayWidth.of(keyText) + 1 + DisplayWidth.of(name) + 3
            if used + cost > width && !line.isEmpty {
                lines.append(line)
                line = []
                used = 0
            }
            line.append((keyText, Style(.accent, .bold)))
            line.append((" " + name + "   ", Style(.normal)))
            used += cost
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

/// Timeline sentences: the same words as `wangge case show` (`CaseText.eventDetail`),
/// or their English version under `--lang en`.
struct EventText {
    let context: ConsoleContext

    func detail(_ event: CaseEvent) -> String {
        if context.strings.language == .en {
            return EventSentencesEnglish(strings: context.strings, context: context).sentence(event)
        }
        return CaseText.eventDetail(event, organisation: context.organisation, catalog: context.catalog, calendar: context.calendar)
    }
}
