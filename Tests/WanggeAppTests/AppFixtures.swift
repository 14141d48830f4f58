import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore

/// A directory of its own for each test, removed when the test's value goes away.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-app-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// A small deployment: two streets, three communities, four grids, two departments and
/// one person per role that the tests need. Categories and calendar are the demo's.
enum AppFixture {
    static let organisationTOML = """
        county = "测试区"

        [[street]]
        code = "S1"
        name = "东街道"

        [[street]]
        code = "S2"
        name = "西街道"

        [[community]]
        code = "C1"
        name = "幸福社区"
        street = "S1"

        [[community]]
        code = "C2"
        name = "和平社区"
        street = "S1"

        [[community]]
        code = "C3"
        name = "春晖社区"
        street = "S2"

        [[grid]]
        code = "G1"
        name = "幸福一网格"
        community = "C1"

        [[grid]]
        code = "G2"
        name = "幸福二网格"
        community = "C1"

        [[grid]]
        code = "G3"
        name = "和平一网格"
        community = "C2"

        [[grid]]
        code = "G4"
        name = "春晖一网格"
        community = "C3"

        [[unit]]
        code = "CG"
        name = "城市管理局"

        [[unit]]
        code = "GA"
        name = "公安派出所"

        [[person]]
        login = "adm"
        name = "管理员"
        role = "admin"
        scope = "county"

        [[person]]
        login = "sup"
        name = "孙督办"
        role = "supervisor"
        scope = "county"

        [[person]]
        login = "dsp"
        name = "李派遣"
        role = "dispatcher"
        scope = "community:C1"

        [[person]]
        login = "wk"
        name = "王网格"
        role = "grid_worker"
        scope = "grids:G1"

        [[person]]
        login = "lcg"
        name = "城管联络员"
        role = "liaison"
        scope = "unit:CG"

        [[person]]
        login = "lga"
        name = "公安联络员"
        role = "liaison"
        scope = "unit:GA"

        """

    /// 2026-03-02 09:00 in Shanghai, a Monday.
    static let t0 = Instant(secondsSinceEpoch: 1_772_413_200)

    static func minutes(_ m: Int64) -> Instant { t0 + m * 60 }

    /// A fresh database with the fixture's configuration installed.
    static func workspace(in dir: TemporaryDirectory, name: String = "app.sqlite") throws -> Workspace {
        let store = try SQLiteCaseStore(path: dir.path(name))
        _ = try Workspace.install(organisation: organisationTOML, categories: DemoConfiguration.categoriesTOML,
                                  calendar: DemoConfiguration.calendarTOML, into: store,
                                  files: ("org.toml", "categories.toml", "calendar.toml"))
        return try Workspace(store: store)
    }

    static func person(_ workspace: Workspace, _ login: String) throws -> Person {
        try #require(workspace.organisation.person(login))
    }

    /// The TOML error a loader throws, or nil.
    static func tomlError(_ body: () throws -> Void) -> (file: String?, line: Int, column: Int, message: String)? {
        do {
            try body()
            return nil
        } catch let error as AppError {
            guard case .configuration(let e) = error else { return nil }
            return (e.underlying.file, e.underlying.position.line, e.underlying.position.column, e.underlying.message)
        } catch {
            return nil
        }
    }
}
