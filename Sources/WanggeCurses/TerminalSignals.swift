#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// State shared with the signal handler. Only plain integers and a pointer, written before
// the handler is installed (except the flag), so the handler touches no Swift runtime.
nonisolated(unsafe) private var pendingSignal: sig_atomic_t = 0
nonisolated(unsafe) private var savedTerminalModes = termios()
nonisolated(unsafe) private var hasSavedTerminalModes = false
nonisolated(unsafe) private var resetSequence: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var resetSequenceLength = 0

/// The handler for SIGINT, SIGTERM and SIGHUP. Async-signal-safe: the first signal only sets
/// a flag that the input loop checks (and then restores the terminal with `endwin`, which
/// is not safe here). If a second one comes before the loop noticed the first (the console
/// is stuck), the terminal modes saved at start are restored with `tcsetattr`, the reset
/// sequence is written with `write`, and the process leaves with `_exit`.
private func handleTerminationSignal(_ signal: Int32) {
    if pendingSignal != 0 {
        emergencyRestore()
        _exit(128 + signal)
    }
    pendingSignal = signal
}

/// Restores the terminal with async-signal-safe calls only.
private func emergencyRestore() {
    if hasSavedTerminalModes {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminalModes)
    }
    if let resetSequence, resetSequenceLength > 0 {
        _ = write(STDOUT_FILENO, resetSequence, resetSequenceLength)
    }
}

/// Installs and removes the termination-signal handlers of a curses session.
///
/// A console killed by `kill`, a closed SSH connection or a Ctrl-C from another terminal must
/// not leave the operator's shell in raw mode with an invisible cursor on the alternate
/// screen. Install before ncursesw starts (so it keeps its hands off these signals) and
/// remove after `endwin`.
struct TerminalSignals {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private var previous: [Int32: sigaction] = [:]

    /// Saves the terminal's modes as they are now (before curses changes them), for the
    /// emergency path, and installs the handlers.
    mutating func install() {
        pendingSignal = 0
        Self.unblockTerminalSignals()
        hasSavedTerminalModes = tcgetattr(STDIN_FILENO, &savedTerminalModes) == 0
        for signal in Self.handled {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handleTerminationSignal
            #else
            action.__sigaction_u.__sa_handler = handleTerminationSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocked read returns so the flag is seen
            var old = sigaction()
            if sigaction(signal, &action, &old) == 0 {
                previous[signal] = old
            }
        }
    }

    /// A process started with these signals blocked (a parent's mask is inherited through
    /// fork and exec: test runners, some supervisors) would never hear of a resize, a
    /// hang-up or a kill. The console needs them, so it unblocks them.
    static func unblockTerminalSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in handled + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
        _ = sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Stores the bytes that put the terminal back (attributes off, cursor on, leave the
    /// alternate screen), taken from terminfo once curses has started.
    func prepareEmergencyReset(_ bytes: [UInt8]) {
        guard resetSequence == nil, !bytes.isEmpty else { return }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        storage.initialize(from: bytes, count: bytes.count)
        resetSequenceLength = bytes.count
        resetSequence = storage
    }

    /// Puts back the handlers that were there before `install()`.
    mutating func remove() {
        for (signal, old) in previous {
            var action = old
            _ = sigaction(signal, &action, nil)
        }
        previous = [:]
    }

    /// The signal received and not yet handled, or nil.
    var pending: Int32? {
        pendingSignal == 0 ? nil : pendingSignal
    }

    /// Marks a signal as pending as if it had been received (used when the terminal hangs up
    /// without one).
    func raisePending(_ signal: Int32) {
        pendingSignal = signal
    }

    /// Stops the process as the shell's Ctrl-Z would, whatever SIGTSTP handler is installed,
    /// and returns once it is continued (`fg`).
    static func stopProcess() {
        var defaultAction = sigaction()
        #if canImport(Glibc)
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        #else
        defaultAction.__sigaction_u.__sa_handler = SIG_DFL
        #endif
        sigemptyset(&defaultAction.sa_mask)
        var old = sigaction()
        _ = sigaction(SIGTSTP, &defaultAction, &old)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        _ = sigprocmask(SIG_UNBLOCK, &unblock, nil)
        _ = raise(SIGTSTP)
        _ = sigaction(SIGTSTP, &old, nil)
    }
}
