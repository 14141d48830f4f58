import WanggeApp
import WanggeCore
import WanggeTUI

/// A console on an in-memory terminal over a fixture database: tests type keys, the
/// console runs them at once (nothing sleeps) and the screen is read back.
public final class ConsoleHarness {
    public let terminal: InMemoryTerminal
    public let runtime: ConsoleRuntime<InMemoryTerminal>
    public let workspace: Workspace

    /// A console for `person` (the fixture's supervisor by default) at `width` × `height`;
    /// with `securityLog`, its refusals are recorded as the real console's are.
    public init(
        fixture: DemoFixture, width: Int = 80, height: Int = 24, person: Person? = nil, language: Language = .zh,
        workspace: Workspace? = nil, theme: Theme? = nil, engine: ConsoleEngine? = nil, securityLog: SecurityLogger? = nil
    ) {
        let workspace = workspace ?? fixture.workspace
        let person = person ?? fixture.supervisor
        self.workspace = workspace
        terminal = InMemoryTerminal(width: width, height: height)
        let context = ConsoleContext(domain: workspace.context, person: person, language: language,
                                     themeNames: ThemeCatalog.builtIn.names)
        let now = fixture.now
        let chosen = theme ?? ThemeCatalog.builtIn.load("dark").theme
        runtime = ConsoleRuntime(
            backend: terminal, data: WorkspaceConsoleData(workspace: workspace, person: person, securityLog: securityLog), context: context,
            theme: chosen, clock: { now }, engine: engine)
        runtime.start()
        runtime.runPending()
    }

    /// Presses keys, then lets the console catch up and draw.
    public func press(_ keys: Key...) {
        for key in keys { terminal.enqueue(key) }
        runtime.runPending()
    }

    /// Types text (each character a key), then lets the console catch up.
    public func type(_ text: String) {
        terminal.type(text)
        runtime.runPending()
    }

    /// Lets the console notice changes made elsewhere and redraw.
    public func idle() {
        runtime.runPending()
    }

    /// Changes the terminal's size, as a window resize.
    public func resize(width: Int, height: Int) {
        terminal.resize(width: width, height: height)
        runtime.runPending()
    }

    /// The screen as text, one string per row.
    public var lines: [String] { terminal.screen.textLines() }

    /// The whole screen as one string.
    public var text: String { lines.joined(separator: "\n") }

    /// Text and style layers, as golden snapshots store them.
    public var snapshot: String { Snapshot.render(terminal.screen) }
}
