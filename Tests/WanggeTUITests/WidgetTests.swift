import Testing
@testable import WanggeTUI

@Suite struct WidgetTests {
    @Test func clipNeverSplitsAWideCharacterAndSaysItCut() {
        #expect(TextFit.clip("幸福第3网格", 7) == "幸福第~")
        #expect(TextFit.clip("幸福第3网格", 6) == "幸福 ~")
        #expect(DisplayWidth.of(TextFit.clip("关于幸福社区第三网格", 9)) == 9)
        #expect(TextFit.clip("短", 5) == "短")
        #expect(TextFit.pad("网格", 6) == "网格  ")
        #expect(TextFit.pad("网格", 6, alignRight: true) == "  网格")
    }

    @Test func clipNeutralisesControlCharacters() {
        #expect(TextFit.clip("a\u{1B}[31mb", 20) == "a\u{241B}[31mb")
    }

    @Test func wrapBreaksChineseByWidth() {
        #expect(TextFit.wrap("一二三四五六七", 6) == ["一二三", "四五六", "七"])
        #expect(TextFit.wrap("一二三四五六七", 6, maxLines: 2) == ["一二三", "四五 ~"])
    }

    @Test func lineEditorEditsByCharacter() {
        var editor = LineEditor("派遣张")
        _ = editor.handle(.backspace)
        _ = editor.handle(.char("王"))
        #expect(editor.text == "派遣王")
        _ = editor.handle(.home)
        _ = editor.handle(.delete)
        #expect(editor.text == "遣王")
        _ = editor.handle(.ctrl("e"))
        _ = editor.handle(.ctrl("w"))
        #expect(editor.text == "")
        let handled = editor.handle(.enter)
        #expect(!handled)
    }

    @Test func lineEditorScrollsToKeepTheCursorVisible() {
        let editor = LineEditor("一二三四五六七八九十")
        var buffer = ScreenBuffer(width: 10, height: 1)
        editor.render(into: &buffer, x: 0, y: 0, width: 10, style: .normal, focused: true)
        #expect(buffer.textLines()[0].hasPrefix("七八九十"))
    }

    @Test func columnsDropTheLeastImportantFirstAndGiveTheRestToTheTitle() {
        let specs = [
            ColumnSpec("code", min: 13, ideal: 13, priority: 100),
            ColumnSpec("grid", min: 8, ideal: 18, priority: 60),
            ColumnSpec("age", min: 4, ideal: 5, priority: 40),
            ColumnSpec("title", min: 16, ideal: 40, priority: 30, flexible: true),
        ]
        let narrow = ColumnLayout.place(specs, width: 30)
        #expect(narrow.map(\.id) == ["code", "grid", "age"])
        let wide = ColumnLayout.place(specs, width: 100)
        #expect(wide.map(\.id) == ["code", "grid", "age", "title"])
        #expect(wide.last.map { $0.x + $0.width } == 100)
        #expect(wide.first { $0.id == "grid" }?.width == 18)
    }

    @Test func mapNeighbourPrefersTheSameRow() {
        func tile(_ x: Int, _ y: Int) -> MapTile {
            MapTile(code: "\(x)\(y)", name: "", kind: .grid(.basic), x: x, y: y, load: GridLoad())
        }
        let tiles = [tile(0, 0), tile(1, 0), tile(0, 1), tile(2, 1)]
        #expect(MapTiles.neighbour(of: 0, dx: 1, dy: 0, in: tiles) == 1)
        #expect(MapTiles.neighbour(of: 0, dx: 0, dy: 1, in: tiles) == 2)
        #expect(MapTiles.neighbour(of: 1, dx: 1, dy: 0, in: tiles) == 3)
        #expect(MapTiles.neighbour(of: 3, dx: 1, dy: 0, in: tiles) == 3)
    }
}
