import Foundation
import Testing
import WanggeApp
import WanggeCore
import WanggeStore

/// Open311 GeoReport v2: our cases out as requests and back in (JSON), and another
/// city's XML in.
struct Open311Tests {
    let dir: TemporaryDirectory
    static let now = Instant(secondsSinceEpoch: 1_772_416_800)   // 2026-03-02 10:00 +08:00

    init() throws { dir = try TemporaryDirectory() }

    func demo(_ name: String, cases: Int) throws -> Workspace {
        try DemoBuilder.build(
            into: try SQLiteCaseStore(path: dir.path(name)),
            options: .init(cases: cases, seed: 5, operatorLogin: "tester", operatorRole: .admin), now: Self.now)
    }

    func export(_ workspace: Workspace, to name: String) throws -> [JSONValue] {
        let requests = try workspace.store.cases(CaseQuery(order: .code)).map { Open311Export.request($0, workspace: workspace) }
        try JSONValue.array(requests).serialized().write(toFile: dir.path(name), atomically: true, encoding: .utf8)
        return requests
    }

    func importRequests(_ path: String, into workspace: Workspace) throws -> (ImportSummary, [ImportProblem]) {
        let mapping = try BuiltInMappings.open311(workspace.context)
        let importer = CaseImporter(workspace: workspace, mapping: mapping, operator: try #require(workspace.organisation.person("tester")),
                                    now: Self.now, options: ImportOptions())
        var problems: [ImportProblem] = []
        let summary = try importer.run(try Open311Requests.source(path: path, mapping: mapping), report: { problems.append($0) })
        return (summary, problems)
    }

    @Test func requestsRoundTripThroughAnotherDatabase() throws {
        let a = try demo("a.sqlite", cases: 300)
        let first = try export(a, to: "a.json")
        let b = try demo("b.sqlite", cases: 0)
        let (summary, problems) = try importRequests(dir.path("a.json"), into: b)
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(summary.imported == first.count)
        #expect(try b.store.check().isClean)
        let second = try export(b, to: "b.json")
        #expect(second.count == first.count)
        // GeoReport knows open and closed: the finer state (status_notes) and the last
        // update of a request still open are ours, not the format's.
        func comparable(_ request: JSONValue) -> JSONValue {
            guard case .object(let pairs) = request else { return request }
            let open = request["status"]?.stringValue == "open"
            return .object(pairs.filter { $0.0 != "status_notes" && !(open && $0.0 == "updated_datetime") })
        }
        #expect(second.map(comparable) == first.map(comparable))
        #expect(Set(first.compactMap { $0["status"]?.stringValue }) == ["open", "closed"])
        // Importing the same requests again changes nothing.
        #expect(try importRequests(dir.path("a.json"), into: b).0.unchanged == first.count)
    }

    @Test func servicesAreOurCategories() throws {
        let a = try demo("a.sqlite", cases: 0)
        let services = Open311Export.services(a.context.catalog).arrayValue ?? []
        #expect(services.count == a.context.catalog.categories.count)
        let fire = try #require(services.first { $0["service_code"]?.stringValue == "1101" })
        #expect(fire["service_name"]?.stringValue == "消防通道堵塞")
        #expect(fire["group"]?.stringValue == "安全隐患")
        #expect(fire["type"]?.stringValue == "realtime" && fire["metadata"]?.boolValue == false)
    }

    @Test func anotherCitysXMLRequestsImportWithAMapping() throws {
        let b = try demo("b.sqlite", cases: 0)
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <service_request_id>638344</service_request_id>
                <status>closed</status>
                <service_name>Streetlight</service_name>
                <service_code>006</service_code>
                <description>楼道灯坏了 &amp; 一直闪</description>
                <agency_responsible>城市管理局</agency_responsible>
                <requested_datetime>2026-02-02T09:00:00+08:00</requested_datetime>
                <updated_datetime>2026-02-04T09:00:00+08:00</updated_datetime>
                <expected_datetime>2026-02-03T09:00:00+08:00</expected_datetime>
                <address>8TH AVE and JUDAH ST</address>
                <zipcode>94122</zipcode>
              </request>
              <request>
                <service_request_id>638349</service_request_id>
                <status>open</status>
                <service_code>001</service_code>
                <description>Pothole on the corner</description>
                <requested_datetime>2026-03-01T08:00:00Z</requested_datetime>
                <address>1 MAIN ST</address>
                <zipcode>94123</zipcode>
              </request>
            </service_requests>
            """
        try xml.write(toFile: dir.path("requests.xml"), atomically: true, encoding: .utf8)
        let mapping = try ImportMapping.parse("""
            source = "sf311"
            [columns]
            id = "service_request_id"
            text = "description"
            category = "service_code"
            grid = "zipcode"
            status = "derived_status"
            handler = "agency_responsible"
            reported_at = "requested_datetime"
            due_at = "expected_datetime"
            closed_at = "closed_datetime"
            [category]
            map = { "006" = "0603", "001" = "0602" }
            [grid]
            map = { "94122" = "0101", "94123" = "0102" }
            """, file: "sf.toml", context: b.context)
        let importer = CaseImporter(workspace: b, mapping: mapping, operator: try #require(b.organisation.person("tester")),
                                    now: Self.now, options: ImportOptions())
        var problems: [ImportProblem] = []
        let summary = try importer.run(try Open311Requests.source(path: dir.path("requests.xml"), mapping: mapping), report: { problems.append($0) })
        #expect(problems.isEmpty, "\(problems)")
        #expect(summary.imported == 2)
        let cases = try ImportFixture.casesBySourceID(b)
        let light = try #require(cases["638344"])
        #expect(light.status == .closed && light.handler == .unit("CG") && light.grid == "0101" && light.category == "0603")
        #expect(light.title == "楼道灯坏了 & 一直闪")
        #expect(ImportFixture.local(b, light.closedAt) == "2026-02-04 09:00")
        #expect(ImportFixture.local(b, light.handlingDueAt) == "2026-02-03 09:00")
        #expect(light.handlingVerdict(at: Self.now) == .late)
        let pothole = try #require(cases["638349"])
        #expect(pothole.status == .reported && ImportFixture.local(b, pothole.reportedAt) == "2026-03-01 16:00")
        // 24 urgent hours to dispatch from Sunday 16:00 local.
        #expect(pothole.handlingVerdict(at: Self.now) == .pending)
        #expect(pothole.handlingVerdict(at: Self.now + 6 * 3600 + 60) == .overdue)
    }

    @Test func brokenXMLIsAFileError() throws {
        let b = try demo("b.sqlite", cases: 0)
        try "<service_requests><request><status>open</request>".write(toFile: dir.path("bad.xml"), atomically: true, encoding: .utf8)
        do {
            _ = try Open311Requests.source(path: dir.path("bad.xml"), mapping: try BuiltInMappings.open311(b.context))
            Issue.record("broken XML read")
        } catch let error as ImportFileError {
            #expect(error.line == 1 && error.message.hasPrefix("不是有效的 XML"))
        }
    }
}
