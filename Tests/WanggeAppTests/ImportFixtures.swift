import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore
#if canImport(Glibc)
import Glibc
#endif

/// A hotline export and its mapping, on `AppFixture`'s deployment (grids G1-G4, units
/// CG and GA, the demo's categories and calendar). Files are written by the tests.
enum ImportFixture {
    static let mappingTOML = """
        source = "12345"
        date_formats = ["%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M"]

        [columns]
        id = "工单编号"
        title = "标题"
        text = "诉求内容"
        category = "诉求类别"
        grid = "所属小区"
        reported_at = "受理时间"
        dispatched_at = "派单时间"
        due_at = "办理时限"
        closed_at = "办结时间"
        status = "工单状态"
        handler = "承办单位"

        [category]
        map = { "消防通道" = "1101", "施工噪音" = "0301", "广场舞" = "1201" }

        [grid]
        map = { "阳光花园" = "G1", "和平里" = "G3" }

        [status]
        map = { "已办结" = "closed", "办理中" = "dispatched", "待派单" = "reported" }

        [handler]
        map = { "区城管局" = "unit:CG" }
        """

    static let header = "工单编号,标题,诉求内容,诉求类别,所属小区,受理时间,派单时间,办理时限,办结时间,工单状态,承办单位"

    struct Outcome {
        var summary: ImportSummary
        var problems: [ImportProblem]
        var rejected: [(ImportRecord, [ImportProblem])]
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func mapping(_ workspace: Workspace, _ text: String = mappingTOML, file: String = "hotline.toml") throws -> ImportMapping {
        try ImportMapping.parse(text, file: file, context: workspace.context)
    }

    /// Imports the CSV at `path` as `login` at `now`.
    static func run(
        _ workspace: Workspace, csv path: String, mapping: ImportMapping? = nil, options: ImportOptions = ImportOptions(),
        as login: String = "adm", now: Instant = AppFixture.t0, encoding: TextEncodingChoice = .auto, chunkSize: Int = 1 << 20
    ) throws -> Outcome {
        let mapping = try mapping ?? Self.mapping(workspace)
        let source = try CSVRecordSource(path: path, encoding: encoding, delimiter: mapping.delimiter, chunkSize: chunkSize)
        let importer = CaseImporter(workspace: workspace, mapping: mapping, operator: try AppFixture.person(workspace, login), now: now, options: options)
        var problems: [ImportProblem] = []
        var rejected: [(ImportRecord, [ImportProblem])] = []
        let summary = try importer.run(source, report: { problems.append($0) }, rejects: { rejected.append(($0, $1)) })
        return Outcome(summary: summary, problems: problems, rejected: rejected)
    }

    /// The imported cases by their source id (`source_ref`).
    static func casesBySourceID(_ workspace: Workspace) throws -> [String: CaseState] {
        var map: [String: CaseState] = [:]
        for s in try workspace.store.cases(CaseQuery(order: .code)) { if let ref = s.sourceRef { map[ref] = s } }
        return map
    }

    /// Local "yyyy-mm-dd hh:mm" on the fixture's calendar.
    static func local(_ workspace: Workspace, _ instant: Instant?) -> String? {
        instant.map { workspace.calendar.civil($0).formatted() }
    }

    static func at(_ workspace: Workspace, _ text: String) throws -> Instant {
        try #require(workspace.calendar.parseLocal(text))
    }

    /// `text` in GBK (GB18030), through the C library's iconv, as a Chinese system would export it.
    static func gbk(_ text: String) throws -> [UInt8] {
        let handle = try #require(iconv_open("GB18030", "UTF-8"))
        defer { iconv_close(handle) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = 0
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                _ = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
            }
        }
        return Array(output[0..<produced])
    }
}
