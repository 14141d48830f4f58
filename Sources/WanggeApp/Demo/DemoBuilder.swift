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
        return try write(DemoPlan(options: options, now: now), into: store, progress: progress)
    }

    /// The plan of a demo whose build was interrupted (killed, Ctrl-C, a full disk), if
    /// `store` holds one.
    public static func unfinishedPlan(in store: SQLiteCaseStore) throws -> DemoPlan? {
        guard let text = try store.configuration(named: ConfigurationName.demoPlan) else { return nil }
        let plan = try DemoPlan.parse(text)
        return plan.complete ? nil : plan
    }

    /// Finishes an interrupted build: the generator runs again from the start with the
    /// stored plan (it is deterministic) and only the batches not yet committed are
    /// written — each batch is one transaction, so the result is the same database an
    /// uninterrupted build makes, every case exactly once.
    @discardableResult
    public static func resume(_ plan: DemoPlan, into store: SQLiteCaseStore, progress: ((Int, Int) -> Void)? = nil) throws -> Workspace {
        try write(plan, into: store, progress: progress)
    }

    static func write(_ plan: DemoPlan, into store: SQLiteCaseStore, progress: ((Int, Int) -> Void)?) throws -> Workspace {
        let workspace = try Workspace(store: store)
        let writer = BulkCaseWriter(store: store)
        let written = try writer.nextCaseID() - 1
        var counters: [String: Int64] = [:]
        let options = plan.options
        let generator = DemoCases(context: workspace.context, now: plan.now, seed: options.seed, days: options.days)
        var done = 0
        // At least ten transactions for a small demo (an interrupted build keeps more),
        // 5,000 cases each for a large one.
        let batchSize = min(5_000, max(100, options.cases / 10))
        try generator.generate(count: options.cases, firstID: 1, codeCounters: &counters, batchSize: batchSize) { batch, counters in
            let missing = batch.filter { $0.state.id > written }
            if !missing.isEmpty { try writer.write(missing, codeCounters: counters) }
            done += batch.count
            progress?(done, options.cases)
        }
        // The routine log in one transaction, once (a resumed build finds it there).
        if try store.routineEntryCount() == 0 {
            try store.appendRoutineEntries(
                DemoRoutine.entries(workspace.context, now: plan.now, days: options.days, seed: options.seed), recordedAt: plan.now)
        }
        // The bulk writes leave the text filter's index to a catch-up, in order.
        try store.catchUpSearchIndex()
        try store.refreshPlannerStatistics()
        var finished = plan
        finished.complete = true
        try store.setConfiguration([ConfigurationName.demoPlan: finished.text])
        return workspace
    }
}
