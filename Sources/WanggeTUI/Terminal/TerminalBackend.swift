/// What the console needs from a terminal, and nothing more.
///
/// The console renders into a `ScreenBuffer`; a backend shows the changed runs of it, reports
/// its size and hands over key presses. Two backends exist: ncursesw (`WanggeCurses`) for
/// people and `InMemoryTerminal` for tests and benchmarks, so every screen can be exercised
/// without a terminal and without sleeping.
///
/// Backends are used from one thread (the console's main loop); they are classes because a
/// terminal is a single shared thing, not a value.
public protocol TerminalBackend: AnyObject {
    /// The terminal's current size in columns and rows.
    var size: TerminalSize { get }

    /// Shows `runs` of `buffer` (cells at the same positions). Nothing is visible until
    /// `flush()`. A continuation cell is never drawn on its own: the wide character in the
    /// cell before it covers it.
    func draw(_ runs: [ScreenDiff.Run], from buffer: ScreenBuffer)

    /// Makes everything drawn so far visible, in one write.
    func flush()

    /// The next key, waiting at most `timeoutMilliseconds` (0: do not wait, negative: wait
    /// as long as it takes). Nil when none came in time. `.resize` when the size changed.
    func readKey(timeoutMilliseconds: Int) -> Key?

    /// Hands the terminal back to the shell and stops the process (Ctrl-Z); on return
    /// (`fg`) the terminal is the console's again and the screen is restored.
    func suspend()

    /// Restores the terminal to how it was before the console started. Safe to call twice.
    func shutdown()

    /// Paints roles with `palette` where the terminal has colours and with `monochrome`
    /// where it has none (or `NO_COLOR` is set). The next frame should be sent in full.
    func setPalette(_ palette: Palette, monochrome: Palette)
}

extension TerminalBackend {
    /// Backends without colours ignore palettes.
    public func setPalette(_ palette: Palette, monochrome: Palette) {}
}
