/// Draws the `:` prompt on the last row and, after Tab, the candidates above it.
enum CommandLineView {
    static func render(_ line: CommandLineState, state: ConsoleState, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let y = buffer.height - 1
        guard y > 0 else { return }
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: .normal)
        buffer.put(":", x: 0, y: y, style: Style(.accent, .bold))
        line.editor.render(into: &buffer, x: 1, y: y, width: buffer.width - 1, style: .normal, focused: true)
        guard !line.completions.isEmpty else { return }
        let shown = min(line.completions.count, 8, max(0, buffer.height - 4))
        guard shown > 0 else { return }
        let first = max(0, line.completionIndex - shown + 1)
        let width = min(buffer.width - 2, max(20, line.completions.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let rect = Rect(x: 1, y: y - shown - 2, width: width, height: shown + 2)
        buffer.fill(rect, style: .normal)
        buffer.drawBox(rect, title: "\(line.completionIndex + 1)/\(line.completions.count)", style: Style(.border), glyphs: glyphs)
        for (offset, candidate) in line.completions.dropFirst(first).prefix(shown).enumerated() {
            let chosen = first + offset == line.completionIndex
            buffer.put(TextFit.pad(candidate, width - 2), x: rect.x + 1, y: rect.y + 1 + offset, maxWidth: width - 2,
                       style: Style(chosen ? .selected : .normal))
        }
    }
}
