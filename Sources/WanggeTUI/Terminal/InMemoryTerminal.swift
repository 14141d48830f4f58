/// A terminal that exists only in memory, for tests and headless benchmarks.
///
/// It keeps what a real terminal would show (`screen`, updated only by the runs it is sent),
/// plays back scripted keys without waiting, can be resized (which queues `.resize` as a
/// real terminal does) and counts the cells each frame wrote, so a test can prove that a
/// second frame sent only what changed.
public final class InMemoryTerminal: TerminalBackend {
    /// What the terminal shows: the cells it has been sent so far.
    public private(set) var screen: ScreenBuffer
    /// Keys `readKey` will return, first first.
    public private(set) var pendingKeys: [Key] = []
    /// Cells written by `draw` since the last `flush`.
    public private(set) var cellsWrittenSinceFlush = 0
    /// Cells written in each flushed frame, oldest first.
    public private(set) var cellsWrittenPerFrame: [Int] = []
    /// How often `suspend()` was called.
    public private(set) var suspendCount = 0
    /// Whether `shutdown()` was called.
    public private(set) var isShutDown = false
    /// The palette last set (themes are asserted through it; cells only carry roles).
    public private(set) var palette: Palette = .standard

    /// A blank terminal of `size`.
    public init(size: TerminalSize = TerminalSize(width: 80, height: 24)) {
        screen = ScreenBuffer(size: size)
    }

    /// A blank terminal of `width` × `height`.
    public convenience init(width: Int, height: Int) {
        self.init(size: TerminalSize(width: width, height: height))
    }

    public var size: TerminalSize { screen.size }

    /// The cells written in the last flushed frame (0 before the first).
    public var cellsWrittenInLastFrame: Int { cellsWrittenPerFrame.last ?? 0 }

    /// Queues keys for `readKey`.
    public func enqueue(_ keys: Key...) {
        pendingKeys.append(contentsOf: keys)
    }

    /// Queues every character of `text` as `.char` (or the key a control character means).
    public func type(_ text: String) {
        pendingKeys.append(contentsOf: text.unicodeScalars.map(Key.fromInput))
    }

    /// Changes the size as a window resize would: the screen's contents are gone (a real
    /// terminal's are undefined) and `.resize` is queued.
    public func resize(to size: TerminalSize) {
        screen = ScreenBuffer(size: size)
        pendingKeys.append(.resize)
    }

    /// Changes the size to `width` × `height` (see `resize(to:)`).
    public func resize(width: Int, height: Int) {
        resize(to: TerminalSize(width: width, height: height))
    }

    public func draw(_ runs: [ScreenDiff.Run], from buffer: ScreenBuffer) {
        for run in runs {
            screen.copy(run, from: buffer)
            cellsWrittenSinceFlush += run.length
        }
    }

    public func flush() {
        cellsWrittenPerFrame.append(cellsWrittenSinceFlush)
        cellsWrittenSinceFlush = 0
    }

    /// The next queued key, at once; nil when the queue is empty (nothing ever waits).
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !pendingKeys.isEmpty else { return nil }
        return pendingKeys.removeFirst()
    }

    public func suspend() {
        suspendCount += 1
    }

    public func shutdown() {
        isShutDown = true
    }

    public func setPalette(_ palette: Palette, monochrome: Palette) {
        self.palette = palette
    }
}
