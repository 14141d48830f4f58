import Foundation
import Testing
@testable import WanggeTUI

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes").path

    @Test func builtInCopiesMatchTheThemeFiles() throws {
        for (name, text) in BuiltInThemes.files {
            let data = try #require(FileManager.default.contents(atPath: Self.themesDirectory + "/\(name).toml"))
            #expect(String(decoding: data, as: UTF8.self) + "" == text + "\n" || String(decoding: data, as: UTF8.self) == text,
                    "Themes/\(name).toml differs from BuiltInThemes.swift: run Themes/embed.sh")
        }
    }

    @Test func everyBuiltInThemeParsesAndPaintsEveryRole() throws {
        for (name, text) in BuiltInThemes.files {
            let theme = try ThemeFile.parse(text, file: name)
            #expect(theme.name == name)
            for role in Style.Role.allCases { #expect(theme.palette.entries[role] != nil, "\(name) lacks \(role.themeKey)") }
        }
        #expect(ThemeCatalog.builtIn.names == ["dark", "light", "high-contrast", "mono"])
    }

    @Test func aBrokenThemeNamesFileLineAndColumnAndFallsBack() {
        let broken = "name = \"x\"\n[roles]\noverdue = { fg = \"crimson\" }\n"
        let catalog = ThemeCatalog(directories: ["/themes"], readFile: { $0 == "/themes/x.toml" ? broken : nil })
        let outcome = catalog.load("x")
        #expect(outcome.theme.name == "dark")
        #expect(outcome.warning?.contains("/themes/x.toml:3:") == true)
        #expect(outcome.warning?.contains("crimson") == true)
    }

    @Test func unknownRoleKeysAreCaughtWithASuggestion() {
        #expect(throws: Error.self) { try ThemeFile.parse("name = \"x\"\n[roles]\noverdu = { fg = 1 }\n", file: "t.toml") }
        let outcome = ThemeCatalog.builtIn.load("no-such-theme")
        #expect(outcome.warning?.contains("no-such-theme") == true)
    }

    @Test func colourForms() throws {
        let theme = try ThemeFile.parse("""
            name = "t"
            box = "ascii"
            [roles]
            overdue = { fg = "#ff0000", bg = "bright-black", attrs = ["bold", "underline"] }
            ok = { fg = 34 }
            """, file: nil)
        #expect(theme.palette[.overdue].foreground == .indexed(196))
        #expect(theme.palette[.overdue].background == .indexed(8))
        #expect(theme.palette[.overdue].attributes == [.bold, .underline])
        #expect(theme.palette[.ok].foreground == .indexed(34))
        #expect(theme.glyphs == .ascii)
    }
}
