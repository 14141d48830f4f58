import Testing
import WanggeApp
import WanggeCore
import WanggeFuzzSupport

/// The configuration loaders (organisation, categories, calendar) on seeded random
/// mutations of the demo's files: each either loads or names the file, a line and a
/// column inside it; what loads can be used — every category's limit turned into a
/// deadline, a case reported in every grid — without trapping or hanging.
struct ConfigurationFuzzTests {
    static let organisation = DemoConfiguration.organisationTOML(operatorLogin: "tester", operatorRole: .supervisor)

    @Test(.timeLimit(.minutes(10)))
    func mutatedConfigurationsLoadOrFailAtAPlace() throws {
        var mutator = TextMutator(seed: 0x636F_6E66_6967)  // "config"
        let budget = FuzzBudget(rounds: 400, seconds: 6, minimumRounds: 120)
        let start = try #require(WorkCalendar.standard.parseLocal("2026-11-20T10:00"))
        var loaded = 0, refused = 0, round = 0
        while budget.allows(round) {
            var files = [Self.organisation, DemoConfiguration.categoriesTOML, DemoConfiguration.calendarTOML]
            let which = round % 3
            files[which] = mutator.mutated(files[which], maxEdits: 2)
            let names = ["org.toml", "categories.toml", "calendar.toml"]
            let lines = files[which].unicodeScalars.filter { $0 == "\n" }.count + 1
            do {
                let context = try Workspace.parse(organisation: files[0], categories: files[1], calendar: files[2])
                loaded += 1
                try use(context, from: start)
            } catch AppError.configuration(let error) {
                refused += 1
                #expect(error.underlying.file == names[which], "round \(round): \(error)")
                #expect(error.underlying.position.line >= 1 && error.underlying.position.line <= lines + 1, "round \(round): \(error)")
                #expect(error.underlying.position.column >= 1, "round \(round): \(error)")
            }
            round += 1
        }
        #expect(loaded >= 1 && refused > 30, "loaded \(loaded), refused \(refused) of \(round)")
    }

    /// What a console does first with a configuration: deadlines and a report per grid.
    func use(_ context: DomainContext, from start: Instant) throws {
        let decider = CaseDecider(context: context)
        for category in context.catalog.categories {
            _ = context.calendar.deadline(start: start, limit: category.limit)
        }
        let reporter = Person(login: "fuzz", name: "测试", role: .admin, scope: .county)
        guard let category = context.catalog.categories.last else { return }
        for grid in context.organisation.grids.prefix(5) {
            _ = try? decider.report(ReportCommand(title: "测试", category: category.code, grid: grid.code), by: reporter, at: start)
        }
    }
}
