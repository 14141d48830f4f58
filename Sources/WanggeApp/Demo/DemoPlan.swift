import WanggeCore
import WanggeTOML

/// How a demo database was generated, stored beside its configuration (`demo.toml`) in
/// the same transaction: it marks the database as a demo, and lets an interrupted build
/// resume with exactly the same cases (the generator is deterministic from these values).
public struct DemoPlan: Sendable, Hashable {
    public var options: DemoBuilder.Options
    /// The "now" the cases were generated around.
    public var now: Instant
    /// Every case written and the planner's statistics refreshed.
    public var complete: Bool

    public init(options: DemoBuilder.Options, now: Instant, complete: Bool = false) {
        self.options = options
        self.now = now
        self.complete = complete
    }

    public var text: String {
        """
        # wangge demo 的生成参数（中断后重新运行 wangge demo 会按此续建）
        cases = \(options.cases)
        seed = \(Int64(bitPattern: options.seed))
        days = \(options.days)
        now = \(now.secondsSinceEpoch)
        operator = \(OperatorRoster.quoted(options.operatorLogin))
        operator_role = \(OperatorRoster.quoted(options.operatorRole.rawValue))
        complete = \(complete)

        """
    }

    public static func parse(_ text: String) throws -> DemoPlan {
        do {
            let f = try TOMLFields.parse(text, file: ConfigurationName.demoPlan)
            let options = DemoBuilder.Options(
                cases: try f.int("cases"), seed: UInt64(bitPattern: Int64(try f.int("seed"))), days: try f.int("days"),
                operatorLogin: try f.string("operator"), operatorRole: try f.oneOf("operator_role", Role.self))
            return DemoPlan(options: options, now: Instant(secondsSinceEpoch: Int64(try f.int("now"))),
                            complete: try f.optionalBool("complete") ?? false)
        } catch {
            throw AppError.configuration(ConfigurationError(error))
        }
    }
}
