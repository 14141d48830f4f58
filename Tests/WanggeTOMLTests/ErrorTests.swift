import Testing
@testable import WanggeTOML

/// Every kind of parse error, with its exact position.
@Suite("Parse errors")
struct ErrorTests {
    /// Expects `text` to fail at `position` with a message containing `fragment`.
    private func expectError(_ text: String, _ position: SourcePosition, _ fragment: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = parseError(text) else {
            Issue.record("parsed without error: \(text.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.position == position, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    }

    @Test func descriptionNamesFileLineAndColumn() {
        let withFile = parseError("a = 1\nb = 2\na = 3", file: "org.toml")
        #expect(withFile?.description == "org.toml:3:1: 键 a 重复定义（首次定义于 1:1）")
        #expect(withFile?.file == "org.toml")
        let without = parseError("a = 1\nb = 2\na = 3")
        #expect(without?.description == "3:1: 键 a 重复定义（首次定义于 1:1）")
    }

    @Test func duplicateKeysSayWhereTheFirstWas() {
        expectError("a = 1\nb = 2\na = 3", at(3, 1), "首次定义于 1:1")
        expectError("a.b = 1\na.b = 2", at(2, 3), "键 a.b 重复定义（首次定义于 1:3）")
        expectError("a = 1\n\"a\" = 2", at(2, 1), "首次定义于 1:1")
        expectError("x = { a = 1, a = 2 }", at(1, 14), "首次定义于 1:7")
        expectError("x = { a.b = 1, a = 2 }", at(1, 16), "首次定义于 1:7")
        expectError("[t]\n  名 = 1", at(2, 3), "无效的键字符 \"名\"")
        expectError("[t]\n\"名\" = 1\n\"名\" = 2", at(3, 1), "键 \"名\" 重复定义（首次定义于 2:1）")
    }

    @Test func redefinedTables() {
        expectError("[a]\nx = 1\n[a]", at(3, 1), "表 [a] 重复定义（首次定义于 1:1）")
        expectError("[a.b]\n[a]\n[a.b]", at(3, 1), "表 [a.b] 重复定义（首次定义于 1:1）")
        expectError("[fruit]\napple.color = \"red\"\n[fruit.apple]", at(3, 1), "表 [fruit.apple] 重复定义")
        expectError("a.b = 1\n[a]", at(2, 1), "表 [a] 重复定义")
        expectError("[a]\n[[a]]", at(2, 1), "[[a]] 与已定义的表 [a]（于 1:1）冲突")
        expectError("[[a]]\n[a]", at(2, 1), "[a] 已定义为表数组（于 1:1）")
        expectError("a = [1, 2]\n[[a]]", at(2, 1), "键 a 已定义为数组（于 1:5）")
        expectError("a = {x = 1}\n[a]", at(2, 1), "键 a 已定义为表（于 1:5）")
        expectError("a = {x = 1}\na.y = 2", at(2, 1), "键 a 已定义为表（于 1:5）")
        expectError("a = {x = 1}\n[a.b]", at(2, 2), "键 a 已定义为表（于 1:5）")
        expectError("a = 1\n[a]", at(2, 1), "键 a 已定义为整数（于 1:5）")
        expectError("[a]\nb = 1\n[a.b]", at(3, 1), "键 a.b 已定义为整数（于 2:5）")
        expectError("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", at(4, 3), "不能用点号键扩展已定义的表 [a.b.c]（定义于 1:1）")
        expectError("[a]\n[[a.b]]\n[a]\nb.c = 1", at(3, 1), "表 [a] 重复定义")
    }

    @Test func badEscapes() {
        expectError(#"s = "a\qb""#, at(1, 7), #"无效的转义序列 "\q""#)
        expectError(#"s = "a\ b""#, at(1, 7), "无效的转义序列")
        expectError(#"s = """a\ b""""#, at(1, 9), "无效的转义序列")
        expectError(#"s = "\uD800""#, at(1, 6), "不是有效的 Unicode 标量值")
        expectError(#"s = "\U00110000""#, at(1, 6), "不是有效的 Unicode 标量值")
        expectError(#"s = "x\u12""#, at(1, 7), "应有 4 位十六进制数字")
        expectError(#"s = "\U1234567""#, at(1, 6), "应有 8 位十六进制数字")
        expectError(#"s = "\x41""#, at(1, 6), #""\x""#)
    }

    @Test func unterminatedStrings() {
        expectError("s = \"abc\nx = 1", at(1, 5), "字符串没有结束")
        expectError("s = 'abc\nx = 1", at(1, 5), "字符串没有结束")
        expectError("\n s = \"\"\"abc\nx = 1", at(2, 6), "多行字符串没有结束")
        expectError("s = '''abc", at(1, 5), "多行字符串没有结束")
        expectError("s = \"abc\\", at(1, 5), "字符串没有结束")
        expectError("s = \"\"\"a\"\"\"\"\"\"", at(1, 14), "引号过多")
    }

    @Test func invalidValues() {
        expectError("a = hello", at(1, 5), "无效的值 \"hello\"（字符串需要加引号）")
        expectError("a = True", at(1, 5), "无效的值 \"True\"")
        expectError("a = @", at(1, 5), "无效的值 \"@\"")
        expectError("a = 01", at(1, 5), "不能以 0 开头")
        expectError("a = 1__0", at(1, 5), "无效的整数")
        expectError("a = 1_", at(1, 5), "无效的整数")
        expectError("a = _1", at(1, 5), "无效的值")
        expectError("a = 0x", at(1, 5), "无效的整数 \"0x\"")
        expectError("a = +0x10", at(1, 5), "无效的整数")
        expectError("a = 0b102", at(1, 5), "无效的整数")
        expectError("a = 1.", at(1, 5), "无效的浮点数")
        expectError("a = .5", at(1, 5), "无效的值")
        expectError("a = 1e", at(1, 5), "无效的浮点数")
        expectError("a = 1.5e_3", at(1, 5), "无效的浮点数")
        expectError("a = 9223372036854775808", at(1, 5), "超出 64 位范围")
        expectError("a = -9223372036854775809", at(1, 5), "超出 64 位范围")
        expectError("a = 0xFFFFFFFFFFFFFFFF", at(1, 5), "超出 64 位范围")
        expectError("x = 1\n  a =  1979-13-01", at(2, 8), "无效的日期时间 \"1979-13-01\"")
        expectError("a = 2023-02-29", at(1, 5), "无效的日期时间")
        expectError("a = 07:32", at(1, 5), "无效的日期时间")
        expectError("a = 1979-05-27T25:00:00", at(1, 5), "无效的日期时间")
        expectError("a = 1979-05-27 07:32:00+7:00", at(1, 5), "无效的日期时间 \"1979-05-27 07:32:00+7:00\"")
        expectError("a = 2024-01-01T", at(1, 5), "无效的日期时间")
        expectError("a = nan1", at(1, 5), "无效的值")
    }

    @Test func controlCharacters() {
        expectError("s = \"a\u{7}b\"", at(1, 7), "不允许控制字符 U+0007")
        expectError("s = 'a\u{1B}b'", at(1, 7), "不允许控制字符 U+001B")
        expectError("s = \"\"\"\n中\u{7F}\"\"\"", at(2, 2), "不允许控制字符 U+007F")
        expectError("# a\u{0} comment", at(1, 4), "注释中不允许控制字符 U+0000")
        expectError("a = 1\r", at(1, 6), "不允许的控制字符 U+000D")
        expectError("a = 1\rb = 2", at(1, 6), "U+000D")
    }

    @Test func syntax() {
        expectError("a =\n1", at(1, 4), "缺少值")
        expectError("a = # nothing", at(1, 5), "缺少值")
        expectError("a = ", at(1, 5), "缺少值")
        expectError("a 1", at(1, 3), "键 a 后面应为 \"=\"")
        expectError("a", at(1, 2), "键 a 后面应为 \"=\"")
        expectError("= 1", at(1, 1), "缺少键")
        expectError("a. = 1", at(1, 4), "点号后面缺少键")
        expectError("a = 1 2", at(1, 7), "值后面有多余的内容 \"2\"")
        expectError("a = \"ok\" 中", at(1, 10), "值后面有多余的内容 \"中\"")
        expectError("\"\"\"a\"\"\" = 1", at(1, 1), "键不能使用多行字符串")
        expectError("[ [a] ]", at(1, 3), "无效的键字符 \"[\"")
        expectError("[a]]", at(1, 4), "表头后面有多余的内容")
        expectError("[]", at(1, 2), "缺少键")
        expectError("[a", at(1, 3), "表头缺少 \"]\"")
        expectError("[[a]", at(1, 5), "表数组头缺少 \"]]\"")
        expectError("[[a] ]", at(1, 5), "表数组头缺少 \"]]\"")
        expectError("\u{FEFF}\u{FEFF}a = 1", at(1, 1), "U+FEFF")
    }

    @Test func arraysAndInlineTables() {
        expectError("a = [1, 2", at(1, 5), "数组没有结束")
        expectError("a = [1 2]", at(1, 8), "数组元素之间应为 \",\" 或 \"]\"")
        expectError("a = [1,\n# c\n2 3]", at(3, 3), "数组元素之间应为")
        expectError("a = [,]", at(1, 6), "无效的值")
        expectError("a = {x = 1,}", at(1, 12), "内联表不允许尾随逗号")
        expectError("a = {x = 1\n}", at(1, 11), "内联表必须写在一行内")
        expectError("a = {\nx = 1}", at(1, 6), "内联表必须写在一行内")
        expectError("a = {x = 1", at(1, 5), "内联表没有结束")
        expectError("a = {x = 1 y = 2}", at(1, 12), "内联表中应为")
    }

    @Test func nestingDepthIsLimited() {
        let limit = "嵌套层数超过 \(TOMLParser.maxDepth) 层"
        expectError("a = " + String(repeating: "[", count: 100), at(1, 69), limit)
        expectError("a = " + String(repeating: "{b=", count: 100), at(1, 197), limit)
        expectError("[" + Array(repeating: "a", count: 100).joined(separator: ".") + "]", at(1, 130), limit)
        expectError(Array(repeating: "a", count: 100).joined(separator: ".") + " = 1", at(1, 129), limit)
        // Deep enough to overflow the stack if recursion were unbounded.
        let huge = "a = " + String(repeating: "[", count: 200_000)
        #expect(parseError(huge)?.message == limit)
    }
}
