import WanggeApp
import WanggeCore

/// The console's one view: `render(state, theme, into: &buffer)`.
///
/// Draws the whole frame from the state every time (the frame driver sends only what
/// changed): the title bar, the current screen, the status bar, and over them the help,
/// an action form or the command line.
public enum ConsoleView {
    public static func render(_ state: ConsoleState, theme: Theme, into buffer: inout ScreenBuffer) {
        let body = Rect(x: 0, y: 1, width: buffer.width, height: max(0, buffer.height - 2))
        titleBar(state, into: &buffer)
        switch state.screen {
        case .queue: QueueView.render(state, in: body, glyphs: theme.glyphs, into: &buffer)
        case .detail: DetailView.render(state, in: body, glyphs: theme.glyphs, into: &buffer)
        case .map: MapView.render(state, in: body, glyphs: theme.glyphs, into: &buffer)
        case .board: BoardView.render(state, in: body, glyphs: theme.glyphs, into: &buffer)
        case .overdue: OverdueView.render(state, in: body, glyphs: theme.glyphs, into: &buffer)
        case .stats: StatsView.render(state, in: body, into: &buffer)
        case .help: break
        }
        statusBar(state, into: &buffer)
        if let screen = state.helpFor {
            HelpView.render(state, screen: screen, glyphs: theme.glyphs, into: &buffer)
        }
        if let form = state.form {
            FormView.render(form, state: state, glyphs: theme.glyphs, into: &buffer)
        }
        if let line = state.commandLine {
            CommandLineView.render(line, state: state, glyphs: theme.glyphs, into: &buffer)
        }
    }

    /// Row 0: product, screen, operator, time and new arrivals.
    static func titleBar(_ state: ConsoleState, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let bar = Style(.statusBar)
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: 1), style: bar)
        var x = buffer.put(" " + s.appName + " ", x: 0, y: 0, style: Style(.statusBar, .bold))
        x += buffer.put("｜" + s.screenName(state.screen), x: x, y: 0, style: bar)
        let engine = state.engine.map { s.engineMark($0) + "  " } ?? ""
        let rest = engine + s.operatorLine(state.context.person) + "  " + CaseText.full(state.now, state.context.calendar) + " "
        let badge = state.newCaseIDs.isEmpty ? "" : " " + s.newArrivals(state.newCaseIDs.count) + " "
        let total = DisplayWidth.of(badge) + (badge.isEmpty ? 0 : 1) + DisplayWidth.of(rest)
        var rx = max(x + 1, buffer.width - total)
        if !badge.isEmpty {
            rx += buffer.put(badge, x: rx, y: 0, maxWidth: max(0, buffer.width - rx), style: Style(.newCase, .reverse))
            rx += 1
        }
        buffer.put(rest, x: rx, y: 0, maxWidth: max(0, buffer.width - rx), style: bar)
    }

    /// The last row: the latest message, or the keys to remember.
    static func statusBar(_ state: ConsoleState, into buffer: inout ScreenBuffer) {
        let y = buffer.height - 1
        guard y > 0 else { return }
        let style: Style
        let text: String
        if let status = state.status {
            style = Style(status.kind == .error ? .error : .statusBar)
            text = " " + status.text
        } else if let warning = state.integrityWarning {
            style = Style(.error, .bold)
            text = " " + warning
        } else {
            style = Style(.statusBar)
            text = " " + state.context.strings.keysHint
        }
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: style)
        buffer.put(TextFit.clip(text, buffer.width), x: 0, y: y, maxWidth: buffer.width, style: style)
    }
}
