import Testing
import WanggeApp
import WanggeCore
import WanggeTOML

/// Mapping files: every mistake is reported at file:line:column before any row is read.
struct ImportMappingTests {
    let dir: TemporaryDirectory
    let workspace: Workspace

    init() throws {
        dir = try TemporaryDirectory()
        workspace = try AppFixture.workspace(in: dir)
    }

    func error(_ text: String) -> TOMLError? {
        do {
            _ = try ImportMapping.parse(text, file: "map.toml", context: workspace.context)
            return nil
        } catch {
            return error
        }
    }

    static let minimal = """
        source = "12345"
        [columns]
        id = "编号"
        text = "内容"
        reported_at = "受理时间"
        """

    @Test func theFixtureMappingAndTheBuiltInOnesRead() throws {
        let m = try ImportFixture.mapping(workspace)
        #expect(m.source == "12345")
        #expect(m.column(.reportedAt) == "受理时间")
        #expect(m.categories.map["消防通道"] == "1101")
        #expect(m.handlers.map["区城管局"] == .unit("CG"))
        #expect(m.statuses.map["已办结"] == .closed)
        #expect(try BuiltInMappings.caseList(workspace.context).columns.count == 21)
        #expect(try BuiltInMappings.open311(workspace.context).channels.fallback == .hotline)
    }

    @Test func unknownKeysAreRefusedWithASuggestion() {
        let e = error(Self.minimal + "\nreportd_at = \"x\"\n")
        #expect(e?.description == "map.toml:6:1: 未知的键 \"reportd_at\"（可用的键：building、category、channel、closed_at、code、dispatched_at、due_at、duplicate_of、grid、handled_at、handler、handling_due_at、id、level、reported_at、satisfaction、severity、source_ref、status、text、title），是否想写 \"reported_at\"？")
        #expect(error("souce = \"x\"\n" + Self.minimal)?.position == SourcePosition(line: 1, column: 1))
    }

    @Test func mappedValuesMustBeOursAtTheLineTheyAreOn() {
        let e = error(Self.minimal + """

            [category]
            map = { "噪音" = "1201", "垃圾" = "9999" }
            """)
        #expect(e?.position == SourcePosition(line: 7, column: 31))
        #expect(e?.message == "[category.map] 的 \"垃圾\" 映射到 \"9999\"：不是已知的分类")
        #expect(error(Self.minimal + "\n[grid]\ndefault = \"G9\"\n")?.description == "map.toml:7:11: [grid] default = \"G9\"：不是已知的网格")
        #expect(error(Self.minimal + "\n[handler]\ndefault = \"unit:XX\"\n")?.position.line == 7)
        #expect(error(Self.minimal + "\n[status]\nmap = { \"完成\" = \"done\" }\n")?.message.contains("不是已知的状态") == true)
    }

    @Test func requiredColumnsBadFormatsAndZones() {
        #expect(error("source = \"x\"\n[columns]\ntext = \"内容\"\nreported_at = \"t\"\n")?.message == "[columns] 缺少必填键 \"id\"（来源编号所在的列）")
        #expect(error("source = \"x\"\n[columns]\nid = \"编号\"\nreported_at = \"t\"\n")?.message.contains("须有 title 或 text") == true)
        #expect(error("source = \"a b\"\n" + Self.minimal.dropFirst(17))?.position == SourcePosition(line: 1, column: 10))
        let format = error("date_formats = [\"%Y-%m-%d\", \"%d/%q\"]\n" + Self.minimal)
        #expect(format?.position == SourcePosition(line: 1, column: 29))
        #expect(error("zone = \"Mars/Olympus\"\n" + Self.minimal)?.position.line == 1)
        #expect(error("delimiter = \"ab\"\n" + Self.minimal)?.position.line == 1)
        #expect(error("encoding = \"big5\"\n" + Self.minimal)?.message.contains("encoding") == true)
    }

    @Test func aMappedColumnMissingFromTheFileIsReportedAtTheMapping() throws {
        let path = dir.path("x.csv")
        try ImportFixture.write("编号,内容\n1,楼道灯坏了\n", to: path)
        let mapping = try ImportMapping.parse(Self.minimal, file: "map.toml", context: workspace.context)
        let importer = CaseImporter(workspace: workspace, mapping: mapping, operator: try AppFixture.person(workspace, "adm"),
                                    now: AppFixture.t0, options: ImportOptions())
        do {
            _ = try importer.run(try CSVRecordSource(path: path, encoding: .auto), report: { _ in })
            Issue.record("no error")
        } catch let error as AppError {
            #expect(error.description == "配置错误：map.toml:5:15: 列「受理时间」不在 \(path) 的表头中（表头：编号、内容）")
        }
    }
}
