import Testing
@testable import WanggeTUI

@Suite struct TerminalColorTests {
    @Test func coloursThatExistStay() {
        #expect(TerminalColor.indexed(3).reduced(toColorCount: 8) == .indexed(3))
        #expect(TerminalColor.indexed(208).reduced(toColorCount: 256) == .indexed(208))
        #expect(TerminalColor.terminalDefault.reduced(toColorCount: 8) == .terminalDefault)
    }

    @Test func brightColoursFallToBasicOnEight() {
        #expect(TerminalColor.indexed(9).reduced(toColorCount: 8) == .red)
    }

    @Test func cubeColoursFallToTheNearestBasic() {
        #expect(TerminalColor.indexed(196).reduced(toColorCount: 8) == .red)  // #ff0000
        #expect(TerminalColor.indexed(46).reduced(toColorCount: 8) == .green)  // #00ff00
        #expect(TerminalColor.indexed(231).reduced(toColorCount: 16) == .indexed(15))  // white
        #expect(TerminalColor.indexed(232).reduced(toColorCount: 8) == .black)  // darkest grey
    }

    @Test func noColoursMeansDefault() {
        #expect(TerminalColor.indexed(1).reduced(toColorCount: 0) == .terminalDefault)
    }

    @Test func everyRoleIsDistinguishableWithoutColour() {
        let monochrome = Palette.monochrome
        for role in [Style.Role.selected, .overdue, .error, .statusBar, .title] {
            #expect(!monochrome[role].attributes.isEmpty, "\(role)")
        }
    }
}
