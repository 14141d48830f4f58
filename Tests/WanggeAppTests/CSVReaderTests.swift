import Foundation
import Testing
import WanggeApp

/// The streaming CSV reader: RFC 4180 quoting, line breaks of every kind, BOM, GBK, and
/// records or characters cut at any chunk boundary.
struct CSVReaderTests {
    let dir: TemporaryDirectory

    init() throws { dir = try TemporaryDirectory() }

    func records(_ bytes: [UInt8], encoding: TextEncodingChoice = .auto, chunkSize: Int = 1 << 20) throws -> (header: [String], rows: [ImportRecord]) {
        let path = dir.path("t-\(UUID().uuidString).csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let source = try CSVRecordSource(path: path, encoding: encoding, chunkSize: chunkSize)
        var rows: [ImportRecord] = []
        while let r = try source.next() { rows.append(r) }
        return (source.header, rows)
    }

    func records(_ text: String, chunkSize: Int = 1 << 20) throws -> (header: [String], rows: [ImportRecord]) {
        try records(Array(text.utf8), chunkSize: chunkSize)
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func quotedFieldsHoldDelimitersQuotesAndLineBreaksAtAnyChunkSize(chunk: Int) throws {
        let text = "编号,内容,备注\r\n1,\"第一行，\"\"引号\"\"\n第二行\r\n第三行\",末\r\n2,,\"a,b\"\n\n3,最后一行没有换行,\"\""
        let (header, rows) = try records(text, chunkSize: chunk)
        #expect(header == ["编号", "内容", "备注"])
        #expect(rows.map(\.fields) == [
            ["1", "第一行，\"引号\"\n第二行\r\n第三行", "末"],
            ["2", "", "a,b"],
            ["3", "最后一行没有换行", ""],
        ])
        // The first record starts on line 2 and its last field on line 4; the blank line 6 is skipped.
        #expect(rows.map(\.line) == [2, 5, 7])
        #expect(rows[0].fieldLines == [2, 2, 4])
        #expect(rows.allSatisfy { $0.readProblem == nil })
        #expect(rows.map(\.number) == [1, 2, 3])
    }

    @Test func aByteOrderMarkIsDroppedAndLoneCarriageReturnsEndRecords() throws {
        let (header, rows) = try records([0xEF, 0xBB, 0xBF] + Array("a,b\r1,2\r3,4".utf8))
        #expect(header == ["a", "b"])
        #expect(rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(rows.map(\.line) == [2, 3])
    }

    @Test(arguments: [1, 3, 1 << 20])
    func gbkIsDetectedAndDecodedEvenWhenCharactersAreCutBetweenChunks(chunk: Int) throws {
        let text = "编号,诉求内容\n1,\"楼道灯坏了\n请修理\"\n2,噪音扰民：广场舞\n"
        let bytes = try ImportFixture.gbk(text)
        #expect(String(validating: bytes, as: UTF8.self) == nil)   // really not UTF-8
        let auto = try records(bytes, chunkSize: chunk)
        #expect(auto.header == ["编号", "诉求内容"])
        #expect(auto.rows.map(\.fields) == [["1", "楼道灯坏了\n请修理"], ["2", "噪音扰民：广场舞"]])
        let explicit = try records(bytes, encoding: .gbk, chunkSize: chunk)
        #expect(explicit.rows.map(\.fields) == auto.rows.map(\.fields))
    }

    @Test func gbkReadAsUTF8GivesABadRowNamingTheEncoding() throws {
        let bytes = Array("编号,内容\n".utf8) + (try ImportFixture.gbk("1,楼道灯坏了\n"))
        let (_, rows) = try records(bytes, encoding: .utf8)
        #expect(rows.count == 1)
        #expect(rows[0].readProblem?.field == 1)
        #expect(rows[0].readProblem?.message.contains("--encoding gbk") == true)
    }

    @Test func badQuotingIsReportedOnItsRecordAndTheRestIsRead() throws {
        let (_, rows) = try records("a,b\n1,\"x\"y\n2,\"never closed\n3,z\n")
        #expect(rows.count == 2)
        #expect(rows[0].readProblem?.field == 1)
        #expect(rows[0].readProblem?.message.contains("引号闭合后还有字符") == true)
        #expect(rows[1].readProblem?.message == "第 3 行开始的引号直到文件末尾都没有闭合")
    }

    @Test func anEmptyFileHasNoHeader() throws {
        let path = dir.path("empty.csv")
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(throws: ImportFileError.self) { try CSVRecordSource(path: path, encoding: .auto) }
    }

    @Test func timesInEveryLayoutAChineseSystemExports() throws {
        let parser = ImportTimeParser(formats: ImportTimeFormat.defaults, utcOffsetSeconds: 8 * 3600)
        let expected = Int64(1_772_413_200)   // 2026-03-02 09:00 +08:00
        for text in ["2026-03-02 09:00:00", "2026-03-02T09:00", "2026/3/2 9:00", "2026年3月2日 09:00", "2026-03-02 09:00:00.0",
                     "2026-03-02T01:00:00Z", "2026-03-02T09:00:00+08:00", "20260302090000", " 2026-03-02 09:00 "] {
            #expect(parser.parse(text)?.secondsSinceEpoch == expected, "\(text)")
        }
        for text in ["2026-13-01 09:00", "2026-02-30", "昨天", "2026-03-02 25:00", "2026-03-02-05", ""] {
            #expect(parser.parse(text) == nil, "\(text)")
        }
    }
}
