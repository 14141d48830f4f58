import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeFuzzSupport
import WanggeStore
import WanggeTestSupport
@testable import WanggeTUI

/// Seeded random key sequences on the in-memory console, as people of three roles, at
/// changing sizes: it never traps or hangs, every frame fits the terminal, and whatever
/// the keys did to the database passes `check`. Keys scale with `WANGGE_FUZZ_SCALE`.
struct ConsoleFuzzTests {
    /// Keys worth pressing: every binding letter, movement, forms, the command line with
    /// commands and hostile text, sizes.
    static let keys: [Key] = {
        var keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .enter, .escape, .backspace,
                           .tab, .backTab, .delete, .function(1), .function(5), .ctrl("l"), .ctrl("u"), .ctrl("a"), .ctrl("e"),
                           .ctrl("w"), .alt("x"), .unknown(0x9B), .char(" "), .char("\u{1B}"), .char("\u{202E}"), .char("中")]
        keys += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:*?-_.,".map(Key.char)
        return keys
    }()

    static let phrases = [":dispatch ", ":open C-", ":grid 0103", ":filter 漏水", ":sort due", ":theme mono", ":lang en",
                          ":lang zh", ":queue", ":map", ":board", ":overdue", "c:04", "g:0103", "城市管理", "1 working_days",
                          "\u{1B}[2J\u{1B}]0;x\u{07}", String(repeating: "长", count: 300)]

    @Test(.timeLimit(.minutes(10)))
    func randomKeysNeverTrapAndLeaveACheckableDatabase() throws {
        let fixture = try DemoFixture(cases: 80)
        let organisation = fixture.workspace.organisation
        let people = [fixture.supervisor] + [Role.dispatcher, .gridWorker].compactMap { role in
            organisation.people.first { $0.role == role && $0.login != DemoFixture.operatorLogin }
        }
        var mutator = TextMutator(seed: 0x6B65_7973)  // "keys"
        let budget = FuzzBudget(rounds: 1_500, seconds: 8, minimumRounds: 400)
        let sizes = [(80, 24), (200, 50), (40, 10), (120, 30), (20, 5)]
        var pressed = 0
        var session = 0
        while budget.allows(pressed) {
            let person = people[session % people.count]
            let (width, height) = sizes[session % sizes.count]
            let console = ConsoleHarness(fixture: fixture, width: width, height: height, person: person)
            session += 1
            for _ in 0..<mutator.int(50...400) where budget.allows(pressed) && !console.runtime.state.quitting {
                switch mutator.int(0..<20) {
                case 0:
                    console.type(mutator.pick(Self.phrases))
                case 1:
                    let (w, h) = mutator.pick(sizes)
                    console.resize(width: w, height: h)
                default:
                    var key = mutator.pick(Self.keys)
                    if key == .char("q") && mutator.int(0..<4) > 0 { key = .char("j") }  // stay a while
                    console.press(key)
                }
                pressed += 1
                let size = console.terminal.size
                #expect(console.lines.count == size.height, "session \(session), key \(pressed)")
                #expect(console.lines.allSatisfy { DisplayWidth.of($0) <= size.width }, "session \(session), key \(pressed)")
            }
        }
        #expect(pressed >= 400)
        let report = try fixture.workspace.store.check()
        #expect(report.isClean, "\(report.problems.prefix(3))")
    }
}
