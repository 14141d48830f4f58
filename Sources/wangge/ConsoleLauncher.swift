import Foundation
import WanggeApp

/// Opens the console for an operator. Until the console screens land, it prints the
/// demo summary and the overdue queue so `wangge demo` still shows a useful picture.
enum ConsoleLauncher {
    static func run(env: CommandEnvironment) throws {
        print(DemoSummary.text(env))
    }
}
