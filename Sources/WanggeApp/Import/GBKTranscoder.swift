#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GBK (read as GB18030, its superset) to UTF-8 through the C library's iconv, chunk
/// by chunk: a multi-byte character cut at the end of one chunk is carried over to
/// the next. Foundation on Linux only decodes whole buffers; iconv streams.
final class GBKTranscoder {
    struct Failure: Error {
        var message: String
        /// What was converted of the current chunk before the bad byte.
        var convertedPrefix: [UInt8]
    }

    private let handle: iconv_t
    private var carry: [UInt8] = []

    init() throws(Failure) {
        guard let h = iconv_open("UTF-8", "GB18030"), h != iconv_t(bitPattern: -1) else {
            throw Failure(message: "本机的 iconv 不支持 GB18030/GBK 编码", convertedPrefix: [])
        }
        handle = h
    }

    deinit { iconv_close(handle) }

    /// Converts `chunk` (after any bytes carried from the previous one). With `last`,
    /// an incomplete character at the end is an error instead of being carried.
    func convert(_ chunk: [UInt8], last: Bool) throws(Failure) -> [UInt8] {
        var input = carry + chunk
        carry = []
        if input.isEmpty { return [] }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var failure: Failure?
        var produced = 0
        var leftover = 0
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let rc = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
                leftover = inLeft
                if rc == -1 {
                    let code = errno
                    if code == EINVAL && !last {
                        return // an incomplete character at the end: carried below
                    }
                    let offset = inBuf.count - inLeft
                    let bad = inBuf[offset..<min(offset + 2, inBuf.count)].map { String($0, radix: 16, uppercase: true) }
                    failure = Failure(
                        message: code == EINVAL ? "文件末尾的字符不完整" : "无法按 GBK 解码的字节 0x\(bad.joined(separator: " 0x"))",
                        convertedPrefix: Array(outBuf[0..<produced]))
                }
            }
        }
        if let failure { throw failure }
        if leftover > 0 { carry = Array(input[(input.count - leftover)...]) }
        output.removeSubrange(produced...)
        return output
    }
}
