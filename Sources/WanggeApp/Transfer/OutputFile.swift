import Foundation

/// A file written through a 1 MiB buffer, to a temporary name beside the target that is
/// renamed into place by `commit()`: a reader never sees half a file, and a failed
/// export leaves nothing behind.
public final class OutputFile {
    public let path: String
    let temporaryPath: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false

    public init(path: String) throws {
        self.path = path
        temporaryPath = path + ".partial-\(getpid())"
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        self.fd = fd
        guard fd >= 0 else {
            throw OutputFileError(message: "无法写入 \(path)：\(String(cString: strerror(errno)))")
        }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if !closed {
            close(fd)
            unlink(temporaryPath)
        }
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return Foundation.write(fd, base + offset, bytes.count - offset)
            }
            guard n > 0 else { throw OutputFileError(message: "写入 \(path) 失败：\(String(cString: strerror(errno)))") }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws {
        try flush()
        guard fsync(fd) == 0 else { throw OutputFileError(message: "写入 \(path) 失败：\(String(cString: strerror(errno)))") }
        close(fd)
        closed = true
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw OutputFileError(message: "无法写入 \(path)：\(String(cString: strerror(errno)))")
        }
    }
}

public struct OutputFileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
