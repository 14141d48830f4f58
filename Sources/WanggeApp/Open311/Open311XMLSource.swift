import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Open311 GeoReport v2 XML: `<service_requests><request><service_request_id>…` — each
/// `request` element a record, each child element a column.
public final class Open311XMLSource: ImportRecordSource {
    public let file: String
    public let header: [String]
    public var columnsAreFixed: Bool { false }
    let records: [[String: String]]
    var index = 0
    let derive: ([String: String]) -> [String: String]

    public init(path: String, columns: [String], derive: @escaping ([String: String]) -> [String: String]) throws {
        file = path
        header = columns
        self.derive = derive
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportFileError(file: path, message: "无法读取文件")
        }
        let parser = XMLParser(data: data)
        let collector = RequestCollector()
        parser.delegate = collector
        // FoundationXML on Linux may return true and still report an error.
        let finished = parser.parse()
        if let failure = collector.failure ?? (finished ? nil : (0, parser.lineNumber)) {
            throw ImportFileError(file: path, line: failure.line, message: "不是有效的 XML（libxml2 错误 \(failure.code)：标签不配对、未闭合或有非法字符）")
        }
        records = collector.records
    }

    public var progress: (done: Int64, total: Int64) { (Int64(index), Int64(records.count)) }

    public func next() throws -> ImportRecord? {
        guard index < records.count else { return nil }
        var values = records[index]
        index += 1
        values.merge(derive(values)) { _, new in new }
        return ImportRecord(fields: header.map { values[$0] ?? "" }, number: index)
    }
}

/// Collects `request` elements into dictionaries of their children's text.
private final class RequestCollector: NSObject, XMLParserDelegate {
    var records: [[String: String]] = []
    var current: [String: String]?
    var element: String?
    var text = ""
    /// The first error: libxml2's code and the line.
    var failure: (code: Int, line: Int)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = ((parseError as NSError).code, parser.lineNumber) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "request" { current = [:]; element = nil; return }
        if current != nil { element = name; text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if element != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "request", let record = current {
            records.append(record)
            current = nil
        } else if let e = element, e == name {
            current?[e] = text
            element = nil
        }
    }
}
