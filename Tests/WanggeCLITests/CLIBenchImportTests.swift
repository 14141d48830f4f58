import Foundation
import Testing

/// `wangge bench-import` on a small file: the real binary imports, the sqlite3 shell
/// loads the file and copies our rows into a fresh wangge database (the floor), and the
/// figures come out beside each other. Only the lines are checked, never the times.
@Suite struct CLIBenchImportTests {
    @Test(.enabled(if: CLIFaultTests.sqlite3 != nil, Comment(rawValue: CLIFaultTests.noSQLite)), .timeLimit(.minutes(10)))
    func floorIsPrintedBesideImportAndShell() throws {
        let cli = try CLIHarness()
        let work = cli.dir.appendingPathComponent("bench").path
        let r = try cli.run("bench-import", "--rows", "300", "--smaller", "0", "--dir", work)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("写入 300 件案件"))
        #expect(r.stdout.contains("sqlite3 .import 同一文件到一张普通表（300 行"))
        // Both ways of the copy ran and were checked against our database's row counts.
        #expect(r.stdout.contains("一个事务，索引保留）"))
        #expect(r.stdout.contains("一个事务，先删索引、复制后重建）"))
        #expect(r.stdout.range(of: #"floor: [0-9.]+ s = [0-9.]+ x \.import"#, options: .regularExpression) != nil, "\(r.stdout)")
        #expect(r.stdout.range(of: #"我们的导入写出：数据库 [0-9.]+ MiB，WAL [0-9.]+ MiB"#, options: .regularExpression) != nil)
        // The floor's database is removed after each way; the imported one stays in --dir.
        #expect(!FileManager.default.fileExists(atPath: work + "/floor-300.sqlite"))
        #expect(FileManager.default.fileExists(atPath: work + "/import-300.sqlite"))
    }
}
