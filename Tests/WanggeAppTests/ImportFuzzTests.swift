import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeFuzzSupport
import WanggeStore

/// The CSV importer on seeded random mutations of a hotline export (quotes, line breaks,
/// BOMs, controls, GBK-looking bytes, cut rows): each run either imports or reports every
/// bad record at a line inside the file, never traps or hangs, and leaves a database that
/// passes `check`. Rounds scale with `WANGGE_FUZZ_SCALE`.
struct ImportFuzzTests {
    static let rows = [
        "V1,通道堵塞,\"消防通道被电动车堵塞\n请尽快清理\",消防通道,阳光花园,2026-01-12 09:00:00,2026-01-12 10:00:00,,2026-01-13 09:30:00,已办结,区城管局",
        "V3,通道堵塞,消防通道堵塞,消防通道,和平里,2026-02-27 15:00:00,2026-02-27 16:00:00,,,办理中,区城管局",
        "V4,夜间施工,工地夜间施工,施工噪音,和平里,2026/2/14 16:00,2026/2/14 17:00,,2026-02-24 10:30:00,已办结,公安派出所",
        "V5,广场舞,广场舞音响太吵,广场舞,阳光花园,2026-02-24 08:00:00,2026-02-24 09:00:00,2026-02-25 12:00:00,2026-02-25 13:00:00,已办结,区城管局",
        "V7,通道堵塞,消防通道堵塞,消防通道,阳光花园,2026-03-01 08:00:00,,,,待派单,",
    ]

    static let csvFragments = ["\"", "\"\"", ",", "\n", "\r\n", "\r", "\u{FEFF}", "\u{0}", "\u{1B}[2J", "\u{202E}", "V1", "V9",
                               "2026-13-45 25:61:00", "9999-12-31 23:59:59", "0000-01-01", "已办结", "办理中", "消防通道",
                               "和平里", "区城管局", "unit:XX", String(repeating: "长", count: 3000), ",,,,,,,,,,,,", "\u{FFFD}"]

    @Test(.timeLimit(.minutes(10)))
    func mutatedExportsImportOrReportEveryBadRecord() throws {
        let dir = try TemporaryDirectory()
        let workspace = try AppFixture.workspace(in: dir)
        var mutator = TextMutator(seed: 0x6373_76, fragments: Self.csvFragments + TextMutator.tomlFragments)  // "csv"
        let budget = FuzzBudget(rounds: 300, seconds: 6, minimumRounds: 100)
        let base = ([ImportFixture.header] + Self.rows).joined(separator: "\n") + "\n"
        var imported = 0, refused = 0, round = 0
        while budget.allows(round) {
            let text = mutator.mutated(base, maxEdits: 3)
            let path = dir.path("fuzz-\(round % 4).csv")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let lines = text.utf8.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
            let skipBad = round % 2 == 1
            do {
                var options = ImportOptions(skipBad: skipBad)
                options.batchSize = 2
                let outcome = try ImportFixture.run(workspace, csv: path, options: options)
                for problem in outcome.problems {
                    #expect((problem.line ?? 1) >= 1 && (problem.line ?? 1) <= lines, "round \(round): \(problem)")
                    #expect(!problem.reason.isEmpty, "round \(round)")
                }
                if outcome.summary.committed { imported += 1 } else { refused += 1 }
            } catch {
                refused += 1
                #expect(!"\(error)".isEmpty, "round \(round)")
            }
            round += 1
        }
        #expect(imported >= 1 && refused >= 1, "imported \(imported), refused \(refused) of \(round)")
        let report = try workspace.store.check()
        #expect(report.isClean, "\(report.problems.prefix(3))")
    }
}
