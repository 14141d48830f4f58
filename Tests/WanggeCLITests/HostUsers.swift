import Foundation
import Testing

/// OS users and a group created for one test and deleted after it, so that the real
/// binary can run as different logins on one database. Needs root and `useradd`; tests
/// using it are disabled elsewhere with the reason printed.
final class HostUsers: @unchecked Sendable {
    static let useradd = "/usr/sbin/useradd"
    static let runuser = "/usr/sbin/runuser"

    /// Why OS users cannot be created here, or nil when they can.
    static let unavailableReason: String? = {
        if geteuid() != 0 { return "跳过：需要 root 才能创建系统用户（当前 uid \(geteuid())）" }
        for tool in [useradd, "/usr/sbin/userdel", "/usr/sbin/groupadd", "/usr/sbin/groupdel", runuser]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "跳过：没有 \(tool)"
        }
        return nil
    }()

    static var available: Bool { unavailableReason == nil }

    let group: String
    private(set) var logins: [String] = []
    private let suffix: String

    /// Creates the group `wgt<random>`; users are added with `add`.
    init() throws {
        suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        group = "wgt" + suffix
        try Self.tool("/usr/sbin/groupadd", [group])
    }

    /// Creates a user `<prefix><random>` with no home directory, in the group.
    func add(_ prefix: String) throws -> String {
        let login = prefix + suffix
        try Self.tool(Self.useradd, ["-M", "-N", "-g", group, "-s", "/usr/sbin/nologin", login])
        logins.append(login)
        return login
    }

    deinit {
        for login in logins { try? Self.tool("/usr/sbin/userdel", [login]) }
        try? Self.tool("/usr/sbin/groupdel", [group])
    }

    /// The numeric id of the group.
    var gid: gid_t {
        get throws { try #require(getgrnam(group)?.pointee.gr_gid, "no group \(group)") }
    }

    /// The real binary run as `login` through runuser (the OS login is what wangge trusts).
    func run(as login: String, _ binary: URL, _ arguments: [String]) throws -> CLIHarness.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.runuser)
        process.arguments = ["-u", login, "--", binary.path] + arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for key in ["WANGGE_DB", "WANGGE_NOW"] { env.removeValue(forKey: key) }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return CLIHarness.Running(process: process, out: out, err: err).wait()
    }

    @discardableResult
    static func tool(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(path) \(arguments.joined(separator: " ")): \(text)")
        return text
    }
}
