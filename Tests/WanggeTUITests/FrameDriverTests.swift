import Testing
@testable import WanggeTUI

@Suite struct FrameDriverTests {
    private func caseList(selected: Int) -> (inout ScreenBuffer) -> Void {
        { buffer in
            buffer.drawBox(buffer.bounds, title: "案件")
            for row in 0..<5 {
                let style = row == selected ? Style(.selected) : Style.normal
                buffer.put("案件 \(row + 1) 号", x: 2, y: row + 1, maxWidth: 20, style: style)
            }
        }
    }

    @Test func firstFrameIsSentInFull() {
        let terminal = InMemoryTerminal(width: 80, height: 24)
        var driver = FrameDriver(backend: terminal)
        let report = driver.render(caseList(selected: 0))
        #expect(report.fullRedraw)
        #expect(report.cells == 80 * 24)
        #expect(terminal.cellsWrittenInLastFrame == 80 * 24)
        #expect(terminal.screen.textLines()[0].hasPrefix("┌ 案件 ─"))
    }

    @Test func secondFrameSendsOnlyChangedCells() {
        let terminal = InMemoryTerminal(width: 80, height: 24)
        var driver = FrameDriver(backend: terminal)
        driver.render(caseList(selected: 0))
        let report = driver.render(caseList(selected: 1))
        // "案件 1 号" and "案件 2 号" are 9 columns each: their style changed, nothing else.
        #expect(!report.fullRedraw)
        #expect(report.runs == 2)
        #expect(report.cells == 18)
        #expect(terminal.cellsWrittenPerFrame == [80 * 24, 18])
        #expect(terminal.screen.styleLines()[2].contains("SSSSSSSSS"))
        #expect(!terminal.screen.styleLines()[1].contains("S"))
    }

    @Test func unchangedFrameSendsNothing() {
        let terminal = InMemoryTerminal(width: 80, height: 24)
        var driver = FrameDriver(backend: terminal)
        driver.render(caseList(selected: 3))
        let report = driver.render(caseList(selected: 3))
        #expect(report.cells == 0)
        #expect(terminal.cellsWrittenInLastFrame == 0)
    }

    @Test func tooSmallTerminalShowsTheNoticeInsteadOfTheScreen() throws {
        let terminal = InMemoryTerminal(width: 79, height: 24)
        var driver = FrameDriver(backend: terminal)
        var rendered = false
        let report = driver.render { _ in rendered = true }
        #expect(report.tooSmall)
        #expect(!rendered)
        let lines = terminal.screen.textLines()
        let notice = "终端太小：至少需要 80×24，当前 79×24"
        let row = try #require(lines.firstIndex { $0.contains(notice) })
        #expect(row == 11)
        #expect(terminal.screen.styleLines()[11].contains("WWWW"))
    }

    @Test func tooSmallNoticeSplitsWhenNarrow() {
        let terminal = InMemoryTerminal(width: 30, height: 6)
        var driver = FrameDriver(backend: terminal)
        driver.render { _ in }
        #expect(terminal.screen.textLines() == [
            "                              ",
            "                              ",
            "  终端太小：至少需要 80×24，  ",
            "          当前 30×6           ",
            "                              ",
            "                              ",
        ])
        terminal.resize(width: 20, height: 3)
        driver.render { _ in }
        #expect(terminal.screen.textLines() == [
            "     终端太小：     ",
            "  至少需要 80×24，  ",
            "     当前 20×3      ",
        ])
    }

    @Test func exactlyTheMinimumSizeRendersTheScreen() {
        let terminal = InMemoryTerminal(width: 80, height: 24)
        var driver = FrameDriver(backend: terminal)
        #expect(!driver.render(caseList(selected: 0)).tooSmall)
    }

    @Test func invalidateForcesAFullFrame() {
        let terminal = InMemoryTerminal(width: 80, height: 24)
        var driver = FrameDriver(backend: terminal)
        driver.render(caseList(selected: 0))
        driver.invalidate()
        #expect(driver.render(caseList(selected: 0)).cells == 80 * 24)
    }
}
