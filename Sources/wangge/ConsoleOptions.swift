import ArgumentParser
import Foundation
import WanggeTUI

/// Options of the console itself: theme and language.
struct ConsoleOptions: ParsableArguments {
    @Option(help: "主题名称（dark、light、high-contrast、mono 或用户主题目录中的名称）或主题文件路径；也可用 $WANGGE_THEME")
    var theme: String?

    @Option(help: "界面语言：zh（默认）或 en；也可用 $WANGGE_LANG")
    var lang: String?

    @Flag(help: "不在控制台中运行升级引擎（默认：规则文件 [engine] console_runs_engine 为 true 且没有其他引擎在运行时，控制台自己运行）；也可用 WANGGE_CONSOLE_ENGINE=off")
    var noEngine = false

    /// Whether this console may run the escalation engine itself.
    var runsEngine: Bool {
        !noEngine && ProcessInfo.processInfo.environment["WANGGE_CONSOLE_ENGINE"]?.lowercased() != "off"
    }

    /// The language asked for, Chinese unless `--lang en` / `WANGGE_LANG=en`.
    var language: Language {
        let text = lang ?? ProcessInfo.processInfo.environment["WANGGE_LANG"] ?? "zh"
        return Language(rawValue: text.lowercased().prefix(2).description) ?? .zh
    }

    /// The theme asked for, `dark` by default.
    var themeName: String {
        theme ?? ProcessInfo.processInfo.environment["WANGGE_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "dark"
    }

    /// Theme files: `$WANGGE_THEME_DIR`, then `$XDG_CONFIG_HOME/wangge/themes` (or
    /// `~/.config/wangge/themes`), then the built-in ones.
    static func themeCatalog() -> ThemeCatalog {
        let env = ProcessInfo.processInfo.environment
        var directories: [String] = []
        if let dir = env["WANGGE_THEME_DIR"], !dir.isEmpty { directories.append(dir) }
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.config")
        directories.append(config + "/wangge/themes")
        return ThemeCatalog(
            directories: directories,
            readFile: { path in
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                return String(decoding: data, as: UTF8.self)
            },
            listDirectory: { directory in
                let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
                return names.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
            })
    }
}
