/// What the console did to be able to show Chinese.
///
/// ncursesw decodes and measures text through the C locale: under `POSIX` (what `LANG`
/// unset, `LC_ALL=C` or a bare `sudo`/`cron`/`ssh` environment give) every Chinese
/// character is unprintable and screens come out blank. The console therefore insists on a
/// UTF-8 `LC_CTYPE`: it takes the user's locale when that is UTF-8, otherwise sets
/// `LC_CTYPE` itself to a UTF-8 locale that exists (only `C.UTF-8` on our hosts), and says
/// what it did so the console can tell the operator.
public enum LocaleOutcome: Hashable, Sendable {
    /// The locale from the environment is UTF-8; nothing was changed.
    case environment(codeset: String)
    /// The environment's codeset was not UTF-8; `LC_CTYPE` was set to `locale` instead.
    case fellBack(fromCodeset: String, to: String)
    /// Not UTF-8 and no UTF-8 locale could be set: Chinese will not display.
    case unavailable(codeset: String)

    /// Whether text can be shown as UTF-8.
    public var isUTF8: Bool {
        switch self {
        case .environment, .fellBack: true
        case .unavailable: false
        }
    }

    /// A sentence for the operator when something had to be done, nil when all was well.
    public var notice: String? {
        switch self {
        case .environment:
            nil
        case .fellBack(let codeset, let locale):
            "区域设置的字符集是 \(codeset) 而不是 UTF-8，已改用 \(locale)（可设置 LANG=C.UTF-8 消除此提示）"
        case .unavailable(let codeset):
            "区域设置的字符集是 \(codeset)，且无法改用 UTF-8：中文将无法显示，请设置 LANG=C.UTF-8"
        }
    }
}

/// The decision behind `LocaleOutcome`, separated from the C calls so it can be tested.
public enum LocaleCheck {
    /// UTF-8 locales tried in order when the environment's is not UTF-8.
    public static let fallbackLocales = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

    /// Adopts the environment's locale, then makes sure `LC_CTYPE` is UTF-8.
    ///
    /// - Parameters:
    ///   - adoptEnvironment: `setlocale(LC_ALL, "")`.
    ///   - codeset: `nl_langinfo(CODESET)` for the current locale.
    ///   - setCharacterType: `setlocale(LC_CTYPE, name) != NULL`.
    public static func ensureUTF8(
        adoptEnvironment: () -> Void,
        codeset: () -> String,
        setCharacterType: (String) -> Bool
    ) -> LocaleOutcome {
        adoptEnvironment()
        let original = codeset()
        if isUTF8(original) { return .environment(codeset: original) }
        for locale in fallbackLocales where setCharacterType(locale) && isUTF8(codeset()) {
            return .fellBack(fromCodeset: original, to: locale)
        }
        return .unavailable(codeset: original)
    }

    /// Whether a codeset name means UTF-8 ("UTF-8", "utf8", …).
    public static func isUTF8(_ codeset: String) -> Bool {
        let normalised = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalised == "utf8"
    }
}
