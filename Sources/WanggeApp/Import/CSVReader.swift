/// One record of a CSV file: its fields, the line each field starts on (a quoted field
/// may hold line breaks, so a record can span lines), and what was wrong with its
/// quoting or encoding, if anything.
public struct CSVRecord: Sendable {
    public var fields: [String]
    public var fieldLines: [Int]
    /// The line the record starts on (1-based, counting the header).
    public var line: Int
    /// A quoting problem: the field it is in and what is wrong.
    public var problem: (field: Int, message: String)?
    /// The first field whose bytes are not valid UTF-8.
    public var invalidUTF8Field: Int?
}

/// A streaming RFC 4180 reader over UTF-8 chunks: fields separated by a delimiter,
/// records by CRLF, LF or CR; a field in double quotes may hold delimiters, line breaks
/// and doubled quotes (`""`). Blank lines are skipped. Memory is one chunk and one record.
public final class CSVReader {
    private let input: ImportInput
    private let delimiter: UInt8
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var skipLineFeed = false

    public init(input: ImportInput, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.input = input
        self.delimiter = delimiter
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Refills the chunk when it is used up; false at the end of the file.
    private func fill() throws -> Bool {
        while position >= chunk.count {
            if atEnd { return false }
            guard let next = try input.next() else { atEnd = true; return false }
            chunk = next
            position = 0
        }
        return true
    }

    /// The next record, or nil at the end of the file.
    public func next() throws -> CSVRecord? {
        while true {
            guard let record = try readRecord() else { return nil }
            if record.fields.count == 1 && record.fields[0].isEmpty && record.problem == nil { continue }
            return record
        }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteSeen }

    private func readRecord() throws -> CSVRecord? {
        guard try fill() else { return nil }
        var record = CSVRecord(fields: [], fieldLines: [], line: line, problem: nil, invalidUTF8Field: nil)
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var state = State.fieldStart
        var fieldLine = line
        var quoteLine = line

        func endField() {
            if let text = FieldBytes.string(field) {
                record.fields.append(text)
            } else {
                if record.invalidUTF8Field == nil { record.invalidUTF8Field = record.fields.count }
                record.fields.append(String(decoding: field, as: UTF8.self))
            }
            record.fieldLines.append(fieldLine)
            field.removeAll(keepingCapacity: true)
        }

        while try fill() {
            let consumed: (ended: Bool, at: Int) = chunk.withUnsafeBufferPointer { bytes in
                var i = position
                let n = bytes.count
                while i < n {
                    let b = bytes[i]
                    if skipLineFeed {
                        skipLineFeed = false
                        if b == Self.lineFeed { i += 1; continue }
                    }
                    switch state {
                    case .fieldStart, .unquoted:
                        if state == .fieldStart {
                            fieldLine = line
                            if b == Self.quote { state = .quoted; quoteLine = line; i += 1; continue }
                            state = .unquoted
                        }
                        // Copy the run up to the next delimiter or line break in one go.
                        var j = i
                        while j < n {
                            let c = bytes[j]
                            if c == delimiter || c == Self.lineFeed || c == Self.carriageReturn { break }
                            j += 1
                        }
                        if j > i { field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
                        i = j
                        guard i < n else { continue }
                        let c = bytes[i]
                        i += 1
                        endField()
                        state = .fieldStart
                        if c == delimiter { continue }
                        line += 1
                        if c == Self.carriageReturn { skipLineFeed = true }
                        return (true, i)
                    case .quoted:
                        var j = i
                        while j < n {
                            let c = bytes[j]
                            if c == Self.quote { break }
                            if c == Self.lineFeed { line += 1 }
                            j += 1
                        }
                        if j > i { field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
                        i = j
                        if i < n { state = .quoteSeen; i += 1 }
                    case .quoteSeen:
                        if b == Self.quote {
                            field.append(Self.quote)
                            state = .quoted
                            i += 1
                        } else if b == delimiter || b == Self.lineFeed || b == Self.carriageReturn {
                            state = .unquoted // ends below as an unquoted field would
                        } else {
                            if record.problem == nil {
                                record.problem = (record.fields.count, "引号闭合后还有字符（字段内的引号应写成两个 \"\"）")
                            }
                            state = .unquoted
                        }
                    }
                }
                return (false, i)
            }
            position = consumed.at
            if consumed.ended { return record }
        }
        // End of file: finish the last field.
        if state == .quoted && record.problem == nil {
            record.problem = (record.fields.count, "第 \(quoteLine) 行开始的引号直到文件末尾都没有闭合")
        }
        endField()
        return record
    }
}
