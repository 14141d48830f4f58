@preconcurrency import CNCurses
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import WanggeTUI

/// The ncursesw backend: the real terminal behind the console.
///
/// It owns everything that touches the terminal: the locale check, curses modes (raw, no
/// echo, keypad, hidden cursor), colours and `NO_COLOR`, drawing changed runs with wide
/// characters, reading keys (UTF-8, resize, ESC vs Alt), Ctrl-Z, termination signals and
/// putting the terminal back on the way out. Use one per process, from one thread.
public final class CursesTerminal: TerminalBackend {
    /// Why the terminal could not be started.
    public enum StartError: Error, Hashable, Sendable {
        /// Standard input or output is not a terminal (piped, redirected, cron).
        case notATerminal
        /// ncursesw does not know the terminal (`TERM` unset or unknown).
        case unknownTerminal(String)
    }

    /// What was done about the locale; show `localeOutcome.notice` to the operator.
    public let localeOutcome: LocaleOutcome
    /// The colours in use.
    public let colorSupport: ColorSupport
    /// Called with the signal number before the process exits on SIGINT, SIGTERM or SIGHUP
    /// (after the terminal is restored), for the console's own cleanup.
    public var willExitOnSignal: ((Int32) -> Void)?

    private let screen: OpaquePointer
    private var colors: CursesColors
    private var signals = TerminalSignals()
    private var isShutDown = false
    private var instantErrors = 0

    /// Starts curses on the process's terminal.
    ///
    /// - Parameter noColor: force colours off; by default they are off when the `NO_COLOR`
    ///   environment variable is set and not empty (https://no-color.org).
    public init(noColor: Bool? = nil) throws(StartError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        localeOutcome = LocaleSetup.ensureUTF8()
        signals.install()
        guard let screen = newterm(nil, stdout, stdin) else {
            signals.remove()
            let name = getenv("TERM").map { String(cString: $0) } ?? ""
            throw .unknownTerminal(name)
        }
        self.screen = screen
        _ = set_term(screen)
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(stdscr, true)
        _ = intrflush(stdscr, false)
        _ = curs_set(0)
        if getenv("ESCDELAY") == nil { _ = set_escdelay(25) }

        let noColorRequested = noColor ?? Self.noColorRequested()
        colorSupport = CursesColors.start(noColorRequested: noColorRequested)
        colors = CursesColors(support: colorSupport)
        colors.apply(.standard, monochrome: .monochrome)
        signals.prepareEmergencyReset(Self.resetSequence())
        _ = wclear(stdscr)
        _ = wrefresh(stdscr)
    }

    deinit {
        shutdown()
    }

    /// Colours and attributes for each role: `palette` when the terminal shows colours,
    /// `monochrome` when it does not (or `NO_COLOR`). Redraw the screen afterwards.
    public func setPalette(_ palette: Palette, monochrome: Palette = .monochrome) {
        colors.apply(palette, monochrome: monochrome)
    }

    public var size: TerminalSize {
        guard !isShutDown else { return TerminalSize(width: 0, height: 0) }
        return TerminalSize(width: Int(wangge_max_x(stdscr)), height: Int(wangge_max_y(stdscr)))
    }

    public func draw(_ runs: [ScreenDiff.Run], from buffer: ScreenBuffer) {
        guard !isShutDown else { return }
        let size = self.size
        for run in runs where run.y >= 0 && run.y < size.height {
            let end = min(run.x + run.length, size.width)
            var x = max(0, run.x)
            while x < end {
                if let cell = buffer.cell(x: x, y: run.y), !cell.isContinuation {
                    // A wide character that the (meanwhile smaller) screen cannot hold is
                    // skipped; curses would wrap it onto the next row.
                    if x + cell.width <= size.width {
                        drawCell(cell, x: Int32(x), y: Int32(run.y))
                    }
                }
                x += 1
            }
        }
    }

    public func flush() {
        guard !isShutDown else { return }
        _ = wrefresh(stdscr)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        handlePendingSignal()
        guard !isShutDown else { return nil }
        // Wait in slices so that a termination signal is seen even if the read restarts.
        let slice = 250
        var remaining = timeoutMilliseconds
        while true {
            let wait = remaining < 0 ? slice : min(remaining, slice)
            let key = readOnce(timeoutMilliseconds: wait)
            handlePendingSignal()
            if key != nil { return key }
            if remaining >= 0 {
                remaining -= wait
                if remaining <= 0 { return nil }
            }
        }
    }

    public func suspend() {
        guard !isShutDown else { return }
        _ = endwin()
        TerminalSignals.stopProcess()
        // Back from `fg`: the shell may have changed the screen; repaint all of it.
        _ = clearok(curscr, true)
        _ = wrefresh(stdscr)
    }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        _ = curs_set(1)
        _ = endwin()
        _ = fflush(stdout)
        signals.remove()
        delscreen(screen)
    }

    // MARK: - Drawing

    private func drawCell(_ cell: Cell, x: Int32, y: Int32) {
        let (attributes, pair) = colors.cursesAttributes(for: cell.style)
        let capacity = Int(wangge_ccharw_max()) + 1
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: capacity) { wide in
            var count = 0
            for scalar in cell.grapheme.unicodeScalars where count < capacity - 1 {
                wide[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            if count == 0 {
                wide[0] = wchar_t(bitPattern: 0x20)
                count = 1
            }
            wide[count] = 0
            var character = cchar_t()
            guard let base = wide.baseAddress, setcchar(&character, base, attributes, pair, nil) == OK else {
                return
            }
            // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn.
            _ = mvwadd_wch(stdscr, y, x, &character)
        }
    }

    // MARK: - Input

    private func readOnce(timeoutMilliseconds: Int) -> Key? {
        wtimeout(stdscr, Int32(clamping: timeoutMilliseconds))
        let started = Self.monotonicMilliseconds()
        var character: wint_t = 0
        let result = wget_wch(stdscr, &character)
        switch result {
        case wangge_key_code_yes():
            instantErrors = 0
            return CursesKeys.key(forCode: Int32(bitPattern: character))
        case OK:
            instantErrors = 0
            if character == 0x1B { return escapeOrAlt() }
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return .unknown(Int(character)) }
            return Key.fromInput(scalar)
        default:
            // Timeouts that keep returning without waiting mean the terminal is gone (EOF
            // after a hang-up that sent no SIGHUP): leave as if it had been sent.
            if timeoutMilliseconds > 0 && Self.monotonicMilliseconds() - started < 1 {
                instantErrors += 1
                if instantErrors >= 50 { signals.raisePending(SIGHUP) }
            } else {
                instantErrors = 0
            }
            return nil
        }
    }

    /// After ESC: a character already waiting means Alt+character; anything else is ESC.
    private func escapeOrAlt() -> Key {
        wtimeout(stdscr, 0)
        var next: wint_t = 0
        switch wget_wch(stdscr, &next) {
        case OK:
            if let scalar = Unicode.Scalar(UInt32(next)), case .char(let character) = Key.fromInput(scalar) {
                return .alt(character)
            }
            _ = unget_wch(wchar_t(bitPattern: UInt32(next)))
            return .escape
        case wangge_key_code_yes():
            _ = ungetch(Int32(bitPattern: next))
            return .escape
        default:
            return .escape
        }
    }

    // MARK: - Signals and environment

    private func handlePendingSignal() {
        guard let signal = signals.pending else { return }
        shutdown()
        willExitOnSignal?(signal)
        exit(128 + signal)
    }

    private static func noColorRequested() -> Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }

    /// sgr0, cnorm and rmcup from terminfo (xterm's when absent), for the emergency path.
    private static func resetSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for (capability, fallback) in [("sgr0", "\u{1B}[0m"), ("cnorm", "\u{1B}[?25h"), ("rmcup", "\u{1B}[?1049l")] {
            if let value = tigetstr(capability), Int(bitPattern: value) != -1 {
                bytes.append(contentsOf: Array(String(cString: value).utf8))
            } else {
                bytes.append(contentsOf: Array(fallback.utf8))
            }
        }
        bytes.append(contentsOf: Array("\r\n".utf8))
        return bytes
    }

    private static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
