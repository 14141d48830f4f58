import Foundation
import WanggeApp
import WanggeCore
import WanggeCurses
import WanggeTUI

/// Opens the console for an operator on the process's terminal.
///
/// When standard input or output is not a terminal (a pipe, cron, CI) there is nothing to
/// draw on: it prints the summary `wangge demo --no-console` prints and says why.
enum ConsoleLauncher {
    static func run(env: CommandEnvironment, options: ConsoleOptions = ConsoleOptions()) throws {
        let catalog = ConsoleOptions.themeCatalog()
        let themeOutcome = catalog.load(options.themeName)
        if let warning = themeOutcome.warning { ErrorReporting.printError(warning) }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch .notATerminal {
            Output.say(DemoSummary.text(env))
            ErrorReporting.printError("标准输入或输出不是终端，控制台未打开（在终端中运行 wangge 即可进入控制台）")
            return
        } catch .unknownTerminal(let name) {
            throw AppError.badInput("终端类型 TERM=\(name.isEmpty ? "（未设置）" : name) 无法识别：请设置 TERM=xterm-256color 等常见类型")
        }
        let context = ConsoleContext(
            domain: env.workspace.context, person: env.person, language: options.language, themeNames: catalog.names)
        let data = WorkspaceConsoleData(workspace: env.workspace, person: env.person, securityLog: env.securityLog)
        let fixed = env.now
        let clock: () -> Instant
        if env.nowIsFixed {
            clock = { fixed }
        } else {
            clock = { SystemClock.now() }
        }
        var notices = [terminal.localeOutcome.notice, themeOutcome.warning].compactMap { $0 }
        var engine: ConsoleEngine?
        if options.runsEngine {
            let holder = "console:\(env.person.login)@\(ProcessInfo.processInfo.hostName):\(getpid())"
            do {
                engine = try ConsoleEngine(workspace: env.workspace, holder: holder, wallClock: { SystemClock.now() })
            } catch {
                notices.append("升级引擎未启动：\(error)")
            }
        }
        let notice = notices.joined(separator: "；")
        let runtime = ConsoleRuntime(
            backend: terminal, data: data, context: context, theme: themeOutcome.theme, themes: catalog, clock: clock,
            notice: notice.isEmpty ? nil : notice, engine: engine)
        // Cases a bulk load wrote are added to the text filter's index in the background
        // (until then the filter scans them): the console opens at once all the same.
        let store = env.workspace.store
        DispatchQueue.global(qos: .utility).async { try? store.catchUpSearchIndex() }
        runtime.run()
        terminal.shutdown()
    }
}
