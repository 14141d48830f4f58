import Testing
@testable import WanggeTOML

@Suite("Tables, dotted keys and arrays of tables")
struct StructureTests {
    @Test func headersAndDottedKeysTogether() throws {
        let doc = try TOMLParser.parse("""
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true

            [fruit.apple.texture]  # sub-tables of a dotted table are allowed
            smooth = true
            """)
        #expect(value(doc, "fruit.apple.color") == .string("red"))
        #expect(value(doc, "fruit.apple.taste.sweet") == .boolean(true))
        #expect(value(doc, "fruit.apple.texture.smooth") == .boolean(true))
    }

    @Test func superTableAfterSubTable() throws {
        let doc = try TOMLParser.parse("""
            [x.y.z.w]
            a = 1
            [x]
            b = 2
            y.extra = 3
            """)
        #expect(value(doc, "x.y.z.w.a") == .integer(1))
        #expect(value(doc, "x.b") == .integer(2))
        #expect(value(doc, "x.y.extra") == .integer(3))
    }

    @Test func nestedArraysOfTables() throws {
        let doc = try TOMLParser.parse("""
            [[fruits]]
            name = "apple"

            [fruits.physical]  # subtable
            color = "red"
            shape = "round"

            [[fruits.varieties]]  # nested array of tables
            name = "red delicious"

            [[fruits.varieties]]
            name = "granny smith"

            [[fruits]]
            name = "banana"

            [[fruits.varieties]]
            name = "plantain"
            """)
        guard case .array(let fruits)? = value(doc, "fruits") else { Issue.record("fruits"); return }
        #expect(fruits.count == 2)
        guard case .table(let apple) = fruits[0].value, case .table(let banana) = fruits[1].value else {
            Issue.record("tables"); return
        }
        #expect(value(apple, "physical.color") == .string("red"))
        guard case .array(let varieties)? = apple["varieties"]?.value else { Issue.record("varieties"); return }
        #expect(varieties.count == 2)
        guard case .array(let bananaVarieties)? = banana["varieties"]?.value else { Issue.record("b"); return }
        #expect(bananaVarieties.count == 1)
    }

    @Test func sameSubTableInDifferentArrayElements() throws {
        let doc = try TOMLParser.parse("""
            [[x]]
            [x.a]
            v = 1
            [[x]]
            [x.a]
            v = 2
            """)
        guard case .array(let x)? = value(doc, "x") else { Issue.record("x"); return }
        #expect(x.count == 2)
    }

    @Test func emptyDocumentsAndComments() throws {
        #expect(try TOMLParser.parse("").isEmpty)
        #expect(try TOMLParser.parse("\n\n  # only a comment\n\t\n").isEmpty)
        #expect(try TOMLParser.parse("\u{FEFF}").isEmpty)
        #expect(try TOMLParser.parse("a = 1 # trailing").count == 1)
        #expect(try TOMLParser.parse("[t] # comment\n").count == 1)
    }

    @Test func nestingUpToTheLimitIsFine() throws {
        let depth = TOMLParser.maxDepth - 1
        let arrays = "v = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try TOMLParser.parse(arrays) }
        let header = "[" + Array(repeating: "a", count: TOMLParser.maxDepth).joined(separator: ".") + "]"
        #expect(throws: Never.self) { try TOMLParser.parse(header) }
    }

    @Test func tableValueAPI() {
        var table = TOMLTable()
        table.set(TOMLNode(value: .integer(1), position: at(1, 5)), for: "b")
        table.set(TOMLNode(value: .integer(2), position: at(2, 5)), for: "a")
        table.set(TOMLNode(value: .integer(3), position: at(3, 5)), for: "b")
        #expect(table.keys == ["b", "a"])
        #expect(table["b"]?.value == .integer(3))
        #expect(table.count == 2)
    }
}
