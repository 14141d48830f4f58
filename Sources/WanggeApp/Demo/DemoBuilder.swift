import WanggeCore
import WanggeStore

/// Builds a demo database: configuration first (through the same loader as a real
/// deployment), then the generated cases in large transactions.
public enum DemoBuilder {
    public struct Options: Sendable, Hashable {
        public var cases: Int
        public var seed: UInt64
        public var days: Int
        public var operatorLogin: String
        public var operatorRole: Role

        public init(cases: Int = 3_000, seed: UInt64 = 1, days: Int = 60, operatorLogin: String, operatorRole: Role = .supervisor) {
            self.cases = cases; self.seed = seed; self.days = days
            self.operatorLogin = operatorLogin; self.operatorRole = operatorRole
        }
    }

    /// Creates the demo in `store` (which should be empty) as of `now`. `progress` is
    /// called after each batch with (cases written, total).
    @discardableResult
    public static func build(
        into store: SQLiteCaseStore, options: Options, now: Instant, progress: ((Int, Int) -> Void)? = nil
    ) throws -> Workspace {
        _ = try Workspace.install(
            organisation: DemoConfiguration.organisationTOML(operatorLogin: options.operatorLogin, operatorRole: options.operatorRole),
            categories: DemoConfiguration.categoriesTOML, calendar: DemoConfiguration.calendarTOML, into: store,
            files: (ConfigurationName.organisation, ConfigurationName.categories, ConfigurationName.calendar),
            extra: [ConfigurationName.demoPlan: DemoPlan(options: options, now: now).text])
        let workspace = try Workspace(store: store)
        let writer = BulkCaseWriter(store: store)
        var counters = try writer.codeCounters()
        let generator = DemoCases(context: workspace.context, now: now, seed: options.seed, days: options.days)
        var written = 0
        try generator.generate(count: options.cases, firstID: try writer.nextCaseID(), codeCounters: &counters) { batch, counters in
            try writer.write(batch, codeCounters: counters)
            written += batch.count
            progress?(written, options.cases)
        }
        // The bulk writes leave the text filter's index to a catch-up, in order.
        try store.catchUpSearchIndex()
        return workspace
    }
}
