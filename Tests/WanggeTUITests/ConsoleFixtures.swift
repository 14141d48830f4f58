import Foundation
import Testing
import WanggeCore
import WanggeTestSupport
@testable import WanggeTUI

/// The read-only fixture snapshots share: 400 demo cases plus hand-made hostile ones.
enum Fixtures {
    static let longTitle = "关于幸福社区第三网格内多栋老旧住宅楼顶长期渗水、外墙瓷砖脱落以及楼道廊灯损坏等问题的联名反映（涉及住户一百二十余户）"
    static let escapeTitle = "井盖丢失\u{1B}[2J\u{1B}[31m红字\u{202E}反转\u{07}"

    static let shared: DemoFixture = {
        let fixture = try! DemoFixture(cases: 400)
        try! fixture.report(title: longTitle, description: "住户多次反映未果，要求尽快维修。", category: "0101", grid: "0103", minutesAgo: 3)
        try! fixture.report(title: escapeTitle, description: "标题里有终端控制序列。", category: "0101", grid: "0190", minutesAgo: 2)
        return fixture
    }()

    /// Where golden files live, beside this file.
    static let snapshotDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").path

    /// Checks a snapshot and records a test issue when it differs.
    static func expectSnapshot(_ console: ConsoleHarness, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let size = console.terminal.size
        if let problem = Snapshot.check(console.snapshot, named: "\(name)-\(size.width)x\(size.height)", in: snapshotDirectory) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }

    /// The code of a case by title in the shared fixture.
    static func code(ofTitle title: String) -> String {
        (try? shared.workspace.store.cases(.init(text: String(title.prefix(4)), limit: 1)).first?.code) ?? ""
    }
}
