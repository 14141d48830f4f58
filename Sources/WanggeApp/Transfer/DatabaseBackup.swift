import Foundation
import WanggeStore

/// `wangge backup`: a consistent copy of the database taken while consoles keep
/// working. SQLite's `VACUUM INTO` copies one read snapshot (WAL lets writers go on
/// meanwhile) into a temporary file beside the target; the copy is opened and checked
/// (`PRAGMA quick_check`, and with `verify` the whole hash chain and projections) before
/// it is renamed into place, so the target is either a good backup or absent.
public enum DatabaseBackup {
    public struct Summary: Sendable {
        public var events: Int64
        public var cases: Int64
        public var bytes: Int64
        public var verified: Bool
    }

    public static func take(from store: SQLiteCaseStore, to path: String, verify: Bool) throws -> Summary {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path) else {
            throw OutputFileError(message: "\(path) 已存在：备份不会覆盖已有文件")
        }
        let temporary = path + ".partial-\(getpid())"
        try? fm.removeItem(atPath: temporary)
        defer { for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: temporary + suffix) } }
        let sealIntact = try store.schemaSealIntact()
        try store.copy(to: temporary)
        if sealIntact {
            // The copy has a schema cookie of its own; a sound source's is carried over as
            // sound (a source already flagged stays flagged in its copy).
            try SQLiteCaseStore(path: temporary).sealSchema()
        }
        let summary: Summary
        do {
            let copy = try SQLiteCaseStore(path: temporary, readOnly: true)
            let quick = try copy.sqliteQuickCheck()
            guard quick == "ok" else { throw OutputFileError(message: "备份副本未通过 quick_check：\(quick)") }
            if verify {
                let report = try copy.check()
                guard report.isClean else {
                    throw OutputFileError(message: "备份副本未通过完整性校验：\(report.problems.first.map { "\($0)" } ?? "")")
                }
            }
            let counts = try copy.counts()
            let size = (try? fm.attributesOfItem(atPath: temporary)[.size] as? Int64) ?? 0
            summary = Summary(events: counts.events, cases: counts.cases, bytes: size, verified: verify)
        }
        guard rename(temporary, path) == 0 else {
            throw OutputFileError(message: "无法写入 \(path)：\(String(cString: strerror(errno)))")
        }
        return summary
    }
}
