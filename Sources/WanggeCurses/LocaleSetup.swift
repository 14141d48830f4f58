#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WanggeTUI

/// Applies `LocaleCheck` to the process with the C library, before ncursesw starts.
enum LocaleSetup {
    /// Adopts the environment's locale and makes `LC_CTYPE` UTF-8 if it is not.
    static func ensureUTF8() -> LocaleOutcome {
        LocaleCheck.ensureUTF8(
            adoptEnvironment: { _ = setlocale(LC_ALL, "") },
            codeset: {
                guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
                return String(cString: name)
            },
            setCharacterType: { setlocale(LC_CTYPE, $0) != nil }
        )
    }
}
