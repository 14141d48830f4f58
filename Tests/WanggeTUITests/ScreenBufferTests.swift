import Testing
@testable import WanggeTUI

@Suite struct ScreenBufferTests {
    @Test func putReturnsColumnsUsed() {
        var buffer = ScreenBuffer(width: 20, height: 2)
        #expect(buffer.put("网格ab", x: 1, y: 0) == 6)
        #expect(buffer.textLines()[0] == " 网格ab" + String(repeating: " ", count: 13))
        #expect(buffer.cell(x: 1, y: 0)?.width == 2)
        #expect(buffer.cell(x: 2, y: 0)?.isContinuation == true)
    }

    @Test func clipsChineseAtTheRightEdgeWithoutStraddling() {
        var buffer = ScreenBuffer(width: 7, height: 1)
        // Three columns in, two wide characters fit; the third has one column left.
        #expect(buffer.put("中文标题", x: 0, y: 0) == 7)
        #expect(buffer.textLines() == ["中文标 "])
        #expect(buffer.cell(x: 6, y: 0) == Cell.blank())
    }

    @Test func maxWidthPadsTheOddRemainingColumn() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.fill(buffer.bounds, with: "x")
        #expect(buffer.put("一二三", x: 2, y: 0, maxWidth: 5, style: Style(.accent)) == 5)
        #expect(buffer.textLines() == ["xx一二 xxxxx"])
        #expect(buffer.styleLines() == ["..AAAAA....."])
    }

    @Test func neverWritesOutsideTheBuffer() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        #expect(buffer.put("超出", x: 4, y: 0) == 0)
        #expect(buffer.put("超出", x: 0, y: 2) == 0)
        #expect(buffer.put("超出", x: 0, y: -1) == 0)
        #expect(buffer.put("abc", x: 0, y: 0, maxWidth: 0) == 0)
        #expect(buffer.textLines() == ["    ", "    "])
    }

    @Test func clipsOnTheLeftWithoutHalfCharacters() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        // 中 would cover columns -1 and 0: column 0 gets a space.
        #expect(buffer.put("中文", x: -1, y: 0) == 3)
        #expect(buffer.textLines() == [" 文   "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("中文", x: 0, y: 0)
        buffer.put("a", x: 1, y: 0)  // right half of 中
        buffer.put("b", x: 2, y: 0)  // left half of 文
        #expect(buffer.textLines() == [" ab   "])
        #expect(buffer.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func boxWithChineseTitleKeepsItsCorners() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        buffer.drawBox(buffer.bounds, title: "案件列表很长")
        #expect(buffer.textLines() == [
            "┌ 案件列表 ┐",
            "│          │",
            "└──────────┘",
        ])
        #expect(buffer.styleLines() == [
            "bTTTTTTTTTTb",
            "b..........b",
            "bbbbbbbbbbbb",
        ])
    }

    @Test func boxTitleOddColumnIsPadded() {
        var buffer = ScreenBuffer(width: 11, height: 3)
        buffer.drawBox(buffer.bounds, title: "案件列表")
        #expect(buffer.textLines()[0] == "┌ 案件列表┐")
        buffer.drawBox(Rect(x: 0, y: 0, width: 10, height: 3), title: "案件列表")
        #expect(buffer.textLines()[0] == "┌ 案件列 ┐┐")
    }

    @Test func contentInsideABoxDoesNotOverwriteTheBorder() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.drawBox(buffer.bounds)
        buffer.put("东城区和平里街道", x: 1, y: 1, maxWidth: 8)
        #expect(buffer.textLines()[1] == "│东城区和│")
        buffer.put("a东城区和平里", x: 1, y: 1, maxWidth: 8)
        #expect(buffer.textLines()[1] == "│a东城区 │")
    }

    @Test func fillAndClearRectsAreClipped() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        buffer.fill(Rect(x: 3, y: 1, width: 10, height: 10), with: "#", style: Style(.selected))
        #expect(buffer.textLines() == ["     ", "   ##", "   ##"])
        #expect(buffer.styleLines() == [".....", "...SS", "...SS"])
        buffer.clear(Rect(x: 4, y: 2, width: 1, height: 1))
        #expect(buffer.textLines()[2] == "   # ")
        buffer.clear()
        #expect(buffer == ScreenBuffer(width: 5, height: 3))
    }

    @Test func fillWithAWideCharacterFallsBackToSpaces() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.fill(buffer.bounds, with: "中", style: Style(.accent))
        #expect(buffer.textLines() == ["   "])
        #expect(buffer.styleLines() == ["AAA"])
    }

    @Test func restyleKeepsText() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("选中行", x: 0, y: 0)
        buffer.restyle(Rect(x: 0, y: 0, width: 6, height: 1), style: Style(.selected, .bold))
        #expect(buffer.textLines() == ["选中行"])
        #expect(buffer.styleLines() == ["SSSSSS"])
        #expect(buffer.cell(x: 0, y: 0)?.style.attributes == .bold)
    }

    @Test func zalgoMarksAreCappedPerCell() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        let zalgo = "a" + String(repeating: "\u{301}", count: 30) + "b"
        #expect(buffer.put(zalgo, x: 0, y: 0) == 2)
        #expect(buffer.cell(x: 0, y: 0)?.grapheme.unicodeScalars.count == 1 + TerminalClusters.maximumMarks)
        #expect(buffer.cell(x: 1, y: 0)?.grapheme == "b")
    }

    @Test func leadingMarkSitsOnASpace() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        #expect(buffer.put("\u{301}a", x: 0, y: 0) == 2)
        #expect(buffer.cell(x: 0, y: 0)?.grapheme == " \u{301}")
    }

    @Test func everyTextLineIsExactlyTheBufferWidth() {
        var buffer = ScreenBuffer(width: 9, height: 2)
        buffer.put("中文中文中文", x: 0, y: 0)
        buffer.put("a中b文c", x: 1, y: 1)
        for line in buffer.textLines() {
            #expect(DisplayWidth.of(line) == 9)
        }
    }
}
