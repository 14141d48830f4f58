import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore

/// `CaseImporter` on a real database: historic hotline rows become cases whose verdicts
/// are worked out by hand on the demo calendar (holidays 02-15…02-23, make-up working
/// Saturdays 02-14 and 02-28); bad rows of every kind; all or nothing; idempotence.
struct CaseImportTests {
    let dir: TemporaryDirectory
    let workspace: Workspace

    init() throws {
        dir = try TemporaryDirectory()
        workspace = try AppFixture.workspace(in: dir)
    }

    func csv(_ rows: [String], name: String = "hotline.csv") throws -> String {
        let path = dir.path(name)
        try ImportFixture.write(([ImportFixture.header] + rows).joined(separator: "\n") + "\n", to: path)
        return path
    }

    static let verdictRows = [
        // 1101 消防通道堵塞, 1 working day: dispatched Monday 10:00, due Tuesday 10:00.
        "V1,通道堵塞,\"消防通道被电动车堵塞\n请尽快清理\",消防通道,阳光花园,2026-01-12 09:00:00,2026-01-12 10:00:00,,2026-01-13 09:30:00,已办结,区城管局",
        "V2,通道堵塞,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,2026-01-12 10:00:00,,2026-01-13 10:30:00,已办结,区城管局",
        // Friday 16:00 + 8 working hours: 2 on Friday, 6 on the make-up Saturday 02-28 → 16:00.
        "V3,通道堵塞,消防通道堵塞,消防通道,和平里,2026-02-27 15:00:00,2026-02-27 16:00:00,,,办理中,区城管局",
        // 0301 施工扰民, 4 working hours from the make-up Saturday 02-14 17:00: 1 that day,
        // then the Spring Festival holidays, 3 on Tuesday 02-24 → 11:00.
        "V4,夜间施工,工地夜间施工,施工噪音,和平里,2026/2/14 16:00,2026/2/14 17:00,,2026-02-24 10:30:00,已办结,公安派出所",
        // 1201 广场舞扰民 allows 2 working days (to 02-26 09:00) but the hotline said 02-25 12:00.
        "V5,广场舞,广场舞音响太吵,广场舞,阳光花园,2026-02-24 08:00:00,2026-02-24 09:00:00,2026-02-25 12:00:00,2026-02-25 13:00:00,已办结,区城管局",
        "V6,广场舞,广场舞音响太吵,广场舞,阳光花园,2026-02-27 08:00:00,2026-02-27 09:00:00,2026-03-05 12:00:00,,办理中,区城管局",
        // Never dispatched: 24 urgent hours from Sunday 08:00.
        "V7,通道堵塞,消防通道堵塞,消防通道,阳光花园,2026-03-01 08:00:00,,,,待派单,",
    ]

    @Test func historicRowsGetTheirRealTimelineAndVerdictsWorkedOutByHand() throws {
        let outcome = try ImportFixture.run(workspace, csv: try csv(Self.verdictRows))
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(outcome.summary.committed && outcome.summary.imported == 7)
        let byID = try ImportFixture.casesBySourceID(workspace)
        func due(_ id: String) -> String? { ImportFixture.local(workspace, byID[id]?.handlingDueAt ?? byID[id]?.dueAt) }
        #expect(due("V1") == "2026-01-13 10:00")
        #expect(due("V3") == "2026-02-28 16:00")
        #expect(due("V4") == "2026-02-24 11:00")
        #expect(due("V5") == "2026-02-25 12:00")
        #expect(due("V7") == "2026-03-02 08:00")
        let now = AppFixture.t0   // 2026-03-02 09:00
        let verdicts = byID.mapValues { $0.handlingVerdict(at: now) }
        #expect(verdicts == ["V1": .onTime, "V2": .late, "V3": .overdue, "V4": .onTime, "V5": .late, "V6": .pending, "V7": .overdue])
        #expect(outcome.summary.verdicts == [.onTime: 2, .late: 2, .overdue: 2, .pending: 1])
        // As of other instants: V3 was not overdue yet on the Saturday afternoon; V6 is after its source due.
        #expect(byID["V3"]?.handlingVerdict(at: try ImportFixture.at(workspace, "2026-02-28 15:59")) == .pending)
        #expect(byID["V6"]?.handlingVerdict(at: try ImportFixture.at(workspace, "2026-03-05 12:01")) == .overdue)

        let v1 = try #require(byID["V1"])
        #expect(v1.title == "通道堵塞" && v1.description == "消防通道被电动车堵塞\n请尽快清理")
        #expect(v1.source == .hotline && v1.grid == "G1" && v1.handler == .unit("CG") && v1.status == .closed)
        #expect(v1.code == "C-260112-0001")
        let timeline = try workspace.store.events(ofCase: v1.id).map(\.event)
        #expect(timeline.map(\.body.kind) == [.reported, .accepted, .dispatched, .closed])
        #expect(timeline.map { ImportFixture.local(workspace, $0.at) } == ["2026-01-12 09:00", "2026-01-12 10:00", "2026-01-12 10:00", "2026-01-13 09:30"])
        #expect(byID["V4"]?.handler == .unit("GA"))
        #expect(try workspace.store.check().isClean)
    }

    @Test func reImportingTheSameFileChangesNothing() throws {
        let path = try csv(Self.verdictRows)
        _ = try ImportFixture.run(workspace, csv: path)
        let seq = try workspace.store.lastSeq()
        let cases = try workspace.store.cases(CaseQuery(order: .code))
        let again = try ImportFixture.run(workspace, csv: path)
        #expect(again.problems.isEmpty)
        #expect(again.summary.imported == 0 && again.summary.unchanged == 7 && again.summary.bad == 0)
        #expect(try workspace.store.lastSeq() == seq)
        #expect(try workspace.store.cases(CaseQuery(order: .code)) == cases)
    }

    @Test func theSameIDWithOtherContentIsABadRowInTheFileAndAcrossImports() throws {
        _ = try ImportFixture.run(workspace, csv: try csv(Array(Self.verdictRows.prefix(1))))
        let changed = Self.verdictRows[0].replacingOccurrences(of: "2026-01-13 09:30:00", with: "2026-01-13 09:40:00")
        let outcome = try ImportFixture.run(workspace, csv: try csv([
            changed,
            "D1,重复,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,,,,待派单,",
            "D1,重复,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,,,,待派单,",
            "D1,重复但不同,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,,,,待派单,",
        ], name: "again.csv"))
        #expect(outcome.summary.bad == 2 && outcome.summary.unchanged == 1 && !outcome.summary.committed)
        #expect(outcome.problems.map(\.line) == [2, 6])
        #expect(outcome.problems.map(\.column) == ["工单编号", "工单编号"])
        #expect(outcome.problems[0].reason == "该来源编号已导入为案件 C-260112-0001，但内容不同（同一编号的记录不能有两种内容）")
        #expect(outcome.problems[1].reason == "与第 4 行（第 2 条记录）的来源编号相同，但内容不同")
    }

    /// On a database this source never imported into, ids are checked against the file's
    /// own earlier records (a filter, then the key): the same across batches.
    @Test func theSameIDInALaterBatchIsFoundWithoutAnEarlierImport() throws {
        var options = ImportOptions(skipBad: true)
        options.batchSize = 2
        let outcome = try ImportFixture.run(workspace, csv: try csv([
            "D1,重复,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,,,,待派单,",
            "D2,其他,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,,,,待派单,",
            "D3,其他,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,,,,待派单,",
            "D1,重复,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,,,,待派单,",
            "D4,其他,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,,,,待派单,",
            "D1,重复但不同,消防通道堵塞,消防通道,阳光花园,2026-01-12 09:00:00,,,,待派单,",
        ]), options: options)
        #expect(outcome.summary.imported == 4 && outcome.summary.unchanged == 1 && outcome.summary.bad == 1)
        #expect(outcome.problems.map(\.line) == [7])
        #expect(outcome.problems.first?.reason == "与本文件前面的一条记录（案件 C-260112-0001）来源编号相同，但内容不同")
        #expect(try workspace.store.check().isClean)
    }

    /// One row of every kind of mistake, each reported with its line, column and value.
    @Test func everyBadRowIsListedAndNothingIsImported() throws {
        let rows = [
            "OK1,正常,消防通道堵塞,消防通道,阳光花园,2026-02-02 09:00:00,,,,待派单,",
            "B1,日期错,消防通道堵塞,消防通道,阳光花园,2026-13-01 09:00:00,,,,待派单,",
            "B2,先结后开,消防通道堵塞,消防通道,阳光花园,2026-02-23 09:00:00,2026-02-23 10:00:00,,2026-02-22 09:00:00,已办结,区城管局",
            "B3,未知分类,消防通道堵塞,乱扔垃圾,阳光花园,2026-02-23 09:00:00,,,,待派单,",
            "B4,未知网格,消防通道堵塞,消防通道,火星小区,2026-02-23 09:00:00,,,,待派单,",
            "B5,未知状态,消防通道堵塞,消防通道,阳光花园,2026-02-23 09:00:00,,,,挂起,",
            "B6,字段太少,消防通道",
            "B7,\"引号\"后有字,消防通道堵塞,消防通道,阳光花园,2026-02-23 09:00:00,,,,待派单,",
            "B8,未来,消防通道堵塞,消防通道,阳光花园,2027-02-23 09:00:00,,,,待派单,",
            "B9,未知承办,消防通道堵塞,消防通道,阳光花园,2026-02-23 09:00:00,2026-02-23 10:00:00,,,办理中,区水务局",
            "B10,办结无承办,消防通道堵塞,消防通道,阳光花园,2026-02-23 09:00:00,,,2026-02-24 09:00:00,已办结,",
            ",无编号,消防通道堵塞,消防通道,阳光花园,2026-02-23 09:00:00,,,,待派单,",
            "B11,,,消防通道,阳光花园,2026-02-23 09:00:00,,,,待派单,",
            "B12,时限早于受理,消防通道堵塞,消防通道,阳光花园,2026-02-23 09:00:00,2026-02-23 10:00:00,2026-02-22 09:00:00,,办理中,区城管局",
            "B13,无受理时间,消防通道堵塞,消防通道,阳光花园,,,,,待派单,",
            "OK2,正常,\"多行\n内容\",消防通道,阳光花园,2026-02-02 09:00:00,,,,待派单,",
        ]
        let seq = try workspace.store.lastSeq()
        let outcome = try ImportFixture.run(workspace, csv: try csv(rows))
        #expect(!outcome.summary.committed)
        #expect(outcome.summary.records == 16 && outcome.summary.bad == 14)
        #expect(try workspace.store.lastSeq() == seq)
        #expect(try workspace.store.count(CaseQuery()) == 0)
        typealias Seen = (line: Int?, column: String?, value: String?, reason: String)
        let seen: [Seen] = outcome.problems.map { ($0.line, $0.column, $0.value, $0.reason) }
        func has(_ line: Int, _ column: String?, _ value: String?, _ reason: String) {
            #expect(seen.contains { $0.line == line && $0.column == column && $0.value == value && $0.reason.contains(reason) },
                    "line \(line) \(column ?? "-") \(value ?? "-") \(reason) not in \(outcome.problems.map(\.description))")
        }
        has(3, "受理时间", "2026-13-01 09:00:00", "无法识别的日期时间")
        has(4, "办结时间", "2026-02-22 09:00:00", "办结时间 2026-02-22 09:00 早于受理时间 2026-02-23 09:00")
        has(5, "诉求类别", "乱扔垃圾", "未知的分类，映射文件 [category.map] 中没有，也没有 default")
        has(6, "所属小区", "火星小区", "未知的网格")
        has(7, "工单状态", "挂起", "未知的状态")
        has(8, nil, nil, "该行有 3 个字段，表头有 11 列")
        has(9, "标题", nil, "引号闭合后还有字符")
        has(10, "受理时间", "2027-02-23 09:00:00", "时间晚于现在")
        has(11, "承办单位", "区水务局", "未知的承办人或承办单位")
        has(12, "承办单位", "", "「已结案」的案件须有承办人或承办单位")
        has(13, "工单编号", "", "来源编号为空")
        has(14, "标题", "", "标题和内容都为空")
        has(15, "办理时限", "2026-02-22 09:00:00", "不晚于受理时间")
        has(16, "受理时间", "", "受理时间为空")
        // The multi-line row after them all was read as one record.
        #expect(outcome.summary.imported == 2)
        #expect(outcome.problems.allSatisfy { $0.file.hasSuffix("hotline.csv") })
        #expect(outcome.problems[0].description.hasPrefix(dir.path("hotline.csv") + ":3: 第 6 列「受理时间」 \"2026-13-01 09:00:00\"："))
    }

    @Test func skipBadKeepsTheGoodRowsAndHandsOverTheRejects() throws {
        let outcome = try ImportFixture.run(workspace, csv: try csv([
            "OK1,正常,消防通道堵塞,消防通道,阳光花园,2026-02-02 09:00:00,,,,待派单,",
            "B3,未知分类,消防通道堵塞,乱扔垃圾,阳光花园,2026-02-23 09:00:00,,,,待派单,",
            "OK2,正常,消防通道堵塞,消防通道,和平里,2026-02-02 09:00:00,,,,待派单,",
        ]), options: ImportOptions(skipBad: true))
        #expect(outcome.summary.committed && outcome.summary.imported == 2 && outcome.summary.bad == 1)
        #expect(outcome.rejected.count == 1)
        #expect(outcome.rejected.first?.0.fields.first == "B3")
        #expect(try Set(ImportFixture.casesBySourceID(workspace).keys) == ["OK1", "OK2"])
        #expect(try workspace.store.check().isClean)
    }

    @Test func aDryRunChecksEverythingAndWritesNothing() throws {
        let outcome = try ImportFixture.run(workspace, csv: try csv(Self.verdictRows), options: ImportOptions(dryRun: true))
        #expect(outcome.summary.imported == 7 && !outcome.summary.committed)
        #expect(try workspace.store.lastSeq() == 0)
    }

    @Test func anOperatorImportsOnlyIntoGridsWhereTheyMayDispatch() throws {
        // 李派遣 dispatches in community C1 (G1, G2): 和平里 (G3) is outside.
        let outcome = try ImportFixture.run(workspace, csv: try csv([
            "OK1,正常,消防通道堵塞,消防通道,阳光花园,2026-02-02 09:00:00,,,,待派单,",
            "X1,辖区外,消防通道堵塞,消防通道,和平里,2026-02-02 09:00:00,,,,待派单,",
        ]), as: "dsp")
        #expect(outcome.problems.count == 1)
        #expect(outcome.problems.first?.column == "所属小区")
        #expect(outcome.problems.first?.reason.contains("无权向网格 G3 导入案件") == true)
        // A grid worker dispatches nowhere.
        let worker = try ImportFixture.run(workspace, csv: try csv(["OK1,正常,消防通道堵塞,消防通道,阳光花园,2026-02-02 09:00:00,,,,待派单,"], name: "wk.csv"), as: "wk")
        #expect(worker.summary.bad == 1 && worker.problems.first?.reason.contains("王网格（wk）无权向网格 G1 导入案件") == true)
    }

    @Test func aGBKFileImportsTheSameCasesAsItsUTF8Original() throws {
        let text = ([ImportFixture.header] + Self.verdictRows).joined(separator: "\r\n") + "\r\n"
        let path = dir.path("gbk.csv")
        try Data(try ImportFixture.gbk(text)).write(to: URL(fileURLWithPath: path))
        let outcome = try ImportFixture.run(workspace, csv: path, chunkSize: 5)
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(outcome.summary.imported == 7)
        let v1 = try #require(try ImportFixture.casesBySourceID(workspace)["V1"])
        #expect(v1.description == "消防通道被电动车堵塞\n请尽快清理" && v1.title == "通道堵塞")
        // The same rows in UTF-8 are the same records: nothing new.
        let utf8 = try ImportFixture.run(workspace, csv: try csv(Self.verdictRows, name: "utf8.csv"))
        #expect(utf8.summary.unchanged == 7 && utf8.summary.bad == 0)
    }

    @Test func aGeneratedFileOfAHundredThousandRows() throws {
        // Mondays of January (01-05 … 01-26): dispatched 10:00, due Tuesday 10:00.
        let days = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]
        let next = ["2026-01-06", "2026-01-13", "2026-01-20", "2026-01-27"]
        var text = ImportFixture.header + "\n"
        for i in 0..<100_000 {
            let d = i % 4
            let minute = String(format: "%02d", i % 60)
            let reported = "\(days[d]) 09:\(minute):00"
            switch i % 3 {
            case 0: text += "R\(i),楼道堵塞 \(i),\"第 \(i) 号工单\n多行\",消防通道,阳光花园,\(reported),\(days[d]) 10:00:00,,\(next[d]) 09:00:00,已办结,区城管局\n"
            case 1: text += "R\(i),楼道堵塞 \(i),第 \(i) 号工单,消防通道,和平里,\(reported),\(days[d]) 10:00:00,,\(next[d]) 11:00:00,已办结,区城管局\n"
            default: text += "R\(i),楼道堵塞 \(i),第 \(i) 号工单,消防通道,阳光花园,\(reported),\(days[d]) 10:00:00,,,办理中,公安派出所\n"
            }
        }
        let path = dir.path("big.csv")
        try ImportFixture.write(text, to: path)
        let outcome = try ImportFixture.run(workspace, csv: path)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.summary.imported == 100_000)
        #expect(outcome.summary.verdicts == [.onTime: 33_334, .late: 33_333, .overdue: 33_333])
        #expect(try workspace.store.count(CaseQuery()) == 100_000)
        #expect(try workspace.store.count(CaseQuery(openOnly: true)) == 33_333)
        // Per-day case numbers run on past four digits.
        #expect(try workspace.store.caseState(code: "C-260105-25000") != nil)
        let seq = try workspace.store.lastSeq()
        #expect(seq == 33_334 * 4 + 33_333 * 4 + 33_333 * 3)
        let again = try ImportFixture.run(workspace, csv: path)
        #expect(again.summary.unchanged == 100_000 && again.summary.imported == 0)
        #expect(try workspace.store.lastSeq() == seq)
    }
}
