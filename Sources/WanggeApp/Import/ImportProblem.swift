/// One thing wrong with one record of an imported file: where (line, column), the
/// value, and why. Every bad record is reported, not only the first.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// The line the value is on (CSV), or nil for formats read as whole records.
    public var line: Int?
    /// The record's number among the data records (1 = the first after the header).
    public var record: Int
    /// The column's header and its 1-based number, when the problem is in one column.
    public var column: String?
    public var columnNumber: Int?
    public var value: String?
    public var reason: String

    public init(file: String, line: Int?, record: Int, column: String?, columnNumber: Int?, value: String?, reason: String) {
        self.file = file; self.line = line; self.record = record; self.column = column
        self.columnNumber = columnNumber; self.value = value; self.reason = reason
    }

    /// `hotline.csv:17: 第 3 列「受理时间」"2026-13-01"：无法识别的日期时间…`
    public var description: String {
        var text = line.map { "\(file):\($0): " } ?? "\(file): 第 \(record) 条记录: "
        if let column {
            text += columnNumber.map { "第 \($0) 列「\(column)」" } ?? "「\(column)」"
            if let value { text += " \"\(Self.shortened(value))\"" }
            text += "："
        }
        return text + reason
    }

    /// Long values are cut in messages; the rejects file keeps them whole.
    static func shortened(_ value: String) -> String {
        let single = value.map { $0 == "\n" || $0 == "\r" ? "↵" : $0 }
        return single.count > 60 ? String(single.prefix(57)) + "…" : String(single)
    }
}
