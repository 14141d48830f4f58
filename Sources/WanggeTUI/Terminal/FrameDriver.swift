/// Turns "render the whole screen" into "send only what changed".
///
/// Screens are functions of state: each frame renders everything into a fresh buffer,
/// which keeps them simple and testable. The driver keeps the previous frame, diffs, and
/// sends the backend only changed runs. It also owns the one minimum-size check, so no
/// screen has to lay itself out in a terminal too small for it.
public struct FrameDriver<Backend: TerminalBackend> {
    /// What one frame cost.
    public struct Report: Hashable, Sendable {
        /// Runs sent to the backend.
        public var runs: Int
        /// Cells sent to the backend.
        public var cells: Int
        /// Whether every cell was sent (first frame, new size or after `invalidate()`).
        public var fullRedraw: Bool
        /// Whether the too-small notice was shown instead of the screen.
        public var tooSmall: Bool
    }

    /// The terminal frames go to.
    public let backend: Backend
    /// Below this size the screen is not rendered; a notice saying so is.
    public var minimumSize: TerminalSize
    /// The last frame sent, which the terminal is assumed to show.
    public private(set) var previousFrame: ScreenBuffer?

    /// A driver for `backend`, requiring `minimumSize` (80×24 by default).
    public init(backend: Backend, minimumSize: TerminalSize = TerminalSize(width: 80, height: 24)) {
        self.backend = backend
        self.minimumSize = minimumSize
    }

    /// Renders one frame at the backend's current size with `content`, then sends only the
    /// cells that differ from the previous frame and flushes. `content` is not called when
    /// the terminal is smaller than `minimumSize`.
    @discardableResult
    public mutating func render(_ content: (inout ScreenBuffer) -> Void) -> Report {
        let size = backend.size
        var frame = ScreenBuffer(size: size)
        let tooSmall = size.width < minimumSize.width || size.height < minimumSize.height
        if tooSmall {
            TooSmallNotice.render(into: &frame, minimum: minimumSize)
        } else {
            content(&frame)
        }
        let fullRedraw = previousFrame?.size != size
        let runs = ScreenDiff.runs(from: previousFrame, to: frame)
        if !runs.isEmpty {
            backend.draw(runs, from: frame)
        }
        backend.flush()
        previousFrame = frame
        return Report(
            runs: runs.count, cells: ScreenDiff.cellCount(runs), fullRedraw: fullRedraw, tooSmall: tooSmall)
    }

    /// Forgets the previous frame so that the next one is sent in full (after something
    /// else may have drawn on the terminal).
    public mutating func invalidate() {
        previousFrame = nil
    }
}
