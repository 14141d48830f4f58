import WanggeCore

/// Draws an action form in a box over the screen.
enum FormView {
    static let listRows = 6

    static func render(_ form: ActionForm, state: ConsoleState, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let width = min(buffer.width - 4, 76)
        var height = 6 + form.fields.count * 2
        if let focused = form.fields.indices.contains(form.focus) ? form.fields[form.focus] : nil {
            switch focused.kind {
            case .picker, .multi: height += listRows
            default: break
            }
        }
        if form.fields.isEmpty { height += 1 }
        height = min(height, buffer.height - 2)
        let rect = Rect(x: (buffer.width - width) / 2, y: max(1, (buffer.height - height) / 2), width: width, height: height)
        buffer.fill(rect, style: .normal)
        let title = s.formTitle(form.action, count: form.targets.count, code: form.targets.first?.code ?? "")
        buffer.drawBox(rect, title: title, style: Style(.accent), glyphs: glyphs)
        let inner = width - 4
        let x = rect.x + 2
        var y = rect.y + 1
        let bottom = rect.y + rect.height - 1
        let subject = form.targets.count == 1 ? (form.targets.first?.title ?? "") : form.targets.map(\.code).joined(separator: " ")
        buffer.put(TextFit.clip(subject, inner), x: x, y: y, maxWidth: inner, style: Style(.dim))
        y += 2
        if form.fields.isEmpty {
            buffer.put(s.confirmOnly, x: x, y: y, maxWidth: inner, style: Style(.accent))
            y += 1
        }
        let labelWidth = form.fields.map { DisplayWidth.of(s.fieldLabel($0.id)) }.max().map { $0 + 1 } ?? 0
        for (index, field) in form.fields.enumerated() where y < bottom - 2 {
            let focused = index == form.focus
            buffer.put(TextFit.pad(s.fieldLabel(field.id), labelWidth), x: x, y: y, maxWidth: labelWidth,
                       style: Style(focused ? .accent : .dim, focused ? .bold : []))
            let fx = x + labelWidth + 1
            let fieldWidth = inner - labelWidth - 1
            y = drawField(field, focused: focused, x: fx, y: y, width: fieldWidth, bottom: bottom - 2, state: state, into: &buffer)
            if focused && !field.hint.isEmpty && y < bottom - 2 {
                buffer.put(TextFit.clip(field.hint, fieldWidth), x: fx, y: y, maxWidth: fieldWidth, style: Style(.dim))
                y += 1
            } else {
                y += focused ? 0 : 0
            }
            y += 1
        }
        if let error = form.error {
            buffer.put(TextFit.clip(error, inner), x: x, y: bottom - 2, maxWidth: inner, style: Style(.error))
        }
        buffer.put(TextFit.clip(s.formKeys, inner), x: x, y: bottom - 1, maxWidth: inner, style: Style(.dim))
    }

    /// Draws one field from row `y`; returns the row after it.
    static func drawField(_ field: FormField, focused: Bool, x: Int, y: Int, width: Int, bottom: Int, state: ConsoleState,
                          into buffer: inout ScreenBuffer) -> Int {
        var y = y
        switch field.kind {
        case .text:
            field.editor.render(into: &buffer, x: x, y: y, width: width, style: Style(.normal, .underline), focused: focused)
            y += 1
        case .choice(let choices):
            var cx = x
            for (index, choice) in choices.enumerated() {
                let chosen = index == field.index
                let style = chosen ? Style(focused ? .selected : .accent, .bold) : Style(.dim)
                cx += buffer.put(" " + choice.label + " ", x: cx, y: y, maxWidth: max(0, x + width - cx), style: style)
                cx += 1
            }
            y += 1
        case .picker:
            field.editor.render(into: &buffer, x: x, y: y, width: width, style: Style(.normal, .underline), focused: focused)
            y += 1
            let matches = field.filteredChoices
            if focused {
                let first = max(0, field.index - listRows + 1)
                for (offset, choice) in matches.dropFirst(first).prefix(listRows).enumerated() where y < bottom {
                    drawChoice(choice, selected: first + offset == field.index, ticked: nil, x: x, y: y, width: width, into: &buffer)
                    y += 1
                }
            } else if let value = field.value, let chosen = matches.first(where: { $0.value == value }) {
                drawChoice(chosen, selected: false, ticked: nil, x: x, y: y, width: width, into: &buffer)
                y += 1
            }
        case .multi(let choices):
            if focused {
                let first = max(0, field.index - listRows + 1)
                for (offset, choice) in choices.dropFirst(first).prefix(listRows).enumerated() where y < bottom {
                    drawChoice(choice, selected: first + offset == field.index, ticked: field.ticked.contains(choice.value),
                               x: x, y: y, width: width, into: &buffer)
                    y += 1
                }
            } else {
                let names = choices.filter { field.ticked.contains($0.value) }.map(\.label).joined(separator: "、")
                buffer.put(TextFit.clip(names.isEmpty ? "-" : names, width), x: x, y: y, maxWidth: width, style: Style(.normal))
                y += 1
            }
        }
        return y
    }

    static func drawChoice(_ choice: FormChoice, selected: Bool, ticked: Bool?, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        let style = selected ? Style(.selected) : Style(.normal)
        if selected { buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style) }
        var cx = x
        if let ticked { cx += buffer.put(ticked ? "[x] " : "[ ] ", x: cx, y: y, style: style) }
        cx += buffer.put(TextFit.clip(choice.label, max(1, width / 2)), x: cx, y: y, maxWidth: max(0, x + width - cx), style: style)
        cx += 2
        buffer.put(TextFit.clip(choice.detail, max(0, x + width - cx)), x: cx, y: y, maxWidth: max(0, x + width - cx),
                   style: selected ? style : Style(.dim))
    }
}
