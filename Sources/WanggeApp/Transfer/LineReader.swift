/// Lines of a file, read chunk by chunk through `ImportInput` (any encoding): memory is
/// one chunk plus the longest line.
public final class LineReader {
    let input: ImportInput
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The number of the line last returned, from 1.
    public private(set) var line = 0

    public init(input: ImportInput) { self.input = input }

    /// The next line without its line break, or nil at the end.
    public func next() throws -> [UInt8]? {
        var current: [UInt8] = []
        var sawAny = false
        while true {
            if position >= chunk.count {
                if atEnd { break }
                guard let next = try input.next() else { atEnd = true; break }
                chunk = next
                position = 0
                continue
            }
            sawAny = true
            if let newline = chunk[position...].firstIndex(of: 0x0A) {
                current.append(contentsOf: chunk[position..<newline])
                position = newline + 1
                line += 1
                if current.last == 0x0D { current.removeLast() }
                return current
            }
            current.append(contentsOf: chunk[position...])
            position = chunk.count
        }
        guard sawAny, !current.isEmpty else { return nil }
        line += 1
        return current
    }
}
