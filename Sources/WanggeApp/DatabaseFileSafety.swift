#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses a database that anyone on the host could write or replace.
///
/// On a shared host a world-writable database file (or its `-wal` / `-shm`) lets any
/// local user forge commits; a world-writable directory lets them replace the file, or
/// plant a `-wal` file before the next writer opens it, which SQLite would then replay
/// as committed data. The sticky bit of `/tmp` does not help against the planted file,
/// so a sticky directory is refused too. The deployment `wangge setup-host` makes is a
/// group-owned directory (2770) and a 0660 file.
public enum DatabaseFileSafety {
    /// The environment variable that lets a person knowingly open a throwaway copy in a
    /// world-writable place (`/tmp/copy.sqlite` for a benchmark); a warning is still printed.
    public static let overrideVariable = "WANGGE_ALLOW_WORLD_WRITABLE"

    /// What is wrong with `path`'s permissions, or nil when nobody else can write it.
    /// A file that does not exist yet is fine; its directory is checked either way.
    public static func problem(path: String) -> String? {
        let directory = directoryOf(path)
        if let mode = mode(of: directory), mode & 0o002 != 0 {
            return "数据库所在目录 \(directory) 任何用户都可写入（权限 \(octal(mode))）：其他用户可以替换数据库文件，"
                + "或预先放置 -wal 文件伪造已提交的数据。请把数据库放在属于 wangge 组、权限 2770 的目录中（wangge setup-host）"
        }
        for file in [path, path + "-wal", path + "-shm"] {
            if let mode = mode(of: file), mode & 0o002 != 0 {
                return "数据库文件 \(file) 任何用户都可写入（权限 \(octal(mode))）：其他用户可以直接改写案件。"
                    + "请改为 0660 并属于 wangge 组（wangge setup-host 会修正）"
            }
        }
        return nil
    }

    /// The directory part of `path` ("." for a bare file name).
    public static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// The permission bits of a file (following symbolic links), or nil when it does not exist.
    public static func mode(of path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o7777
    }

    /// "2770", "1777".
    public static func octal(_ mode: UInt32) -> String {
        let text = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
