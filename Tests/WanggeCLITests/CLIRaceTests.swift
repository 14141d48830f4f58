import Foundation
import Testing

/// Two processes dispatch the same case at once: one wins, the other is told to refresh.
struct CLIRaceTests {
    @Test(arguments: 1...3)
    func twoDispatchersRace(round: Int) throws {
        let cli = try CLIHarness()
        try cli.demo(cases: 20)
        let code = try cli.report(title: "广场舞扰民 \(round)", category: "1201")

        // Both processes are started before either is waited on.
        let a = try cli.start(["dispatch", code, "--to", "unit:CG"])
        let b = try cli.start(["dispatch", code, "--to", "unit:GA"])
        let results = [a.wait(), b.wait()]

        let winners = results.filter { $0.status == 0 }
        let losers = results.filter { $0.status != 0 }
        #expect(winners.count == 1, "\(results.map { "\($0.status) \($0.stderr)" })")
        #expect(losers.count == 1)
        if let loser = losers.first {
            #expect(loser.status == 3 || loser.status == 4, "\(loser.status) \(loser.stderr)")
            #expect(loser.stderr.contains("请刷新"), "\(loser.stderr)")
            #expect(loser.stderr.contains(code))
        }

        let log = try cli.run("log", "--case", code)
        let rows = log.stdout.split(separator: "\n").dropFirst()
        #expect(rows.filter { $0.contains("派遣给") }.count == 1, "\(log.stdout)")
        #expect(rows.count == 3) // reported, accepted, dispatched

        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.stdout)")
    }
}
