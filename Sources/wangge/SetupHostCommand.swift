import ArgumentParser
import Foundation
import WanggeApp
import WanggeStore

/// `wangge setup-host`: prepares a shared host for several operators, idempotently.
///
/// The database directory belongs to a group (`wangge`) with mode 2770: members may
/// create and write the database and its -wal/-shm files, nobody else may even list it,
/// and the setgid bit gives every new file the group. The database file is created 0660
/// before SQLite ever opens it, so SQLite gives the -wal and -shm files the same mode.
struct SetupHostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup-host", abstract: "为多名操作员共用的主机准备数据库目录和文件（一般以 root 运行）",
        discussion: """
            --db 指明数据库文件（如 /srv/wangge/wangge.sqlite）。建立（或修正）数据库目录：属组 --group，权限 2770；数据库文件 0660（连同 -wal、-shm）。\
            给出 --org 时同时初始化配置；给出 --install-binary 时把本程序安装到该目录。可重复运行。
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "操作员所在的用户组") var group: String = "wangge"
    @Option(help: "组织架构文件 org.toml（可选：同时初始化）") var org: String?
    @Option(help: "事件分类文件（可选，默认内置）") var categories: String?
    @Option(help: "工作日历文件（可选，默认内置）") var calendar: String?
    @Option(name: .customLong("install-binary"), help: "把本程序复制到该目录（如 /usr/local/bin），权限 0755") var binaryDirectory: String?

    func run() throws {
        try ErrorReporting.run {
            guard let groupEntry = getgrnam(group) else {
                throw AppError.badInput("系统中没有用户组 \(group)：请先运行 groupadd \(group)，再用 usermod -aG \(group) 登录名 把每位操作员加入该组")
            }
            let gid = groupEntry.pointee.gr_gid
            guard global.db != nil || ProcessInfo.processInfo.environment["WANGGE_DB"] != nil else {
                throw AppError.badInput("请用 --db 指明共用数据库的路径，如 --db /srv/wangge/wangge.sqlite")
            }
            let db = global.databasePath()
            // Configuration files are checked before anything is created.
            let texts = try org.map { try InitCommand.read(org: $0, categories: categories, calendar: calendar) }
            if let binaryDirectory { try installBinary(into: binaryDirectory) }
            let directory = DatabaseFileSafety.directoryOf(db)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try own(directory, gid: gid, mode: 0o2770)
            if !FileManager.default.fileExists(atPath: db) {
                let fd = open(db, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o660)
                guard fd >= 0 else { throw AppError.badInput("无法建立数据库文件 \(db)：\(String(cString: strerror(errno)))") }
                close(fd)
            }
            try own(db, gid: gid, mode: 0o660)
            // Migrates (or creates the schema in) the empty file; -wal and -shm are made
            // with the database's mode and, in the setgid directory, its group.
            let store = try SQLiteCaseStore(path: db, durability: GlobalOptions.durability())
            var initialised: String
            if let texts {
                try InitCommand.requireAdminToReplace(store, global)
                let context = try InitCommand.install(texts, into: store)
                initialised = "已初始化：\(context.organisation.grids.count) 个网格，\(context.organisation.people.count) 名人员"
            } else if try store.configuration(named: ConfigurationName.organisation) == nil {
                initialised = "尚未初始化：请运行 wangge --db \(db) init --org org.toml"
            } else {
                initialised = "已有配置，未改动"
            }
            for file in [db, db + "-wal", db + "-shm"] where FileManager.default.fileExists(atPath: file) {
                try own(file, gid: gid, mode: 0o660)
            }
            if let problem = DatabaseFileSafety.problem(path: db) { throw AppError.unsafeDatabase(problem) }
            Output.say("目录 \(directory)：属组 \(group)，权限 2770")
            Output.say("数据库 \(db)：属组 \(group)，权限 0660；\(initialised)")
            Output.say("下一步：usermod -aG \(group) 登录名，把操作员加入该组；wangge --db \(db) operator add 登录名 --role … --scope … 添加到人员名单")
        }
    }

    /// Gives `path` the group and the mode; the owner stays.
    func own(_ path: String, gid: gid_t, mode: mode_t) throws {
        guard chown(path, uid_t.max, gid) == 0 else {
            throw AppError.badInput("无法把 \(path) 的属组改为 \(group)：\(String(cString: strerror(errno)))（需要 root，或本人属于该组）")
        }
        guard chmod(path, mode) == 0 else {
            throw AppError.badInput("无法修改 \(path) 的权限：\(String(cString: strerror(errno)))")
        }
    }

    /// Copies this executable to `directory/wangge` (0755), replacing an older one atomically.
    func installBinary(into directory: String) throws {
        let source = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let target = directory + "/wangge"
        let temporary = directory + "/.wangge-install-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: temporary)
        try FileManager.default.copyItem(atPath: source, toPath: temporary)
        guard chmod(temporary, 0o755) == 0, rename(temporary, target) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw AppError.badInput("无法安装到 \(target)：\(String(cString: strerror(errno)))")
        }
        Output.say("已安装 \(target)（0755）")
    }
}
