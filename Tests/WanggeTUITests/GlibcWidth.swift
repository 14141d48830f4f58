#if canImport(Glibc)
import Glibc

/// glibc's `wcwidth` under `C.UTF-8`, the reference the width table is generated from.
///
/// Swift does not import `wcwidth` (glibc declares it only under `_XOPEN_SOURCE`), so it is
/// looked up by name in the running process.
enum GlibcWidth {
    private typealias Function = @convention(c) (wchar_t) -> Int32

    /// The function, or nil when C.UTF-8 or the symbol is missing.
    static func load() -> ((UInt32) -> Int)? {
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil,
            let handle = dlopen(nil, RTLD_NOW),
            let symbol = dlsym(handle, "wcwidth")
        else { return nil }
        let function = unsafeBitCast(symbol, to: Function.self)
        return { Int(function(wchar_t(bitPattern: $0))) }
    }

    /// The glibc version string, for the generated table's header.
    static var version: String {
        typealias Version = @convention(c) () -> UnsafePointer<CChar>
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "gnu_get_libc_version") else {
            return "(unknown version)"
        }
        return String(cString: unsafeBitCast(symbol, to: Version.self)())
    }
}
#endif
