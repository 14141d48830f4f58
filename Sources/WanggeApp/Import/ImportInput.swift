import Foundation

/// Why a file could not be read at all (as opposed to a bad row).
public struct ImportFileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) { self.file = file; self.line = line; self.message = message }

    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

/// A file read in fixed-size chunks and handed out as UTF-8, whatever its encoding:
/// memory stays at one chunk (plus the transcoder's) however large the file is. A
/// UTF-8 byte-order mark is dropped; GBK is converted with iconv.
public final class ImportInput {
    public let path: String
    public let encoding: TextEncodingChoice
    /// The file's size, for progress.
    public let totalBytes: Int64
    /// How many bytes of the file have been read so far.
    public private(set) var bytesRead: Int64 = 0

    private let fd: Int32
    private var transcoder: GBKTranscoder?
    /// What the encoding sample read and has not been handed out yet.
    private var first: ArraySlice<UInt8>?
    private var finished = false
    /// Newlines handed out so far, to name the line of an undecodable byte.
    private var linesOut = 0
    /// Bytes read at a time (1 MiB); tests use tiny chunks to cut records and characters.
    let chunkSize: Int

    /// Opens `path`; with `.auto`, looks at the first chunk to choose the encoding.
    public init(path: String, encoding: TextEncodingChoice, chunkSize: Int = 1 << 20) throws {
        self.path = path
        self.chunkSize = max(1, chunkSize)
        let fd = open(path, O_RDONLY)
        self.fd = fd
        guard fd >= 0 else {
            throw ImportFileError(file: path, message: "无法打开文件：\(String(cString: strerror(errno)))")
        }
        var info = stat()
        totalBytes = fstat(fd, &info) == 0 ? Int64(info.st_size) : 0
        // The encoding is judged on the first 64 KiB (or more), whatever the chunk size.
        let sample = max(chunkSize, 1 << 16)
        var head = [UInt8](repeating: 0, count: sample)
        var n = 0
        while n < sample {
            let got = head.withUnsafeMutableBytes { read(fd, $0.baseAddress.map { $0 + n }, sample - n) }
            if got <= 0 { n = got < 0 ? -1 : n; break }
            n += got
        }
        guard n >= 0 else {
            close(fd)
            throw ImportFileError(file: path, message: "读取失败：\(String(cString: strerror(errno)))")
        }
        head.removeSubrange(n...)
        bytesRead = Int64(n)
        var chosen = encoding
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF])
        if chosen == .auto {
            chosen = bom || head.withUnsafeBufferPointer(UTF8Check.isValidPrefix) ? .utf8 : .gbk
        }
        if bom && chosen == .utf8 { head.removeFirst(3) }
        self.encoding = chosen
        if chosen == .gbk {
            do throws(GBKTranscoder.Failure) { transcoder = try GBKTranscoder() } catch {
                // deinit closes the file: every stored property is set by now.
                throw ImportFileError(file: path, message: error.message)
            }
        }
        first = head[...]
    }

    deinit { close(fd) }

    /// The next chunk of UTF-8 text, or nil at the end of the file.
    public func next() throws -> [UInt8]? {
        if let pending = first {
            let piece = pending.prefix(chunkSize)
            first = piece.count < pending.count ? pending.dropFirst(piece.count) : nil
            if !piece.isEmpty { return try decode(Array(piece), last: false) }
        }
        guard !finished else { return nil }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
        guard n >= 0 else { throw ImportFileError(file: path, message: "读取失败：\(String(cString: strerror(errno)))") }
        if n == 0 {
            finished = true
            let tail = try decode([], last: true)
            return tail.isEmpty ? nil : tail
        }
        buffer.removeSubrange(n...)
        bytesRead += Int64(n)
        return try decode(buffer, last: false)
    }

    private func decode(_ bytes: [UInt8], last: Bool) throws -> [UInt8] {
        guard let transcoder else { return bytes }
        do {
            let out = try transcoder.convert(bytes, last: last)
            linesOut += out.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return out
        } catch {
            let line = linesOut + error.convertedPrefix.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
            throw ImportFileError(file: path, line: line, message: "\(error.message)（用 --encoding 指定正确的编码）")
        }
    }
}
