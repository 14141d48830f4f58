import Foundation
import Testing

/// Very long and empty fields: a 100,000-character note (more than one command-line
/// argument can hold) goes in through --text-file and comes out whole in `case show`,
/// clipped in tables; one character more is refused and writes nothing.
@Suite(.serialized) struct CLILongTextTests {
    let cli: CLIHarness
    let code: String

    init() throws {
        cli = try CLIHarness()
        try cli.demo(cases: 10)
        code = try cli.report(title: "长备注")
    }

    func note(_ characters: Int) throws -> String {
        let path = cli.dir.appendingPathComponent("note-\(characters).txt").path
        let text = String(repeating: "长文备注", count: characters / 4) + String(repeating: "字", count: characters % 4)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aHundredThousandCharacterNoteIsStoredAndShownWhole() throws {
        let added = try cli.run("comment", code, "--text-file", try note(100_000))
        #expect(added.status == 0, "\(added.stderr)")
        let show = try cli.run("case", "show", code)
        #expect(show.status == 0)
        let line = try #require(show.stdout.split(separator: "\n").first { $0.contains("备注：长文备注") })
        #expect(line.filter { $0 == "长" }.count == 25_000)
        let log = try cli.run("log", "--case", code)
        #expect(log.stdout.split(separator: "\n").allSatisfy { $0.count < 400 }, "the log's table clips the note")
        #expect(try cli.run("check").status == 0)
    }

    @Test func oneCharacterMoreIsRefused() throws {
        let before = try cli.eventCount()
        let refused = try cli.run("comment", code, "--text-file", try note(100_001))
        #expect(refused.status == 3)
        #expect(refused.stderr == "拒绝：文字过长（100001 字，最多 100000 字）\n")
        #expect(try cli.eventCount() == before)
    }

    @Test func emptyAndBlankFieldsAreRefusedClearly() throws {
        let empty = try cli.run("report", "--title", "   ", "--category", "1102", "--grid", "0101")
        #expect(empty.status == 3)
        #expect(empty.stderr == "拒绝：标题不能为空\n")
        let blank = try cli.run("comment", code, "--text", "")
        #expect(blank.status == 3, "\(blank.stderr)")
        let both = try cli.run("comment", code, "--text", "x", "--text-file", "/dev/null")
        #expect(both.status != 0)
        #expect(both.stderr.contains("--text 和 --text-file 只能用一个"))
    }

    @Test func aCodeWithAnInvisibleCharacterIsRefusedAtItsPlace() throws {
        let org = cli.dir.appendingPathComponent("org.toml")
        let text = CLIOperatorsTests.organisation(worker: "w", dispatcher: "d", admin: "a")
            .replacingOccurrences(of: "code = \"0102\"", with: "code = \"01\u{200B}02\"")
        try text.write(to: org, atomically: true, encoding: .utf8)
        let fresh = cli.dir.appendingPathComponent("fresh.sqlite").path
        let result = try cli.runArgs(["--db", fresh, "init", "--org", org.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("org.toml:14:8"), "\(result.stderr)")
        #expect(result.stderr.contains("编码 01⟨U+200B⟩02 含有不允许的字符 ⟨U+200B⟩"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }
}
