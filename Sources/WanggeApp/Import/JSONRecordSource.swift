import WanggeCore

/// Records from a JSON file: an array of objects (our `case list --format json`, an
/// Open311 `requests.json`), or an object holding such an array under `requests` or
/// `service_requests`. The file is read whole (JSON has no record boundaries to stream
/// on); values become text: numbers as written, booleans `true`/`false`, null empty.
public final class JSONRecordSource: ImportRecordSource {
    public let file: String
    public let header: [String]
    public var columnsAreFixed: Bool { false }
    let objects: [JSONValue]
    var index = 0
    let derive: (([String: String]) -> [String: String])?

    /// `columns` are the keys to read (the mapping's columns); `derive` may add columns
    /// computed from the others (Open311's derived status).
    public init(path: String, columns: [String], derive: (([String: String]) -> [String: String])? = nil) throws {
        file = path
        header = columns
        self.derive = derive
        let input = try ImportInput(path: path, encoding: .auto)
        var bytes: [UInt8] = []
        while let chunk = try input.next() { bytes.append(contentsOf: chunk) }
        let root: JSONValue
        do { root = try JSONValue.parse(String(decoding: bytes, as: UTF8.self)) } catch {
            throw ImportFileError(file: path, message: "不是有效的 JSON：\(error)")
        }
        if let array = root.arrayValue {
            objects = array
        } else if let array = (root["requests"] ?? root["service_requests"])?.arrayValue {
            objects = array
        } else {
            throw ImportFileError(file: path, message: "JSON 应为记录的数组，或含 requests 数组的对象")
        }
    }

    public var progress: (done: Int64, total: Int64) { (Int64(index), Int64(objects.count)) }

    public func next() throws -> ImportRecord? {
        guard index < objects.count else { return nil }
        let object = objects[index]
        index += 1
        guard case .object(let pairs) = object else {
            return ImportRecord(fields: header.map { _ in "" }, number: index, readProblem: (0, "不是 JSON 对象"))
        }
        var values: [String: String] = [:]
        for (key, value) in pairs { values[key] = Self.text(value) }
        if let derive { values.merge(derive(values)) { _, new in new } }
        return ImportRecord(fields: header.map { values[$0] ?? "" }, number: index)
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): s
        case .array, .object: value.serialized()
        }
    }
}
