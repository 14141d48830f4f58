import Foundation
import Testing

/// A title made of escape sequences prints as harmless text.
@Suite(.serialized) struct CLIHostileTextTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J标题\u{9B}31m\u{202E}反转\u{200B}"

    let cli: CLIHarness
    let reported: CLIHarness.Result
    let code: String

    init() throws {
        cli = try CLIHarness()
        try cli.demo(cases: 20)
        reported = try cli.runArgs(["report", "--title", Self.hostile, "--category", "1102", "--grid", "0101",
                                    "--description", "描述\u{1B}[31m红色\u{1B}[0m"])
        // "已上报 C-260302-0021：…"
        code = String(reported.stdout.dropFirst(4).prefix(13))
    }

    func expectHarmless(_ result: CLIHarness.Result, _ what: String) {
        #expect(result.status == 0, "\(what): \(result.stderr)")
        #expect(!result.stdoutBytes.contains(0x1B), "\(what) printed an ESC byte")
        #expect(!result.stdoutBytes.contains(0x07), "\(what) printed a BEL byte")
        let scalars = result.stdout.unicodeScalars
        #expect(!scalars.contains { (0x80...0x9F).contains($0.value) }, "\(what) printed a C1 control")
        #expect(!scalars.contains { [0x202E, 0x200B].contains($0.value) }, "\(what) printed a bidi override or a zero-width space")
    }

    @Test func reportEchoesTheTitleHarmlessly() {
        expectHarmless(reported, "report")
        #expect(reported.stdout.hasPrefix("已上报 C-260302-"))
        #expect(reported.stdout.contains("：␛]0;pwned␇␛[2J标题⟨U+009B⟩31m⟨U+202E⟩反转⟨U+200B⟩（"))
    }

    @Test func caseShow() throws {
        let show = try cli.run("case", "show", code)
        expectHarmless(show, "case show")
        #expect(show.stdout.contains("␛]0;pwned␇␛[2J标题⟨U+009B⟩31m⟨U+202E⟩反转⟨U+200B⟩"))
        #expect(show.stdout.contains("描述：描述␛[31m红色␛[0m"))
    }

    @Test func caseListTable() throws {
        let list = try cli.run("case", "list", "--text", "pwned")
        expectHarmless(list, "case list")
        #expect(list.stdout.contains("␛]0;pwned"))
        #expect(list.stdout.contains(code))
    }

    @Test func caseListCSVAndJSON() throws {
        let csv = try cli.run("case", "list", "--text", "pwned", "--format", "csv")
        expectHarmless(csv, "case list --format csv")
        #expect(csv.stdout.contains(code))
        let json = try cli.run("case", "list", "--text", "pwned", "--format", "json")
        expectHarmless(json, "case list --format json")
        // JSON keeps the text exact, escaped.
        let decoded = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [[String: Any]]
        #expect(decoded?.first?["title"] as? String == Self.hostile)
    }

    @Test func log() throws {
        let log = try cli.run("log", "--case", code)
        expectHarmless(log, "log")
    }

    @Test func caseShowJSONKeepsTheTextExactAndTheBytesHarmless() throws {
        let show = try cli.run("case", "show", code, "--format", "json")
        expectHarmless(show, "case show --format json")
        #expect(show.stdout.contains("\\u009b31m\\u202e反转\\u200b"))
        let decoded = try JSONSerialization.jsonObject(with: show.stdoutBytes) as? [String: Any]
        #expect(decoded?["title"] as? String == Self.hostile)
    }

    @Test func audit() throws {
        let audit = try cli.run("audit", "--format", "json")
        expectHarmless(audit, "audit --format json")
        let table = try cli.run("audit")
        expectHarmless(table, "audit")
        #expect(table.stdout.contains("上报「␛]0;pwned"))
    }

    @Test func refusalMessagesOnStderrAreHarmlessToo() throws {
        let result = try cli.run("case", "show", "C-\u{1B}[2J\u{202E}")
        #expect(result.status == 3)
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(result.stderr.contains("找不到案件 C-␛[2J⟨U+202E⟩"), "\(result.stderr)")
    }
}
