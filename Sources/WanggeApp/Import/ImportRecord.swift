import WanggeCore

/// One record of any source format, as text fields aligned with the source's header.
public struct ImportRecord: Sendable {
    public var fields: [String]
    /// The line each field starts on (CSV); nil for formats without lines.
    public var fieldLines: [Int]?
    /// The line the record starts on (CSV).
    public var line: Int?
    /// The record's number among the data records, from 1.
    public var number: Int
    /// A problem found while reading the record (bad quoting, bad encoding) and its field.
    public var readProblem: (field: Int, message: String)?

    public init(fields: [String], fieldLines: [Int]? = nil, line: Int? = nil, number: Int,
                readProblem: (field: Int, message: String)? = nil) {
        self.fields = fields; self.fieldLines = fieldLines; self.line = line; self.number = number; self.readProblem = readProblem
    }
}

/// Where records come from: a CSV file, a JSON array, Open311 XML.
public protocol ImportRecordSource: AnyObject {
    /// The file's name, for messages.
    var file: String { get }
    /// Column names; records' fields are in this order.
    var header: [String] { get }
    /// Whether every column the mapping names must be in the header (CSV), or may be
    /// absent from a record and read as empty (JSON and XML objects).
    var columnsAreFixed: Bool { get }
    /// How far through the input the source is, and how far it goes (bytes or records).
    var progress: (done: Int64, total: Int64) { get }
    func next() throws -> ImportRecord?
}

/// A CSV file with a header row.
public final class CSVRecordSource: ImportRecordSource {
    public let file: String
    public let header: [String]
    public var columnsAreFixed: Bool { true }
    let input: ImportInput
    let reader: CSVReader
    var count = 0

    /// Opens the file and reads its header row.
    public init(path: String, encoding: TextEncodingChoice, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) throws {
        file = path
        input = try ImportInput(path: path, encoding: encoding, chunkSize: chunkSize)
        reader = CSVReader(input: input, delimiter: delimiter)
        guard let first = try reader.next() else { throw ImportFileError(file: path, message: "文件是空的：没有表头行") }
        if let problem = first.problem {
            throw ImportFileError(file: path, line: first.line, message: "表头第 \(problem.field + 1) 列：\(problem.message)")
        }
        if first.invalidUTF8Field != nil {
            throw ImportFileError(file: path, line: first.line, message: "表头不是有效的 UTF-8 文本（文件可能是 GBK，请用 --encoding gbk）")
        }
        header = first.fields.map { $0.trimmingSpaces() }
    }

    /// The encoding the file is read in (after `auto` chose one).
    public var encoding: TextEncodingChoice { input.encoding }

    public var progress: (done: Int64, total: Int64) { (input.bytesRead, input.totalBytes) }

    public func next() throws -> ImportRecord? {
        guard let record = try reader.next() else { return nil }
        count += 1
        var problem = record.problem
        if problem == nil, let bad = record.invalidUTF8Field {
            problem = (bad, "不是有效的 UTF-8 文本（文件可能是 GBK，请用 --encoding gbk）")
        }
        return ImportRecord(fields: record.fields, fieldLines: record.fieldLines, line: record.line, number: count, readProblem: problem)
    }
}
