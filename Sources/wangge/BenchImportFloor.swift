import ArgumentParser
import Foundation
import WanggeStore

/// The floor of `wangge bench-import`: the rows our import wrote, copied by the sqlite3
/// shell into a fresh database with wangge's schema (every index and trigger, made by
/// our migrations on an empty file) by pure SQL in one transaction, with the import's
/// pragmas. No parsing, hashing or mapping: only the writing that any program keeping
/// these rows under this schema must do. Two ways, the faster is the floor: the indexes
/// kept during the copy, or dropped and built again at the end.
struct ImportFloor {
    let sqlite3: String
    /// The database our import wrote.
    let imported: String
    let base: String
    let rows: Int

    struct Result {
        var label: String
        var run: ChildRun.Result
        var databaseBytes: Int64
        var walBytes: Int64
    }

    /// The tables whose rows are copied: everything but the text filter's index (built
    /// after the import, timed on its own line), the migrations' record and the schema seal.
    static let tablesSQL = """
        SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search%'
          AND name NOT IN ('grdb_migrations', 'integrity_marks') ORDER BY name = 'cases' DESC, name = 'engine_schedule' DESC, name
        """

    func measure() throws -> [Result] {
        let tables = try lines(SQLiteShell.run(sqlite3, ["-readonly", imported, Self.tablesSQL], input: nil))
        guard tables.contains("cases") && tables.contains("events") else { throw ValidationError("导入的数据库里没有 cases / events 表：\(imported)") }
        let expected = try SQLiteShell.run(sqlite3, ["-readonly", imported, Self.countsSQL], input: nil)
        var results: [Result] = []
        for rebuild in [false, true] {
            let path = base + "/floor-\(rows).sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            // wangge's schema on an empty file, then closed before the shell opens it.
            do { _ = try SQLiteCaseStore(path: path) }
            let indexes = rebuild ? try indexRows(of: path, tables: tables) : []
            let script = base + "/floor-\(rows).sql"
            try sql(tables: tables, indexes: indexes, walPath: path + "-wal").write(toFile: script, atomically: true, encoding: .utf8)
            let run = try ChildRun.run(sqlite3, ["-bail", path, ".read \(script)"], environment: ProcessInfo.processInfo.environment)
            try? FileManager.default.removeItem(atPath: script)
            guard run.status == 0, !run.output.contains("Error") else { throw ValidationError("sqlite3 复制失败：\(run.output)") }
            let copied = try SQLiteShell.run(sqlite3, ["-readonly", path, Self.countsSQL], input: nil)
            guard copied == expected else { throw ValidationError("sqlite3 复制的行数不对：\(copied) ≠ \(expected)") }
            let wal = Int64(lines(run.output).last ?? "") ?? 0
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
            results.append(Result(label: rebuild ? "先删索引、复制后重建" : "索引保留", run: run, databaseBytes: size, walBytes: wal))
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return results
    }

    static let countsSQL = "SELECT (SELECT COUNT(*) FROM cases) || '/' || (SELECT COUNT(*) FROM events) || '/' || (SELECT COUNT(*) FROM assessment_facts)"

    /// The indexes that can be dropped (not those of UNIQUE or PRIMARY KEY constraints).
    func indexRows(of path: String, tables: [String]) throws -> [String] {
        let list = tables.map { "'\($0)'" }.joined(separator: ",")
        let out = try SQLiteShell.run(sqlite3, ["-readonly", "-separator", "\u{1F}", path, """
            SELECT name, replace(replace(sql, char(10), ' '), char(13), ' ') FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(list)) ORDER BY tbl_name, name
            """], input: nil)
        return lines(out)
    }

    /// The import's pragmas (WAL, `synchronous = NORMAL`, the store's 32 MB page cache,
    /// one sorter helper thread for index builds), one transaction; `WHERE true` keeps
    /// SQLite from copying the source's finished B-tree records as they are (its transfer
    /// optimisation, which no importer starting from text has), so every row and index
    /// entry is built. The last line printed is the WAL's size before the shell closes
    /// (and checkpoints) the database, which the timing includes, as our import's does.
    func sql(tables: [String], indexes: [String], walPath: String) -> String {
        var s = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -32768;
            PRAGMA threads = 1;
            ATTACH 'file:\(imported)?mode=ro' AS src;
            BEGIN;

            """
        let parsed = indexes.map { $0.split(separator: "\u{1F}", maxSplits: 1).map(String.init) }.filter { $0.count == 2 }
        for index in parsed { s += "DROP INDEX \"\(index[0])\";\n" }
        for table in tables {
            // The cases' trigger has written the schedule rows of open cases; the copy replaces them.
            s += "INSERT OR REPLACE INTO main.\"\(table)\" SELECT * FROM src.\"\(table)\" WHERE true;\n"
        }
        for index in parsed { s += index[1] + ";\n" }
        s += "COMMIT;\n.shell stat -c %s '\(walPath)'\n"
        return s
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
