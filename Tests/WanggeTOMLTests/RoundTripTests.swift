import Testing
@testable import WanggeTOML

private enum Role: String, CaseIterable {
    case dispatcher, supervisor, `operator`
}

private struct Grid: Equatable {
    var code: String
    var name: String
    var households: Int?
    var area: Double?
}

private struct Person: Equatable {
    var login: String
    var name: String
    var role: Role
    var grids: [String]
}

@Suite("Realistic configuration")
struct RoundTripTests {
    @Test func readsTheOrganisationThroughTypedFields() throws {
        let root = try TOMLFields.parse(organisationFixture, file: "org.toml")
        #expect(try root.int("version") == 3)
        #expect(try root.dateText("updated") == "2024-05-01T08:30:00+08:00")

        let street = try root.table("street")
        #expect(try street.string("name") == "东城街道")
        #expect(try street.table("office").string("address") == "东城区建国路 1 号")
        #expect(try street.table("office").table("hours").dateText("close") == "17:30:00")

        let communities = try root.tables("community")
        #expect(try communities.map { try $0.string("name") } == ["和平里社区", "安定门社区"])
        #expect(try communities[0].stringArray("aliases") == ["和平里", "HPL"])
        #expect(try communities[1].stringArray("aliases") == [])

        let grids = try communities.flatMap { community in
            try community.tables("grid").map { g in
                try g.rejectUnknownKeys(allowed: ["code", "name", "households", "area_km2", "boundary", "active", "note"])
                return Grid(code: try g.string("code"), name: try g.string("name"),
                            households: try g.optionalInt("households"), area: try g.optionalDouble("area_km2"))
            }
        }
        #expect(grids == [
            Grid(code: "DC-01-01", name: "和平里第一网格", households: 1250, area: 0.42),
            Grid(code: "DC-01-02", name: "和平里第二网格", households: 980, area: 1),
            Grid(code: "DC-02-01", name: "安定门\t第一网格", households: nil, area: nil),
        ])
        let lastGrid = try communities[1].tables("grid")[0]
        #expect(lastGrid.path == "community[2].grid[1]")
        #expect(try lastGrid.string("note") == "多行说明：\n  第一行 \"引号\" 接续。")

        let people = try root.tables("person").map { p in
            Person(login: try p.string("login"), name: try p.string("name"),
                   role: try p.oneOf("role", Role.self), grids: try p.stringArray("grids"))
        }
        #expect(people == [
            Person(login: "zhangsan", name: "张三", role: .operator, grids: ["DC-01-01", "DC-01-02"]),
            Person(login: "lisi", name: "李四", role: .supervisor, grids: []),
        ])
        #expect(try root.tables("person")[1].position(of: "since") == at(59, 9))
    }

    @Test func writingAndReadingBackKeepsEveryValue() throws {
        let original = try TOMLParser.parse(organisationFixture)
        let written = TestWriter.document(original)
        let reread = try TOMLParser.parse(written)
        #expect(TestWriter.document(reread) == written)
        #expect(reread.keys == original.keys)
        #expect(written.contains("\"和平里第一网格\""))
    }

    @Test func positionsInTheRealisticFile() throws {
        let doc = try TOMLParser.parse(organisationFixture)
        guard case .array(let communities)? = doc["community"]?.value,
              case .table(let first) = communities[0].value,
              case .array(let grids)? = first["grid"]?.value,
              case .table(let grid) = grids[0].value,
              case .array(let boundary)? = grid["boundary"]?.value else {
            Issue.record("structure")
            return
        }
        #expect(communities.map(\.position) == [at(12, 1), at(35, 1)])
        #expect(grids.map(\.position) == [at(17, 1), at(28, 1)])
        #expect(grid["name"]?.position == at(19, 8))
        #expect(boundary.map(\.position) == [at(23, 3), at(24, 3), at(25, 3)])
        #expect(value(doc, "street.office.hours")?.typeName == "表")
        #expect(node(doc, "street.office.hours")?.position == at(10, 16))
    }
}

@Suite("Feature fixture")
struct FeatureFixtureTests {
    @Test func parsesAndRoundTrips() throws {
        let doc = try TOMLParser.parse(featureFixture)
        #expect(value(doc, "quoted key") == .string(#"literal \d"#))
        #expect(node(doc, "bare-key_1.dotted")?.value != nil)
        #expect(value(doc, "ml") == .string("one two \"\" \"\"\""))
        #expect(value(doc, "raw") == .string("C:\\path ''x''"))
        #expect(value(doc, "a.b.y") == .integer(2))
        let written = TestWriter.document(doc)
        #expect(TestWriter.document(try TOMLParser.parse(written)) == written)
    }
}
