import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore

/// `export events` → `import events` into a fresh database: the same configuration, the
/// same log byte for byte, the same cases, and `check` passes; a tampered, cut-off or
/// misplaced file imports nothing.
struct EventLogTransferTests {
    let dir: TemporaryDirectory
    let source: Workspace
    static let now = Instant(secondsSinceEpoch: 1_772_416_800)   // 2026-03-02 10:00 +08:00

    init() throws {
        dir = try TemporaryDirectory()
        let store = try SQLiteCaseStore(path: dir.path("source.sqlite"))
        source = try DemoBuilder.build(
            into: store, options: .init(cases: 400, seed: 3, operatorLogin: "tester", operatorRole: .admin), now: Self.now)
        // Some history of every other kind: an import (keys on events) and installed rules.
        let csv = dir.path("h.csv")
        try ImportFixture.write("id,text,reported_at\nH1,楼道灯坏了,2026-03-01 09:00\n", to: csv)
        let mapping = try ImportMapping.parse(
            "source = \"x\"\n[columns]\nid = \"id\"\ntext = \"text\"\nreported_at = \"reported_at\"\n[category]\ndefault = \"0603\"\n[grid]\ndefault = \"0101\"\n",
            file: "m.toml", context: source.context)
        let importer = CaseImporter(workspace: source, mapping: mapping, operator: try #require(source.organisation.person("tester")),
                                    now: Self.now, options: ImportOptions())
        #expect(try importer.run(try CSVRecordSource(path: csv, encoding: .auto), report: { _ in }).imported == 1)
        try store.setConfiguration(["rules.toml": "# 规则\n"])
    }

    func freshStore(_ name: String) throws -> SQLiteCaseStore { try SQLiteCaseStore(path: dir.path(name)) }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func exportThenImportIntoAnEmptyDatabaseReproducesTheState() throws {
        let path = dir.path("log.jsonl")
        let exported = try EventLogFile.export(source.store, to: path)
        #expect(exported.events == (try source.store.lastSeq()))
        let target = try freshStore("target.sqlite")
        #expect(try EventLogFile.importFile(path, into: target) == exported.events)

        let report = try target.check()
        #expect(report.isClean, "\(report.problems)")
        #expect(report.eventsChecked == Int(exported.events))
        #expect(try target.allConfiguration().map(\.name) == ["calendar.toml", "categories.toml", "demo.toml", "org.toml", "rules.toml"])
        #expect(try target.allConfiguration().map(\.text) == (try source.store.allConfiguration().map(\.text)))
        let all = CaseQuery(order: .code)
        #expect(try target.cases(all) == (try source.store.cases(all)))
        #expect(try target.log(afterSeq: 0, limit: 1_000_000, caseID: nil) == (try source.store.log(afterSeq: 0, limit: 1_000_000, caseID: nil)))
        #expect(try target.openCountsByGrid() == (try source.store.openCountsByGrid()))
        // The counters go on: a new report gets the next number of its day on both.
        let restored = try Workspace(store: target)
        let tester = try #require(restored.organisation.person("tester"))
        let a = try CaseService(workspace: source).report(ReportCommand(title: "新上报", category: "0603", grid: "0101"), as: tester, at: Self.now)
        let b = try CaseService(workspace: restored).report(ReportCommand(title: "新上报", category: "0603", grid: "0101"), as: tester, at: Self.now)
        #expect(a.code == b.code && a.id == b.id)
        // An exported import key still makes a re-import of the same record a no-op.
        #expect(try target.log(afterSeq: 0, limit: 1_000_000, caseID: nil).contains { $0.idempotencyKey?.hasPrefix("import/x/H1#") == true })
    }

    @Test func aTamperedEventIsRefusedAtItsLineAndNothingIsWritten() throws {
        let path = dir.path("log.jsonl")
        _ = try EventLogFile.export(source.store, to: path)
        var text = try lines(path)
        let index = 10
        text[index] = text[index].replacingOccurrences(of: "\"actor\":\"", with: "\"actor\":\"x")
        try text.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let target = try freshStore("target.sqlite")
        do {
            _ = try EventLogFile.importFile(path, into: target)
            Issue.record("tampered log imported")
        } catch let error as ImportFileError {
            #expect(error.line == index + 1)
            #expect(error.message == "事件 #\(index) 的内容与其哈希不符：日志被改动")
        }
        #expect(try target.isEmpty())
    }

    @Test func aMissingEventOrACutOffFileIsRefused() throws {
        let path = dir.path("log.jsonl")
        _ = try EventLogFile.export(source.store, to: path)
        var text = try lines(path)
        text.remove(at: 5)
        try text.joined(separator: "\n").write(toFile: dir.path("gap.jsonl"), atomically: true, encoding: .utf8)
        let gap = try freshStore("gap.sqlite")
        #expect(throws: ImportFileError.self) { try EventLogFile.importFile(dir.path("gap.jsonl"), into: gap) }
        #expect(try gap.isEmpty())

        let all = try lines(path).filter { !$0.isEmpty }
        try (all.dropLast().joined(separator: "\n") + "\n").write(toFile: dir.path("cut.jsonl"), atomically: true, encoding: .utf8)
        let cut = try freshStore("cut.sqlite")
        do {
            _ = try EventLogFile.importFile(dir.path("cut.jsonl"), into: cut)
            Issue.record("cut-off log imported")
        } catch let error as ImportFileError {
            #expect(error.message.contains("文件不完整"))
        }
        #expect(try cut.isEmpty())
    }

    @Test func onlyAnEmptyDatabaseTakesALog() throws {
        let path = dir.path("log.jsonl")
        _ = try EventLogFile.export(source.store, to: path)
        let before = try source.store.lastSeq()
        do {
            _ = try EventLogFile.importFile(path, into: source.store)
            Issue.record("imported into a used database")
        } catch let error as ImportFileError {
            #expect(error.message == "目标数据库不是空的：事件日志只能导入到新建的空数据库")
        }
        #expect(try source.store.lastSeq() == before)
    }

    @Test func aBackupIsAConsistentCopyAndNeverOverwrites() throws {
        let path = dir.path("backup.sqlite")
        let summary = try DatabaseBackup.take(from: source.store, to: path, verify: true)
        #expect(summary.events == (try source.store.lastSeq()) && summary.verified)
        let copy = try SQLiteCaseStore(path: path)
        #expect(try copy.check().isClean)
        #expect(try copy.cases(CaseQuery(order: .code)) == (try source.store.cases(CaseQuery(order: .code))))
        #expect(throws: OutputFileError.self) { try DatabaseBackup.take(from: source.store, to: path, verify: false) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).allSatisfy { !$0.contains(".partial-") })
    }
}
