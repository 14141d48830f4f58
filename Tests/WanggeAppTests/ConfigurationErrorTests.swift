import Testing
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTOML

/// Configuration errors name file:line:column, and a bad file installs nothing.
struct ConfigurationErrorTests {
    /// The 1-based line of the first line containing `marker`.
    func line(of marker: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(marker) } ?? -1) + 1
    }

    func orgError(_ text: String) -> TOMLError? {
        do throws(TOMLError) {
            _ = try OrganisationFile.parse(text, file: "org.toml")
            return nil
        } catch {
            return error
        }
    }

    func replacing(_ old: String, with new: String, in text: String = AppFixture.organisationTOML) throws -> String {
        try #require(text.contains(old), "fixture has no \(old)")
        guard let range = text.range(of: old) else { return text }
        return text.replacingCharacters(in: range, with: new)
    }

    @Test func theFixtureItselfLoads() throws {
        let org = try OrganisationFile.parse(AppFixture.organisationTOML, file: "org.toml")
        #expect(org.grids.map(\.code) == ["G1", "G2", "G3", "G4"])
        #expect(org.person("dsp")?.scope == .community("C1"))
    }

    @Test func unknownKey() throws {
        let text = try replacing("name = \"东街道\"", with: "name = \"东街道\"\ncolour = \"红\"")
        let error = try #require(orgError(text))
        #expect(error.file == "org.toml")
        #expect(error.position == SourcePosition(line: line(of: "colour", in: text), column: 1))
        #expect(error.message.hasPrefix("未知的键 \"colour\""))
        #expect(error.description.hasPrefix("org.toml:\(line(of: "colour", in: text)):1: 未知的键"))
    }

    @Test func badRole() throws {
        let text = try replacing("role = \"grid_worker\"", with: "role = \"boss\"")
        let error = try #require(orgError(text))
        #expect(error.position == SourcePosition(line: line(of: "\"boss\"", in: text), column: 8))
        #expect(error.message.contains("boss"))
        #expect(error.message.contains("grid_worker"))
    }

    @Test func unknownCommunityReference() throws {
        let text = try replacing("community = \"C3\"", with: "community = \"C9\"")
        let error = try #require(orgError(text))
        #expect(error.position == SourcePosition(line: line(of: "\"C9\"", in: text), column: 13))
        #expect(error.message == "未知的社区 C9")
    }

    @Test func duplicateCode() throws {
        let text = try replacing("code = \"S2\"", with: "code = \"S1\"")
        let error = try #require(orgError(text))
        // The second S1, not the first.
        let secondS1 = text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().filter { $0.element == "code = \"S1\"" }.map { $0.offset + 1 }
        #expect(secondS1.count == 2)
        #expect(error.position == SourcePosition(line: secondS1[1], column: 8))
        #expect(error.message == "编码 S1 重复（已用于街道）")
    }

    @Test func badLimitText() throws {
        let text = try replacing("limit = \"1 working_days\"", with: "limit = \"1 fortnight\"", in: DemoConfiguration.categoriesTOML)
        do throws(TOMLError) {
            _ = try CategoriesFile.parse(text, file: "categories.toml")
            Issue.record("a bad limit was accepted")
        } catch {
            #expect(error.file == "categories.toml")
            #expect(error.position == SourcePosition(line: line(of: "fortnight", in: text), column: 9))
            #expect(error.message.hasPrefix("时限 \"1 fortnight\" 无效"))
        }
    }

    @Test func badHolidayDate() throws {
        let text = "zone = \"Asia/Shanghai\"\nholidays = [\"2026-10-01\", \"2026-02-30\"]\n"
        do throws(TOMLError) {
            _ = try CalendarFile.parse(text, file: "calendar.toml")
            Issue.record("2026-02-30 was accepted")
        } catch {
            #expect(error.file == "calendar.toml")
            #expect(error.position == SourcePosition(line: 2, column: 27))
            #expect(error.message == "无效的日期 \"2026-02-30\"")
        }
    }

    @Test func workspaceParseKeepsTheFileName() throws {
        let text = try replacing("role = \"grid_worker\"", with: "role = \"boss\"")
        let error = AppFixture.tomlError {
            _ = try Workspace.parse(organisation: text, categories: DemoConfiguration.categoriesTOML, calendar: DemoConfiguration.calendarTOML,
                                    files: ("/etc/wangge/org.toml", "categories.toml", "calendar.toml"))
        }
        #expect(error?.file == "/etc/wangge/org.toml")
        #expect(error?.line == line(of: "\"boss\"", in: text))
    }

    @Test func aBadFileInstallsNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteCaseStore(path: dir.path("fresh.sqlite"))
        let badCalendar = "holidays = [\"2026-13-01\"]\n"
        let error = AppFixture.tomlError {
            _ = try Workspace.install(organisation: AppFixture.organisationTOML, categories: DemoConfiguration.categoriesTOML,
                                      calendar: badCalendar, into: store, files: ("org.toml", "categories.toml", "calendar.toml"))
        }
        #expect(error?.file == "calendar.toml")
        for name in [ConfigurationName.organisation, ConfigurationName.categories, ConfigurationName.calendar] {
            #expect(try store.configuration(named: name) == nil, "\(name)")
        }
        #expect(throws: AppError.self) { try Workspace(store: store) }
    }

    @Test func aBadFileLeavesTheInstalledConfigurationAlone() throws {
        let dir = try TemporaryDirectory()
        let workspace = try AppFixture.workspace(in: dir)
        let store = workspace.store
        let bad = try replacing("community = \"C3\"", with: "community = \"C9\"")
        #expect(AppFixture.tomlError {
            _ = try Workspace.install(organisation: bad, categories: DemoConfiguration.categoriesTOML,
                                      calendar: DemoConfiguration.calendarTOML, into: store, files: ("org.toml", "categories.toml", "calendar.toml"))
        } != nil)
        #expect(try store.configuration(named: ConfigurationName.organisation) == AppFixture.organisationTOML)
        #expect(try Workspace(store: store).organisation.grid("G4")?.community == "C3")
    }
}
