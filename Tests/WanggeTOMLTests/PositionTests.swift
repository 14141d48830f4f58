import Testing
@testable import WanggeTOML

@Suite("Positions of keys, values and tables")
struct PositionTests {
    @Test func valuesKeysAndTables() throws {
        let doc = try TOMLParser.parse("""
            title = "网格"
            [owner]
            name   = "张三"   # 注释
            """)
        #expect(doc.position == at(1, 1))
        #expect(node(doc, "title")?.keyPosition == at(1, 1))
        #expect(node(doc, "title")?.position == at(1, 9))
        #expect(node(doc, "owner")?.position == at(2, 1))
        #expect(node(doc, "owner")?.keyPosition == at(2, 2))
        guard case .table(let owner)? = value(doc, "owner") else { Issue.record("owner"); return }
        #expect(owner.position == at(2, 1))
        #expect(node(doc, "owner.name")?.keyPosition == at(3, 1))
        #expect(node(doc, "owner.name")?.position == at(3, 10))
    }

    @Test func columnsCountCharactersAfterChineseText() throws {
        let doc = try TOMLParser.parse("""
            "网格名称" = "东城区第一网格"
            tags = ["中文", "数据", 3]
            t = { a = "e\u{301}🇨🇳x", b = 2 }
            """)
        #expect(node(doc, "网格名称")?.keyPosition == at(1, 1))
        #expect(node(doc, "网格名称")?.position == at(1, 10))
        guard case .array(let tags)? = value(doc, "tags") else { Issue.record("tags"); return }
        #expect(tags.map(\.position) == [at(2, 9), at(2, 15), at(2, 21)])
        // "e\u{301}" is one Character and the flag is one Character.
        #expect(node(doc, "t.b")?.keyPosition == at(3, 18))
        #expect(node(doc, "t.b")?.position == at(3, 22))
        #expect(node(doc, "t")?.position == at(3, 5))
        guard case .table(let t)? = value(doc, "t") else { Issue.record("t"); return }
        #expect(t.position == at(3, 5))
    }

    @Test func multiLineArrays() throws {
        let doc = try TOMLParser.parse("""
            grids = [
              "A",   # first
              # a comment line
                "B",
              [ 1,
                2 ],
            ]
            after = true
            """)
        guard case .array(let grids)? = value(doc, "grids") else { Issue.record("grids"); return }
        #expect(grids.map(\.position) == [at(2, 3), at(4, 5), at(5, 3)])
        #expect(grids.allSatisfy { $0.keyPosition == nil })
        guard case .array(let inner) = grids[2].value else { Issue.record("inner"); return }
        #expect(inner.map(\.position) == [at(5, 5), at(6, 5)])
        #expect(node(doc, "after")?.position == at(8, 9))
    }

    @Test func positionsAfterMultiLineStrings() throws {
        let doc = try TOMLParser.parse("a = \"\"\"\n一\n二\"\"\"\nb = '''x\ny'''\nc = 1\n")
        #expect(value(doc, "a") == .string("一\n二"))
        #expect(node(doc, "b")?.position == at(4, 5))
        #expect(node(doc, "c")?.position == at(6, 5))
    }

    @Test func crlfAndByteOrderMark() throws {
        let doc = try TOMLParser.parse("\u{FEFF}a = 1\r\n[t]\r\nb = \"x\"\r\n")
        #expect(node(doc, "a")?.keyPosition == at(1, 1))
        #expect(node(doc, "a")?.position == at(1, 5))
        #expect(node(doc, "t")?.position == at(2, 1))
        #expect(node(doc, "t.b")?.position == at(3, 5))
    }

    @Test func dottedKeys() throws {
        let doc = try TOMLParser.parse("a . b.\"c\" = 1")
        #expect(node(doc, "a")?.keyPosition == at(1, 1))
        #expect(node(doc, "a")?.position == at(1, 1))
        #expect(node(doc, "a.b")?.keyPosition == at(1, 5))
        #expect(node(doc, "a.b.c")?.keyPosition == at(1, 7))
        #expect(node(doc, "a.b.c")?.position == at(1, 13))
    }

    @Test func arraysOfTables() throws {
        let doc = try TOMLParser.parse("""
            [[grid]]
            code = "A1"

            [[ grid ]]
            code = "A2"
            [grid.contact]
            phone = "110"
            """)
        let grid = node(doc, "grid")
        #expect(grid?.position == at(1, 1))
        #expect(grid?.keyPosition == at(1, 3))
        guard case .array(let elements)? = grid?.value else { Issue.record("grid"); return }
        #expect(elements.map(\.position) == [at(1, 1), at(4, 1)])
        #expect(elements.map(\.keyPosition) == [at(1, 3), at(4, 4)])
        guard case .table(let second) = elements[1].value else { Issue.record("second"); return }
        #expect(second.position == at(4, 1))
        #expect(second["contact"]?.position == at(6, 1))
        #expect(second["code"]?.position == at(5, 8))
    }

    @Test func implicitTableTakesPositionOfItsDefinition() throws {
        let doc = try TOMLParser.parse("""
            [a.b.c]
            x = 1
            [a]
            y = 2
            """)
        #expect(node(doc, "a")?.position == at(3, 1))
        #expect(node(doc, "a")?.keyPosition == at(3, 2))
        // Never defined by a header: where it was first named.
        #expect(node(doc, "a.b")?.position == at(1, 4))
        #expect(node(doc, "a.b.c")?.position == at(1, 1))
    }

    @Test func keysKeepDocumentOrder() throws {
        let doc = try TOMLParser.parse("""
            zeta = 1
            alpha = 2
            [mid]
            [beta]
            """)
        #expect(doc.keys == ["zeta", "alpha", "mid", "beta"])
        #expect(doc.entries.map(\.key) == doc.keys)
    }
}
