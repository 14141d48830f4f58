/// What changed between two frames, as runs of cells to send to the terminal.
///
/// Redrawing a whole 200×60 screen over a slow SSH link for every key press is what makes
/// consoles feel sluggish. The renderer keeps the last frame and sends only the runs that
/// differ; when the size changed (or there is no previous frame) every row is one run.
public enum ScreenDiff {
    /// Consecutive changed cells on one row: columns `x ..< x + length` of row `y`.
    public struct Run: Hashable, Sendable {
        public var y: Int
        public var x: Int
        public var length: Int

        public init(y: Int, x: Int, length: Int) {
            self.y = y
            self.x = x
            self.length = length
        }
    }

    /// The runs that turn `old` into `new`. Whole rows when `old` is nil or of another size.
    ///
    /// A run never cuts a wide character in two: if either half changed, the run includes
    /// both, so a backend can always draw a wide character from its first cell and skip
    /// the continuation.
    public static func runs(from old: ScreenBuffer?, to new: ScreenBuffer) -> [Run] {
        guard let old, old.width == new.width, old.height == new.height else {
            return fullRedraw(of: new)
        }
        var runs: [Run] = []
        let width = new.width
        for y in 0..<new.height {
            let rowStart = y * width
            var x = 0
            while x < width {
                guard old.cells[rowStart + x] != new.cells[rowStart + x] else {
                    x += 1
                    continue
                }
                var start = x
                if new.cells[rowStart + x].isContinuation || old.cells[rowStart + x].isContinuation {
                    start = max(0, x - 1)
                }
                var end = x + 1
                while end < width && old.cells[rowStart + end] != new.cells[rowStart + end] {
                    end += 1
                }
                // The cell after the run: keep the right half of a wide character with its left.
                if end < width
                    && (new.cells[rowStart + end].isContinuation || old.cells[rowStart + end].isContinuation)
                {
                    end += 1
                }
                if let last = runs.last, last.y == y, last.x + last.length >= start {
                    runs[runs.count - 1].length = end - last.x
                } else {
                    runs.append(Run(y: y, x: start, length: end - start))
                }
                x = end
            }
        }
        return runs
    }

    /// Every row as one run.
    public static func fullRedraw(of buffer: ScreenBuffer) -> [Run] {
        guard buffer.width > 0 else { return [] }
        return (0..<buffer.height).map { Run(y: $0, x: 0, length: buffer.width) }
    }

    /// The number of cells the runs cover.
    public static func cellCount(_ runs: [Run]) -> Int {
        runs.reduce(0) { $0 + $1.length }
    }
}
