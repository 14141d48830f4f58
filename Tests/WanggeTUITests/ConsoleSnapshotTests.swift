import Testing
import WanggeCore
import WanggeTestSupport
@testable import WanggeTUI

/// Golden snapshots (text and style layers) of every screen at 80×24 and 200×50.
@Suite struct ConsoleSnapshotTests {
    static let sizes = [(80, 24), (200, 50)]

    func console(_ width: Int, _ height: Int, language: Language = .zh) -> ConsoleHarness {
        ConsoleHarness(fixture: Fixtures.shared, width: width, height: height, language: language)
    }

    @Test(arguments: sizes) func queue(width: Int, height: Int) {
        let c = console(width, height)
        Fixtures.expectSnapshot(c, "queue")
    }

    @Test(arguments: sizes) func queueOfNewReportsWithHostileTitles(width: Int, height: Int) {
        let c = console(width, height)
        c.press(.char("n"), .char("s"))
        #expect(c.text.contains("\u{241B}[2J"))  // ESC shown as a visible mark, not obeyed
        #expect(!c.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x07 })
        Fixtures.expectSnapshot(c, "queue-new")
    }

    @Test(arguments: sizes) func detailWithLongChineseTitle(width: Int, height: Int) {
        let c = console(width, height)
        c.type(":open " + Fixtures.code(ofTitle: Fixtures.longTitle))
        c.press(.enter)
        #expect(c.text.contains("关于幸福社区"))
        Fixtures.expectSnapshot(c, "detail-long-title")
    }

    @Test(arguments: sizes) func detailWithEscapeSequenceTitle(width: Int, height: Int) {
        let c = console(width, height)
        c.type(":open " + Fixtures.code(ofTitle: Fixtures.escapeTitle))
        c.press(.enter)
        #expect(c.text.contains("井盖丢失\u{241B}[2J\u{241B}[31m红字⟨U+202E⟩反转\u{2407}"))
        Fixtures.expectSnapshot(c, "detail-escape-title")
    }

    @Test(arguments: sizes) func detailOfAnOverdueCase(width: Int, height: Int) {
        let c = console(width, height)
        c.press(.enter)
        Fixtures.expectSnapshot(c, "detail-overdue")
    }

    @Test(arguments: sizes) func dispatchForm(width: Int, height: Int) {
        let c = console(width, height)
        c.type(":open " + Fixtures.code(ofTitle: Fixtures.longTitle))
        c.press(.enter, .char("d"))
        c.type("王")
        Fixtures.expectSnapshot(c, "form-dispatch")
    }

    @Test(arguments: sizes) func superviseFormAsksForAnOpinion(width: Int, height: Int) {
        let c = console(width, height)
        c.press(.enter, .char("S"))
        c.press(.enter)  // supervise without an opinion
        #expect(c.text.contains("请填写督办意见"))
        Fixtures.expectSnapshot(c, "form-supervise-missing-opinion")
    }

    @Test(arguments: sizes) func mapStreetAndCommunity(width: Int, height: Int) {
        let c = console(width, height)
        c.press(.char("2"))
        Fixtures.expectSnapshot(c, "map-street")
        c.press(.enter)
        #expect(c.text.contains("[专]"))
        Fixtures.expectSnapshot(c, "map-community")
    }

    @Test(arguments: sizes) func escalationBoard(width: Int, height: Int) {
        let c = console(width, height)
        c.press(.char("3"))
        Fixtures.expectSnapshot(c, "board")
    }

    @Test(arguments: sizes) func overdueScreen(width: Int, height: Int) {
        let c = console(width, height)
        c.press(.char("4"))
        Fixtures.expectSnapshot(c, "overdue")
    }

    @Test(arguments: sizes) func help(width: Int, height: Int) {
        let c = console(width, height)
        c.press(.char("?"))
        Fixtures.expectSnapshot(c, "help-queue")
        c.press(.char("x"), .enter, .char("?"))
        Fixtures.expectSnapshot(c, "help-detail")
    }

    @Test(arguments: sizes) func commandLineCompletion(width: Int, height: Int) {
        let c = console(width, height)
        c.type(":gr")
        c.press(.tab, .char(" "))
        c.type("幸福")
        c.press(.tab)
        #expect(c.lines.last?.hasPrefix(":grid 幸福第") == true)
        Fixtures.expectSnapshot(c, "command-completion")
    }

    @Test(arguments: sizes) func englishQueue(width: Int, height: Int) {
        let c = console(width, height, language: .en)
        #expect(c.text.contains("Queue"))
        Fixtures.expectSnapshot(c, "queue-en")
    }

    @Test(arguments: sizes) func englishDetailTimeline(width: Int, height: Int) {
        let c = console(width, height, language: .en)
        c.press(.enter)
        #expect(c.text.contains("Reported “"))
        #expect(!c.text.contains("上报「"))
        Fixtures.expectSnapshot(c, "detail-en")
    }

    @Test func shrinkingTerminal() {
        let c = console(200, 50)
        c.press(.char("3"))
        c.resize(width: 120, height: 30)
        Fixtures.expectSnapshot(c, "shrink-board")
        c.resize(width: 80, height: 24)
        Fixtures.expectSnapshot(c, "shrink-board")
        c.resize(width: 70, height: 20)
        #expect(c.text.contains("80"))
        Fixtures.expectSnapshot(c, "shrink-too-small")
        c.resize(width: 80, height: 24)
        c.press(.char("1"))
        Fixtures.expectSnapshot(c, "shrink-back-to-queue")
    }
}
