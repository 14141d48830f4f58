#if canImport(Glibc)
import Glibc
import Testing
@testable import WanggeCore
@testable import WanggeTUI

/// The width table is generated from glibc; this suite checks it against every code point
/// and, with `WANGGE_WRITE_WIDTH_TABLE=<path>`, writes a fresh table there (after a glibc or
/// Unicode upgrade: point it at `Sources/WanggeCore/Text/ScalarWidthTable.swift`).
@Suite struct DisplayWidthTableTests {
    @Test func tableMatchesGlibcForEveryCodePoint() throws {
        let wcwidth = try #require(GlibcWidth.load())
        var mismatches = 0
        var first: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if DisplayWidth.of(scalar) != wcwidth(value) {
                mismatches += 1
                if first.count < 10 { first.append("U+\(String(value, radix: 16, uppercase: true))") }
            }
        }
        #expect(mismatches == 0, "regenerate the table (see this suite): \(first)")
    }

    @Test func boundariesAscend() {
        let starts = ScalarWidth.boundaries.map { $0 >> 2 }
        #expect(starts.first == 0)
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func writeTableWhenAsked() throws {
        guard let path = getenv("WANGGE_WRITE_WIDTH_TABLE").map({ String(cString: $0) }) else { return }
        let wcwidth = try #require(GlibcWidth.load())
        var entries: [String] = []
        var previousClass = -1
        for value in UInt32(0)...0x10FFFF {
            let width = wcwidth(value)
            let widthClass = width < 0 ? 3 : width
            if widthClass != previousClass {
                let packed = value << 2 | UInt32(widthClass)
                let hex = String(packed, radix: 16, uppercase: true)
                entries.append("0x" + String(repeating: "0", count: 8 - hex.count) + hex)
                previousClass = widthClass
            }
        }
        var lines = [
            "// Generated from glibc \(GlibcWidth.version) wcwidth under C.UTF-8. Do not edit by hand; regenerate with",
            "// WANGGE_WRITE_WIDTH_TABLE=<this file> swift test --filter DisplayWidthTableTests",
            "",
            "extension ScalarWidth {",
            "    /// Where the width class changes, ascending: `codePoint << 2 | class`, class 0, 1 or 2",
            "    /// columns, or 3 for \"not printable\" (glibc's -1). A class holds up to the next entry.",
            "    static let boundaries: [UInt32] = [",
        ]
        var index = 0
        while index < entries.count {
            let row = entries[index..<min(index + 6, entries.count)]
            lines.append("        " + row.joined(separator: ", ") + ",")
            index += 6
        }
        lines.append(contentsOf: ["    ]", "}", ""])
        let text = lines.joined(separator: "\n")
        let file = try #require(fopen(path, "w"))
        defer { fclose(file) }
        #expect(fputs(text, file) >= 0)
    }
}
#endif
