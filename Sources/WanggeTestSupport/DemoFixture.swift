import Foundation
import WanggeApp
import WanggeCore
import WanggeStore
import WanggeTUI

/// A demo database on a temporary file, built once per test process from a fixed seed and
/// a fixed "now", plus a few hand-made cases (long Chinese titles, an escape sequence) that
/// snapshots need. Tests that write get their own copy.
public final class DemoFixture: @unchecked Sendable {
    /// The fixed instant every fixture case and snapshot is computed at: 2026-11-20 10:00 (+08:00).
    public let now: Instant
    public let path: String
    public let workspace: Workspace
    /// The operator (a county-wide supervisor, as `wangge demo` makes the OS user).
    public let supervisor: Person

    /// The login the demo gives the operator.
    public static let operatorLogin = "tester"

    /// Builds a demo with `cases` cases into a fresh directory.
    public init(cases: Int = 400, operatorRole: Role = .supervisor) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("demo.sqlite").path
        let store = try SQLiteCaseStore(path: path)
        let calendar = try CalendarFile.parse(DemoConfiguration.calendarTOML, file: ConfigurationName.calendar)
        guard let now = calendar.parseLocal("2026-11-20T10:00") else { throw AppError.badInput("bad fixture time") }
        self.now = now
        try DemoBuilder.build(
            into: store, options: .init(cases: cases, seed: 1, operatorLogin: Self.operatorLogin, operatorRole: operatorRole),
            now: now, progress: { _, _ in })
        workspace = try Workspace(store: store)
        guard let person = workspace.organisation.person(Self.operatorLogin) else {
            throw AppError.unknownOperator(Self.operatorLogin)
        }
        supervisor = person
    }

    /// Opens another workspace on the same file (a second console on the same host).
    public func reopen() throws -> Workspace {
        try Workspace(store: try SQLiteCaseStore(path: path))
    }

    /// Reports a case through the core, as a grid worker would, `minutesAgo` before now.
    @discardableResult
    public func report(title: String, description: String = "", category: String = "0101", grid: String = "0103",
                       minutesAgo: Int64 = 5) throws -> CaseState {
        try CaseService(workspace: workspace).report(
            ReportCommand(title: title, description: description, category: category, grid: grid),
            as: supervisor, at: now - minutesAgo * 60)
    }

    /// A person of the demo with `role`.
    public func person(_ role: Role) -> Person? {
        workspace.organisation.people.first { $0.role == role && $0.login != Self.operatorLogin }
    }
}
