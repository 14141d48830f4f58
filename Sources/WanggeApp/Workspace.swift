import WanggeCore
import WanggeStore
import WanggeTOML

/// Names under which the configuration files are kept inside the database, so that
/// every console on the host reads the same organisation, categories and calendar.
public enum ConfigurationName {
    public static let organisation = "org.toml"
    public static let categories = "categories.toml"
    public static let calendar = "calendar.toml"
    /// Present only in databases built by `wangge demo`: how it was generated.
    public static let demoPlan = "demo.toml"
}

/// Errors of the application layer that are not refusals of a single command.
public enum AppError: Error, Sendable, CustomStringConvertible {
    case notInitialised(String)
    case configuration(ConfigurationError)
    case unknownOperator(String)
    case impersonationRefused(String)
    case badInput(String)
    /// The database file, its -wal/-shm or its directory can be written by anyone.
    case unsafeDatabase(String)
    /// `--now` by someone who may not fix the clock.
    case fixedClockRefused(String)

    public var description: String {
        switch self {
        case .notInitialised(let path): "数据库 \(path) 尚未初始化：请先运行 wangge init --org 文件，或 wangge demo 建立演示数据库"
        case .configuration(let e): "配置错误：\(e)"
        case .unknownOperator(let login): "系统用户 \(login) 不在组织架构的人员名单中，无法操作（请管理员添加）"
        case .impersonationRefused(let login): "只有管理员可以使用 --as；\(login) 不是管理员"
        case .badInput(let message): message
        case .fixedClockRefused(let login):
            "只有管理员可以用 --now 或 WANGGE_NOW 固定时间（演示数据库除外）；\(login) 不是管理员。请去掉 --now，按当前时间操作"
        case .unsafeDatabase(let problem):
            "拒绝打开数据库：\(problem)。确属可丢弃的临时副本时，可设置 \(DatabaseFileSafety.overrideVariable)=1 后再运行"
        }
    }
}

/// An open database with its configuration loaded: what every verb works on.
public final class Workspace: Sendable {
    public let store: SQLiteCaseStore
    public let context: DomainContext
    public let decider: CaseDecider

    public init(store: SQLiteCaseStore) throws {
        self.store = store
        guard let org = try store.configuration(named: ConfigurationName.organisation),
              let categories = try store.configuration(named: ConfigurationName.categories),
              let calendar = try store.configuration(named: ConfigurationName.calendar) else {
            throw AppError.notInitialised(store.path)
        }
        context = try Self.parse(organisation: org, categories: categories, calendar: calendar)
        decider = CaseDecider(context: context)
    }

    /// Parses all three files; nothing is returned (and so nothing stored) unless all are valid.
    public static func parse(
        organisation: String, categories: String, calendar: String,
        files: (String, String, String) = (ConfigurationName.organisation, ConfigurationName.categories, ConfigurationName.calendar)
    ) throws -> DomainContext {
        do {
            let org = try OrganisationFile.parse(organisation, file: files.0)
            let (catalog, stages) = try CategoriesFile.parse(categories, file: files.1)
            let cal = try CalendarFile.parse(calendar, file: files.2)
            return DomainContext(organisation: org, catalog: catalog, calendar: cal, stages: stages)
        } catch {
            throw AppError.configuration(ConfigurationError(error))
        }
    }

    /// Validates and stores the configuration in one transaction.
    /// `extra` names more texts stored in the same transaction (the demo's plan).
    public static func install(organisation: String, categories: String, calendar: String, into store: SQLiteCaseStore,
                               files: (String, String, String), extra: [String: String] = [:]) throws -> DomainContext {
        let context = try parse(organisation: organisation, categories: categories, calendar: calendar, files: files)
        var places: [String: GridPlace] = [:]
        for grid in context.organisation.grids {
            if let place = context.organisation.place(ofGrid: grid.code) {
                places[grid.code] = GridPlace(community: place.community, street: place.street)
            }
        }
        try store.setConfiguration([
            ConfigurationName.organisation: organisation,
            ConfigurationName.categories: categories,
            ConfigurationName.calendar: calendar,
        ].merging(extra) { kept, _ in kept }, gridPlaces: places)
        return context
    }

    /// Whether this is a demo database (built by `wangge demo`), where anyone may fix
    /// the clock with `--now` to try things out.
    /// Demos built before `demo.toml` existed are known by their generated organisation
    /// file's first line (only an admin can replace it).
    public var isDemo: Bool {
        if (try? store.configuration(named: ConfigurationName.demoPlan)) != nil { return true }
        return (try? store.configuration(named: ConfigurationName.organisation))??.hasPrefix(DemoConfiguration.organisationHeader) == true
    }

    public var organisation: Organisation { context.organisation }
    public var calendar: WorkCalendar { context.calendar }

    /// The local day used in case codes: "261122".
    public func codeDay(_ instant: Instant) -> String {
        let d = calendar.civil(instant).date
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return two(d.year % 100) + two(d.month) + two(d.day)
    }
}
