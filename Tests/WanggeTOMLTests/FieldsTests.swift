import Testing
@testable import WanggeTOML

private enum Priority: String, CaseIterable {
    case normal, urgent, critical
}

private struct Code: RawRepresentable {
    var rawValue: String
    init?(rawValue: String) {
        guard rawValue.hasPrefix("G") else { return nil }
        self.rawValue = rawValue
    }
}

@Suite("TOMLFields typed reader")
struct FieldsTests {
    private func fields(_ text: String) throws -> TOMLFields {
        try TOMLFields.parse(text, file: "org.toml")
    }

    /// The error a read throws, or `nil`.
    private func failure<T>(_ read: () throws -> T) -> TOMLError? {
        do {
            _ = try read()
            return nil
        } catch {
            return error as? TOMLError
        }
    }

    @Test func readsTypedValues() throws {
        let f = try fields("""
            code = "G1"
            count = 3
            ratio = 0.5
            whole = 2
            active = true
            tags = ["甲", "乙"]
            since = 2024-03-01
            until = "2024-12-31"
            priority = "urgent"
            [contact]
            phone = "110"
            """)
        #expect(try f.string("code") == "G1")
        #expect(try f.int("count") == 3)
        #expect(try f.double("ratio") == 0.5)
        #expect(try f.double("whole") == 2.0)
        #expect(try f.bool("active"))
        #expect(try f.stringArray("tags") == ["甲", "乙"])
        #expect(try f.dateText("since") == "2024-03-01")
        #expect(try f.dateText("until") == "2024-12-31")
        #expect(try f.oneOf("priority", Priority.self) == .urgent)
        #expect(try f.oneOf("code", Code.self).rawValue == "G1")
        #expect(try f.table("contact").string("phone") == "110")
        #expect(try f.table("contact").path == "contact")
        #expect(f.has("code") && !f.has("missing"))
        #expect(f.keys.first == "code")
    }

    @Test func optionalsAreNilWhenMissingButStillTypeChecked() throws {
        let f = try fields("n = \"x\"")
        #expect(try f.optionalString("missing") == nil)
        #expect(try f.optionalInt("missing") == nil)
        #expect(try f.optionalDouble("missing") == nil)
        #expect(try f.optionalBool("missing") == nil)
        #expect(try f.optionalStringArray("missing") == nil)
        #expect(try f.optionalDateText("missing") == nil)
        #expect(try f.optionalTable("missing") == nil)
        #expect(try f.optionalOneOf("missing", Priority.self) == nil)
        #expect(try f.optionalOneOf("missing", Code.self) == nil)
        #expect(try f.tables("missing").isEmpty)
        #expect(try f.optionalString("n") == "x")
        #expect(failure { try f.optionalInt("n") }?.message == "\"n\" 应为整数，实际是字符串")
    }

    @Test func missingRequiredKeyPointsAtTheTable() throws {
        let f = try fields("""
            [[grid]]
            code = "A1"
            [[grid]]
            code = "A2"

            [[grid]]
            name = "第三网格"
            """)
        let grids = try f.tables("grid")
        #expect(grids.map(\.path) == ["grid[1]", "grid[2]", "grid[3]"])
        #expect(try grids[0].string("code") == "A1")
        let error = failure { try grids[2].string("code") }
        #expect(error?.message == "[grid[3]] 缺少必填键 \"code\"")
        #expect(error?.position == at(6, 1))
        #expect(error?.description == "org.toml:6:1: [grid[3]] 缺少必填键 \"code\"")
        // At the root there is no table name to show.
        #expect(failure { try f.int("version") }?.message == "缺少必填键 \"version\"")
        #expect(failure { try f.int("version") }?.position == at(1, 1))
    }

    @Test func typeErrorsPointAtTheValue() throws {
        let f = try fields("name = \"网格\"\namount = \"三\"")
        let error = failure { try f.int("amount") }
        #expect(error?.message == "\"amount\" 应为整数，实际是字符串")
        #expect(error?.position == at(2, 10))
        #expect(failure { try f.double("amount") }?.message == "\"amount\" 应为数字，实际是字符串")
        #expect(failure { try f.bool("amount") }?.message == "\"amount\" 应为布尔值（true 或 false），实际是字符串")
        #expect(failure { try f.stringArray("amount") }?.message == "\"amount\" 应为字符串数组，实际是字符串")
        #expect(failure { try f.table("amount") }?.message == "\"amount\" 应为表，实际是字符串")
        #expect(failure { try f.tables("amount") }?.message == "\"amount\" 应为表数组，实际是字符串")
        #expect(failure { try f.oneOf("amount", Code.self) }?.message == "\"amount\" 的值 \"三\" 无效")
        let number = try fields("n = 1.5\nd = 3")
        #expect(failure { try number.string("n") }?.message == "\"n\" 应为字符串，实际是浮点数")
        #expect(failure { try number.dateText("d") }?.message == "\"d\" 应为日期，实际是整数")
    }

    @Test func arrayElementErrorsPointAtTheElement() throws {
        let f = try fields("""
            tags = [
              "甲",
              2,
            ]
            grid = [{ code = "A" }, "B"]
            """)
        let error = failure { try f.stringArray("tags") }
        #expect(error?.message == "\"tags\" 的第 2 个元素应为字符串，实际是整数")
        #expect(error?.position == at(3, 3))
        let tables = failure { try f.tables("grid") }
        #expect(tables?.message == "\"grid\" 的第 2 个元素应为表，实际是字符串")
        #expect(tables?.position == at(5, 25))
    }

    @Test func nestedPaths() throws {
        let f = try fields("""
            [[street]]
            name = "东街"
            [[street.grid]]
            code = "A"
            [street.grid.contact]
            """)
        let contact = try f.tables("street")[0].tables("grid")[0].table("contact")
        #expect(contact.path == "street[1].grid[1].contact")
        let error = failure { try contact.string("phone") }
        #expect(error?.message == "[street[1].grid[1].contact] 缺少必填键 \"phone\"")
        #expect(error?.position == at(5, 1))
        #expect(contact.file == "org.toml")
    }

    @Test func unknownKeysWithSuggestions() throws {
        let f = try fields("""
            code = "A"
              colour = "red"
            """)
        let error = failure { try f.rejectUnknownKeys(allowed: ["code", "color", "name"]) }
        #expect(error?.message == "未知的键 \"colour\"（可用的键：code、color、name），是否想写 \"color\"？")
        #expect(error?.position == at(2, 3))
        #expect(throws: Never.self) { try f.rejectUnknownKeys(allowed: ["code", "colour"]) }

        let far = try fields("zzz = 1")
        #expect(failure { try far.rejectUnknownKeys(allowed: ["code", "name"]) }?.message
                == "未知的键 \"zzz\"（可用的键：code、name）")

        let swapped = try fields("[t]\nnmae = 1")
        let inTable = try swapped.table("t")
        #expect(failure { try inTable.rejectUnknownKeys(allowed: ["name", "code"]) }?.message
                == "未知的键 \"nmae\"（可用的键：code、name），是否想写 \"name\"？")
    }

    @Test func oneOfListsAllowedValuesAndSuggests() throws {
        let f = try fields("priority = \"urgnet\"\nlevel = \"high\"")
        let error = failure { try f.oneOf("priority", Priority.self) }
        #expect(error?.message == "\"priority\" 的值 \"urgnet\" 无效（可选值：normal、urgent、critical），是否想写 \"urgent\"？")
        #expect(error?.position == at(1, 12))
        #expect(failure { try f.optionalOneOf("level", Priority.self) }?.message
                == "\"level\" 的值 \"high\" 无效（可选值：normal、urgent、critical）")
    }

    @Test func customErrorsAndPositions() throws {
        let f = try fields("[limits]\nhours = 48\n")
        let limits = try f.table("limits")
        #expect(limits.position(of: "hours") == at(2, 9))
        #expect(limits.keyPosition(of: "hours") == at(2, 1))
        #expect(limits.position(of: "missing") == at(1, 1))
        let error = limits.error("时限不能超过 24 小时", at: "hours")
        #expect(error.description == "org.toml:2:9: 时限不能超过 24 小时")
        #expect(limits.error("整张表有问题", at: nil).position == at(1, 1))
    }

    @Test func suggestionDistance() {
        #expect(TOMLSuggestion.distance("colour", "color") == 1)
        #expect(TOMLSuggestion.distance("nmae", "name") == 1)
        #expect(TOMLSuggestion.distance("", "abc") == 3)
        #expect(TOMLSuggestion.distance("kitten", "sitting") == 3)
        #expect(TOMLSuggestion.closest(to: "Name", among: ["name"]) == "name")
        #expect(TOMLSuggestion.closest(to: "a", among: ["b"]) == nil)
        #expect(TOMLSuggestion.closest(to: "descripton", among: ["code", "description"]) == "description")
    }
}
