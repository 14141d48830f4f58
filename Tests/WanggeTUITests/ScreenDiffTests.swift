import Testing
@testable import WanggeTUI

@Suite struct ScreenDiffTests {
    @Test func identicalBuffersHaveNoRuns() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.put("网格", x: 1, y: 1)
        #expect(ScreenDiff.runs(from: buffer, to: buffer).isEmpty)
    }

    @Test func changingOneCellSendsOneRun() {
        let old = ScreenBuffer(width: 10, height: 3)
        var new = old
        new.put("x", x: 4, y: 2)
        #expect(ScreenDiff.runs(from: old, to: new) == [ScreenDiff.Run(y: 2, x: 4, length: 1)])
    }

    @Test func styleChangeIsAChange() {
        var old = ScreenBuffer(width: 10, height: 1)
        old.put("ab", x: 0, y: 0)
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1), style: Style(.selected))
        #expect(ScreenDiff.runs(from: old, to: new) == [ScreenDiff.Run(y: 0, x: 1, length: 1)])
    }

    @Test func separateChangesOnARowAreSeparateRuns() {
        let old = ScreenBuffer(width: 10, height: 1)
        var new = old
        new.put("ab", x: 1, y: 0)
        new.put("c", x: 7, y: 0)
        #expect(ScreenDiff.runs(from: old, to: new) == [
            ScreenDiff.Run(y: 0, x: 1, length: 2), ScreenDiff.Run(y: 0, x: 7, length: 1),
        ])
    }

    @Test func wideCharacterRunsKeepBothHalves() {
        var old = ScreenBuffer(width: 6, height: 1)
        old.put("中", x: 2, y: 0)
        var new = old
        new.restyle(Rect(x: 3, y: 0, width: 1, height: 1), style: Style(.accent))  // right half only
        #expect(ScreenDiff.runs(from: old, to: new) == [ScreenDiff.Run(y: 0, x: 2, length: 2)])
        new = old
        new.restyle(Rect(x: 2, y: 0, width: 1, height: 1), style: Style(.accent))  // left half only
        #expect(ScreenDiff.runs(from: old, to: new) == [ScreenDiff.Run(y: 0, x: 2, length: 2)])
    }

    @Test func sizeChangeRedrawsEverything() {
        let old = ScreenBuffer(width: 10, height: 3)
        let new = ScreenBuffer(width: 12, height: 2)
        #expect(ScreenDiff.runs(from: old, to: new) == [
            ScreenDiff.Run(y: 0, x: 0, length: 12), ScreenDiff.Run(y: 1, x: 0, length: 12),
        ])
        #expect(ScreenDiff.runs(from: nil, to: new).count == 2)
        #expect(ScreenDiff.cellCount(ScreenDiff.runs(from: nil, to: new)) == 24)
    }

    @Test func applyingTheRunsReproducesTheNewFrame() {
        var old = ScreenBuffer(width: 16, height: 3)
        old.drawBox(old.bounds, title: "旧")
        old.put("中文abc", x: 2, y: 1)
        var new = ScreenBuffer(width: 16, height: 3)
        new.drawBox(new.bounds, title: "新标题")
        new.put("a中文bc", x: 2, y: 1)
        var mirror = old
        for run in ScreenDiff.runs(from: old, to: new) {
            mirror.copy(run, from: new)
        }
        #expect(mirror == new)
    }
}
