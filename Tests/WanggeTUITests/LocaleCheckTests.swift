import Testing
@testable import WanggeTUI

@Suite struct LocaleCheckTests {
    @Test func utf8EnvironmentIsKept() {
        var set: [String] = []
        let outcome = LocaleCheck.ensureUTF8(
            adoptEnvironment: {}, codeset: { "UTF-8" }, setCharacterType: { set.append($0); return true })
        #expect(outcome == .environment(codeset: "UTF-8"))
        #expect(outcome.notice == nil)
        #expect(set.isEmpty)
    }

    @Test func posixFallsBackToCUTF8AndSaysSo() {
        var codeset = "ANSI_X3.4-1968"
        let outcome = LocaleCheck.ensureUTF8(
            adoptEnvironment: {}, codeset: { codeset },
            setCharacterType: { name in
                if name == "C.UTF-8" { codeset = "UTF-8" }
                return name == "C.UTF-8"
            })
        #expect(outcome == .fellBack(fromCodeset: "ANSI_X3.4-1968", to: "C.UTF-8"))
        #expect(outcome.isUTF8)
        #expect(outcome.notice?.contains("C.UTF-8") == true)
    }

    @Test func noUTF8LocaleIsReported() {
        let outcome = LocaleCheck.ensureUTF8(
            adoptEnvironment: {}, codeset: { "ISO-8859-1" }, setCharacterType: { _ in false })
        #expect(outcome == .unavailable(codeset: "ISO-8859-1"))
        #expect(!outcome.isUTF8)
        #expect(outcome.notice != nil)
    }

    @Test func codesetSpellings() {
        #expect(LocaleCheck.isUTF8("UTF-8"))
        #expect(LocaleCheck.isUTF8("utf8"))
        #expect(!LocaleCheck.isUTF8("GB18030"))
    }
}
