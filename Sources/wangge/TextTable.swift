import WanggeCore
import WanggeTUI

/// A plain-text table for the terminal: columns padded by display width (Chinese
/// characters take two columns) and every cell neutralised, so a hostile title cannot
/// move the cursor or recolour the terminal.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns that may be cut to keep lines within `maxWidth` (the title, usually).
    var flexibleColumn: Int?

    func render(maxWidth: Int = 200) -> String {
        let clean = rows.map { $0.map { TextSanitizer.neutralise($0) } }
        var widths = headers.map(DisplayWidth.of)
        for row in clean { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        if let flex = flexibleColumn, flex < widths.count {
            let others = widths.enumerated().filter { $0.offset != flex }.map(\.element).reduce(0, +) + 2 * (widths.count - 1)
            widths[flex] = max(8, min(widths[flex], maxWidth - others))
        }
        var out = line(headers, widths) + "\n"
        for row in clean { out += line(row, widths) + "\n" }
        return out
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (i, width) in widths.enumerated() {
            let cell = i < cells.count ? cells[i] : ""
            parts.append(Self.pad(Self.clip(cell, to: width), to: width))
        }
        var text = parts.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    static func clip(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
