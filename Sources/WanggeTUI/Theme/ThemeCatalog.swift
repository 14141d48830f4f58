import WanggeTOML

/// Finds a theme by name or path: user directories first, then the built-in copies of
/// `Themes/*.toml`. File access is passed in, so the console itself stays free of I/O and
/// tests can hand it files from memory.
public struct ThemeCatalog: Sendable {
    /// What loading a theme gave: the theme to use, and a warning when it is not the one
    /// asked for (unknown name, unreadable or broken file with file:line:column).
    public struct Outcome: Sendable {
        public var theme: Theme
        public var warning: String?
    }

    /// Directories searched for `NAME.toml`, first first.
    public var directories: [String]
    /// Reads a file's text; nil when it cannot be read.
    public var readFile: @Sendable (String) -> String?
    /// Lists the `.toml` names (without extension) in a directory.
    public var listDirectory: @Sendable (String) -> [String]

    /// A catalog searching `directories` with the given file access.
    public init(
        directories: [String], readFile: @escaping @Sendable (String) -> String?,
        listDirectory: @escaping @Sendable (String) -> [String] = { _ in [] }
    ) {
        self.directories = directories
        self.readFile = readFile
        self.listDirectory = listDirectory
    }

    /// Built-in themes only (tests, benchmarks).
    public static let builtIn = ThemeCatalog(directories: [], readFile: { _ in nil })

    /// The names `:theme` offers: built-in ones, then those found in the directories.
    public var names: [String] {
        var result = BuiltInThemes.files.map(\.name)
        for directory in directories {
            for name in listDirectory(directory).sorted() where !result.contains(name) { result.append(name) }
        }
        return result
    }

    /// The theme called `nameOrPath` (a path when it contains "/" or ends in ".toml").
    /// Never fails: problems become a warning and the built-in dark theme.
    public func load(_ nameOrPath: String) -> Outcome {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            guard let text = readFile(nameOrPath) else {
                return fallback("无法读取主题文件 \(nameOrPath)")
            }
            return parse(text, file: nameOrPath)
        }
        for directory in directories {
            let path = directory + "/" + nameOrPath + ".toml"
            if let text = readFile(path) { return parse(text, file: path) }
        }
        if let builtIn = BuiltInThemes.files.first(where: { $0.name == nameOrPath }) {
            return parse(builtIn.text, file: "Themes/\(builtIn.name).toml")
        }
        return fallback("没有名为 \(nameOrPath) 的主题（可用：\(names.joined(separator: "、"))）")
    }

    private func parse(_ text: String, file: String) -> Outcome {
        do {
            return Outcome(theme: try ThemeFile.parse(text, file: file), warning: nil)
        } catch {
            return fallback("主题文件有误，已改用默认主题：\(error)")
        }
    }

    private func fallback(_ warning: String) -> Outcome {
        let theme = BuiltInThemes.files.first.flatMap { try? ThemeFile.parse($0.text, file: nil) } ?? .fallback
        return Outcome(theme: theme, warning: warning)
    }
}
