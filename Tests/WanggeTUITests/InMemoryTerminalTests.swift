import Testing
@testable import WanggeTUI

@Suite struct InMemoryTerminalTests {
    @Test func scriptedKeysComeBackInOrderWithoutWaiting() {
        let terminal = InMemoryTerminal()
        terminal.enqueue(.down, .enter)
        terminal.type("q中\u{1B}")
        #expect(terminal.readKey(timeoutMilliseconds: 1000) == .down)
        #expect(terminal.readKey(timeoutMilliseconds: 1000) == .enter)
        #expect(terminal.readKey(timeoutMilliseconds: -1) == .char("q"))
        #expect(terminal.readKey(timeoutMilliseconds: 0) == .char("中"))
        #expect(terminal.readKey(timeoutMilliseconds: 0) == .escape)
        #expect(terminal.readKey(timeoutMilliseconds: 1000) == nil)
    }

    @Test func resizeQueuesResizeAndTheNextFrameIsFull() {
        let terminal = InMemoryTerminal(width: 100, height: 30)
        var driver = FrameDriver(backend: terminal)
        let draw: (inout ScreenBuffer) -> Void = { buffer in
            buffer.drawBox(buffer.bounds, title: "网格 \(buffer.width)×\(buffer.height)")
        }
        driver.render(draw)
        terminal.resize(width: 120, height: 40)
        #expect(terminal.size == TerminalSize(width: 120, height: 40))
        #expect(terminal.readKey(timeoutMilliseconds: 0) == .resize)
        let report = driver.render(draw)
        #expect(report.fullRedraw)
        #expect(report.cells == 120 * 40)
        #expect(terminal.screen.textLines()[0].hasPrefix("┌ 网格 120×40 ─"))
        #expect(terminal.screen.textLines()[39].hasSuffix("┘"))

        terminal.resize(width: 79, height: 24)
        #expect(terminal.readKey(timeoutMilliseconds: 0) == .resize)
        #expect(driver.render(draw).tooSmall)
        #expect(terminal.screen.textLines()[11].contains("当前 79×24"))
    }

    @Test func suspendAndShutdownAreRecorded() {
        let terminal = InMemoryTerminal()
        terminal.suspend()
        terminal.shutdown()
        #expect(terminal.suspendCount == 1)
        #expect(terminal.isShutDown)
    }
}
