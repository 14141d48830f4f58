import Foundation
import GRDB
import WanggeCore

/// The event store on one SQLite file in WAL mode, shared by every console and command
/// on the host.
///
/// Durability is chosen on purpose (see `Durability`): by default WAL with
/// `synchronous = NORMAL`, which keeps every committed case through a crash or kill of
/// any process and never corrupts the file; `.full` also survives a power cut at the
/// cost of one fsync per command (measured by `wangge bench`). A busy timeout makes a
/// second writer wait instead of failing with "database is locked".
public final class SQLiteCaseStore: CaseStore, @unchecked Sendable {
    public let path: String
    let pool: DatabasePool
    /// A dedicated connection for `PRAGMA data_version`: it only changes for commits made
    /// through other connections, so it must not be the connection that writes.
    let watcher: DatabaseQueue
    private let placesLock = Mutex<[String: GridPlace]>([:])
    /// Waits for another process's write lock, with notices (see `BusyWaits`).
    public let busyWaits: BusyWaits

    /// Opens (creating if needed) the database at `path` and migrates it.
    /// How hard a commit is pushed to disk.
    public enum Durability: String, Sendable {
        /// WAL + synchronous=NORMAL: survives process crashes; a power cut may lose the
        /// last commits (never corrupts). Tens of thousands of commands per second.
        case normal
        /// WAL + synchronous=FULL: an fsync per commit; survives a power cut.
        case full
    }

    /// `busyTimeoutSeconds`: how long a command waits for another process's write lock
    /// before it fails (with notices through `busyWaits` after the first second).
    public init(path: String, busyTimeoutSeconds: Double = 10, readOnly: Bool = false, durability: Durability = .normal) throws {
        self.path = path
        let waits = BusyWaits(limitSeconds: Int(busyTimeoutSeconds.rounded(.up)))
        busyWaits = waits
        var config = Configuration()
        config.busyMode = .callback { tries in waits.shouldRetry(afterTries: tries) }
        config.readonly = readOnly
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // 32 MB of page cache per connection (SQLite's default is 2 MB): a text filter
            // that walks the queue touches thousands of wide case rows, and on a million
            // cases a warm walk took 2-11 ms against 15-50 ms with the default. It grows
            // only as pages are read; the console's RSS stays under 100 MB.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        do {
            let cookieBeforeOpen = readOnly ? nil : SchemaSeal.cookieBeforeOpen(path)
            pool = try DatabasePool(path: path, configuration: config)
            if !readOnly {
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: durability == .full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
                }
                let migrator = Schema.migrator()
                if try !pool.read({ db in try migrator.hasCompletedMigrations(db) }) {
                    try migrator.migrate(pool)
                    try pool.write { db in try SchemaSeal.record(db) }
                } else if let cookieBeforeOpen {
                    try pool.write { db in try SchemaSeal.follow(db, from: cookieBeforeOpen) }
                }
            }
            var watcherConfig = Configuration()
            watcherConfig.busyMode = .callback { tries in waits.shouldRetry(afterTries: tries) }
            watcherConfig.readonly = true
            watcher = try DatabaseQueue(path: path, configuration: watcherConfig)
            try reloadGridPlaces()
        } catch let error as DatabaseError {
            throw StoreError.database("无法打开 \(path)：\(Self.describe(error))" + Self.readOnlyReason(error, path: path))
        }
    }

    static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: "数据库被其他进程锁定，等待超时，未写入任何内容；请稍后重试（\(error.message ?? "")）"
        case .SQLITE_READONLY: "数据库只读，未写入任何内容（\(error.message ?? "")）"
        case .SQLITE_FULL: "磁盘已满，未写入任何内容；请腾出空间后重试"
        case .SQLITE_IOERR: "读写磁盘出错（磁盘已满或故障），未写入任何内容（\(error.message ?? "")）"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: "文件不是有效的数据库或已损坏"
        case .SQLITE_CANTOPEN: "无法打开数据库文件（路径或权限）"
        default: error.message ?? "\(error)"
        }
    }

    /// For a read-only error, which file the process may not write and why (owner, group,
    /// mode), so the operator knows whom to ask; empty otherwise.
    static func readOnlyReason(_ error: DatabaseError, path: String) -> String {
        guard error.resultCode == .SQLITE_READONLY else { return "" }
        let directory = (path as NSString).deletingLastPathComponent
        for file in [path, path + "-wal", path + "-shm", directory.isEmpty ? "." : directory]
        where FileManager.default.fileExists(atPath: file) && access(file, W_OK) != 0 {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            let owner = getpwuid(info.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "\(info.st_uid)"
            let group = getgrgid(info.st_gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "\(info.st_gid)"
            let mode = String(UInt32(info.st_mode) & 0o7777, radix: 8)
            return "：当前用户不能写 \(file)（属主 \(owner)，属组 \(group)，权限 \(mode)）；请管理员把你加入该组或用 wangge setup-host 修正权限"
        }
        return ""
    }

    /// Runs a database block and turns SQLite errors into readable store errors.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError.database(Self.describe(error) + Self.readOnlyReason(error, path: path))
        }
    }

    func reloadGridPlaces() throws {
        let places = try guarded {
            try pool.read { db in
                var map: [String: GridPlace] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT grid, community, street FROM grid_places")
                while let row = try rows.next() { map[row[0]] = GridPlace(community: row[1], street: row[2]) }
                return map
            }
        }
        placesLock.withLock { $0 = places }
    }

    /// Replaces the cached grid → place map (inside a transaction that has just written
    /// `grid_places`, before the commit makes them readable elsewhere).
    func cacheGridPlaces(_ places: [String: GridPlace]) {
        placesLock.withLock { $0 = places }
    }

    func placesSnapshot() -> [String: GridPlace] { placesLock.withLock { $0 } }

    func place(of grid: String) -> GridPlace {
        placesLock.withLock { $0[grid] } ?? GridPlace(community: "", street: "")
    }

    // MARK: configuration

    public func configuration(named name: String) throws -> String? {
        try guarded { try pool.read { db in try String.fetchOne(db, sql: "SELECT text FROM configuration WHERE name = ?", arguments: [name]) } }
    }

    public func setConfiguration(_ files: [String: String]) throws {
        try setConfiguration(files, gridPlaces: nil)
    }

    /// Stores configuration texts and, when given, replaces the grid → community map.
    public func setConfiguration(_ files: [String: String], gridPlaces: [String: GridPlace]?) throws {
        try guarded {
            try pool.write { db in
                for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT OR REPLACE INTO configuration(name, text) VALUES (?, ?)", arguments: [name, text])
                }
                if let gridPlaces {
                    try db.execute(sql: "DELETE FROM grid_places")
                    for (grid, place) in gridPlaces.sorted(by: { $0.key < $1.key }) {
                        try db.execute(sql: "INSERT INTO grid_places(grid, community, street) VALUES (?, ?, ?)",
                                       arguments: [grid, place.community, place.street])
                    }
                }
            }
        }
        try reloadGridPlaces()
    }

    /// Reads one configuration text and writes its replacement in one write transaction,
    /// so two administrators changing it at once cannot lose each other's change.
    /// `change` may throw to write nothing.
    public func updateConfiguration(named name: String, _ change: (String?) throws -> String) throws {
        try immediateWrite { db in
            let current = try String.fetchOne(db, sql: "SELECT text FROM configuration WHERE name = ?", arguments: [name])
            let text = try change(current)
            try db.execute(sql: "INSERT OR REPLACE INTO configuration(name, text) VALUES (?, ?)", arguments: [name, text])
        }
    }

    // MARK: change feed

    public func changeCounter() throws -> Int64 {
        try guarded {
            try watcher.inDatabase { db in
                let version = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
                return version
            }
        }
    }
}

/// A tiny lock-protected value (Swift's Synchronization.Mutex needs macOS 15 on Apple
/// platforms; this works everywhere the package builds).
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
