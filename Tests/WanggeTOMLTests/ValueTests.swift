import Testing
@testable import WanggeTOML

@Suite("Values")
struct ValueTests {
    private func one(_ text: String) throws -> TOMLValue? {
        try TOMLParser.parse("v = " + text)["v"]?.value
    }

    @Test func basicStringEscapes() throws {
        #expect(try one(#""a\tb\nc\"d\\e\bf\fg\rh""#) == .string("a\tb\nc\"d\\e\u{8}f\u{C}g\rh"))
        #expect(try one(#""\u00E9\u4E2D\U0001F600""#) == .string("é中😀"))
        #expect(try one(#""""#) == .string(""))
        #expect(try one("\"中文 with tab\t\"") == .string("中文 with tab\t"))
    }

    @Test func literalStrings() throws {
        #expect(try one(#"'C:\Users\nodejs\templates'"#) == .string(#"C:\Users\nodejs\templates"#))
        #expect(try one(#"'<\i\c*\s*>'"#) == .string(#"<\i\c*\s*>"#))
        #expect(try one("''") == .string(""))
    }

    @Test func multiLineBasicStrings() throws {
        #expect(try one("\"\"\"\nRoses are red\nViolets are blue\"\"\"") == .string("Roses are red\nViolets are blue"))
        #expect(try one("\"\"\"\r\none\r\ntwo\"\"\"") == .string("one\ntwo"))
        // Line-ending backslash trims the newline and the following whitespace.
        let folded = "\"\"\"\nThe quick brown \\\n\n\n    fox jumps over \\\n    the lazy dog.\"\"\""
        #expect(try one(folded) == .string("The quick brown fox jumps over the lazy dog."))
        #expect(try one("\"\"\"a \\   \n   b\"\"\"") == .string("a b"))
        // Up to two quotes may sit right before the closing delimiter.
        #expect(try one(#""""Here are two quotation marks: "". Simple enough.""""#)
                == .string(#"Here are two quotation marks: "". Simple enough."#))
        #expect(try one("\"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"")
                == .string(#""This," she said, "is just a pointless statement.""#))
        #expect(try one(#""""a""""""#) == .string("a\"\""))
        #expect(try one(#""""a"""""#) == .string("a\""))
    }

    @Test func multiLineLiteralStrings() throws {
        #expect(try one("'''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''")
                == .string("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"))
        #expect(try one("'''I [dw]on't need \\d{2} apples'''") == .string("I [dw]on't need \\d{2} apples"))
        #expect(try one("''''That,' she said, 'is still pointless.''''") == .string("'That,' she said, 'is still pointless.'"))
    }

    @Test func integers() throws {
        let cases: [(String, Int64)] = [
            ("+99", 99), ("42", 42), ("0", 0), ("-17", -17), ("+0", 0), ("-0", 0),
            ("1_000", 1000), ("5_349_221", 5_349_221), ("1_2_3_4_5", 12345),
            ("0xDEADBEEF", 0xDEADBEEF), ("0xdeadbeef", 0xDEADBEEF), ("0xdead_beef", 0xDEADBEEF),
            ("0o01234567", 0o01234567), ("0o755", 0o755), ("0b11010110", 0b11010110), ("0x00", 0),
            ("9223372036854775807", .max), ("-9223372036854775808", .min),
            ("0x7FFFFFFFFFFFFFFF", .max),
        ]
        for (text, expected) in cases {
            #expect(try one(text) == .integer(expected), "\(text)")
        }
    }

    @Test func floats() throws {
        let cases: [(String, Double)] = [
            ("+1.0", 1.0), ("3.1415", 3.1415), ("-0.01", -0.01), ("5e+22", 5e22), ("1e06", 1e6),
            ("-2E-2", -0.02), ("6.626e-34", 6.626e-34), ("224_617.445_991_228", 224_617.445_991_228),
            ("0.0", 0), ("-0.0", -0.0), ("1e1_0", 1e10), ("0e0", 0),
            ("inf", .infinity), ("+inf", .infinity), ("-inf", -.infinity),
        ]
        for (text, expected) in cases {
            #expect(try one(text) == .float(expected), "\(text)")
        }
        for text in ["nan", "+nan", "-nan"] {
            guard case .float(let d)? = try one(text) else { Issue.record("\(text)"); continue }
            #expect(d.isNaN)
        }
    }

    @Test func booleans() throws {
        #expect(try one("true") == .boolean(true))
        #expect(try one("false") == .boolean(false))
    }

    @Test func datesAndTimesKeepTheirText() throws {
        let cases: [(String, String)] = [
            ("1979-05-27T07:32:00Z", "1979-05-27T07:32:00Z"),
            ("1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00-07:00"),
            ("1979-05-27T00:32:00.999999-07:00", "1979-05-27T00:32:00.999999-07:00"),
            ("1979-05-27 07:32:00Z", "1979-05-27T07:32:00Z"),
            ("1979-05-27t07:32:00z", "1979-05-27T07:32:00Z"),
            ("1979-05-27T07:32:00", "1979-05-27T07:32:00"),
            ("1979-05-27 00:32:00.999999", "1979-05-27T00:32:00.999999"),
            ("1979-05-27", "1979-05-27"),
            ("2024-02-29", "2024-02-29"),
            ("07:32:00", "07:32:00"),
            ("00:32:00.999999", "00:32:00.999999"),
        ]
        for (text, expected) in cases {
            #expect(try one(text) == .dateTime(expected), "\(text)")
        }
        let doc = try TOMLParser.parse("d = 1979-05-27 # a date, then a comment\n")
        #expect(doc["d"]?.value == .dateTime("1979-05-27"))
    }

    @Test func arrays() throws {
        #expect(try one("[]") == .array([]))
        let doc = try TOMLParser.parse("""
            mixed = [ 1, "two", 3.0, true, [ "nested" ], { k = 1 }, ]
            lines = [
              1, # one
              2
              ,3
            ]
            """)
        guard case .array(let mixed)? = value(doc, "mixed") else { Issue.record("mixed"); return }
        #expect(mixed.count == 6)
        #expect(mixed[1].value == .string("two"))
        guard case .array(let lines)? = value(doc, "lines") else { Issue.record("lines"); return }
        #expect(lines.map(\.value) == [.integer(1), .integer(2), .integer(3)])
    }

    @Test func inlineTables() throws {
        let doc = try TOMLParser.parse("""
            name = { first = "Tom", last = "Preston-Werner" }
            point = {x=1,y=2}
            animal = { type.name = "pug", type.size = "small" }
            empty = {}
            nested = { a = { b = { c = [1, { d = 2 }] } } }
            """)
        #expect(value(doc, "name.first") == .string("Tom"))
        #expect(value(doc, "point.y") == .integer(2))
        #expect(value(doc, "animal.type.size") == .string("small"))
        guard case .table(let empty)? = value(doc, "empty") else { Issue.record("empty"); return }
        #expect(empty.isEmpty)
        #expect(value(doc, "nested.a.b") != nil)
    }

    @Test func keys() throws {
        let doc = try TOMLParser.parse("""
            bare_key-1 = 1
            1234 = 2
            "127.0.0.1" = 3
            "character encoding" = 4
            "ʎǝʞ" = 5
            'key2' = 6
            'quoted "value"' = 7
            "" = 8
            fruit . color = 9
            3.14159 = "pi"
            "a\\u0041" = 10
            """)
        #expect(doc.keys == ["bare_key-1", "1234", "127.0.0.1", "character encoding", "ʎǝʞ", "key2",
                             "quoted \"value\"", "", "fruit", "3", "aA"])
        #expect(value(doc, "fruit.color") == .integer(9))
        #expect(value(doc, "3.14159") == .string("pi"))
    }

    @Test func typeNamesAreChinese() {
        #expect(TOMLValue.string("").typeName == "字符串")
        #expect(TOMLValue.integer(1).typeName == "整数")
        #expect(TOMLValue.table(TOMLTable()).typeName == "表")
    }
}
