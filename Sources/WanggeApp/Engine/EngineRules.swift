import WanggeCore
import WanggeRules
import WanggeStore
import WanggeTOML

/// The rules a deployment runs, with where they came from. Every console and engine
/// reads the same text from the database (`rules.toml` in the configuration table);
/// a database without one runs the rules built into the binary.
public struct LoadedRules: Sendable {
    public enum Source: Sendable, Equatable {
        case database
        case builtIn
        case file(String)

        public var chineseName: String {
            switch self {
            case .database: "数据库中的规则（rules.toml）"
            case .builtIn: "内置默认规则"
            case .file(let path): "文件 \(path)"
            }
        }
    }

    public let set: RuleSet
    public let text: String
    public let source: Source
    /// Changes whenever the rules or the configuration they are judged with change;
    /// the engine re-evaluates every open case when it does.
    public let fingerprint: String
}

public enum EngineRules {
    /// The deployment's rules: from the database, or the built-in ones.
    public static func load(_ workspace: Workspace) throws -> LoadedRules {
        if let text = try workspace.store.configuration(named: RulesFile.configurationName) {
            return try parse(text, file: RulesFile.configurationName, source: .database, workspace: workspace)
        }
        return try parse(DefaultRules.text, file: DefaultRules.fileName, source: .builtIn, workspace: workspace)
    }

    /// Parses and validates a rules text against the workspace's categories and units.
    public static func parse(_ text: String, file: String, source: LoadedRules.Source, workspace: Workspace) throws -> LoadedRules {
        do {
            let set = try RulesFile.parse(text, file: file, references: RuleReferences(context: workspace.context))
            return LoadedRules(set: set, text: text, source: source, fingerprint: try fingerprint(text, workspace))
        } catch let error as TOMLError {
            throw AppError.configuration(ConfigurationError(error))
        }
    }

    /// Parses a rules text with no database at hand: categories and units are not checked.
    public static func parseStandalone(_ text: String, file: String) throws -> RuleSet {
        do {
            return try RulesFile.parse(text, file: file)
        } catch {
            throw AppError.configuration(ConfigurationError(error))
        }
    }

    /// Validates a rules text and stores it in the database, so every console and engine
    /// uses it from their next tick on. Nothing is stored if it has an error.
    @discardableResult
    public static func install(_ text: String, file: String, into workspace: Workspace) throws -> LoadedRules {
        let loaded = try parse(text, file: file, source: .database, workspace: workspace)
        try workspace.store.setConfiguration([RulesFile.configurationName: text])
        return loaded
    }

    static func fingerprint(_ rules: String, _ workspace: Workspace) throws -> String {
        var hasher = SHA256()
        hasher.update(rules)
        for name in [ConfigurationName.organisation, ConfigurationName.categories, ConfigurationName.calendar] {
            hasher.update("\u{0}" + name + "\u{0}")
            hasher.update(try workspace.store.configuration(named: name) ?? "")
        }
        return SHA256.hex(hasher.finalize())
    }
}
