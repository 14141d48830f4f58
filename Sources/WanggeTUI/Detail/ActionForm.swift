import WanggeApp
import WanggeCore

/// The fields an action form can have.
public enum FormFieldID: String, Hashable, Sendable {
    case handler, limit, note, reason, text, result, satisfaction, decision, until, supervision, opinion, units, primary, level
}

/// A case an action is about to be taken on, with the version the operator saw: the
/// store refuses the action if the case has moved since ("已由 … 于 … …，请刷新").
public struct ActionTarget: Hashable, Sendable {
    public var code: String
    public var version: Int
    public var title: String
    public var grid: String
    public var category: String
    public var level: Level

    public init(_ state: CaseState) {
        code = state.code
        version = state.version
        title = state.title
        grid = state.grid
        category = state.category
        level = state.level
    }
}

/// One choice of a pick list: the value sent to the core and the words shown.
public struct FormChoice: Hashable, Sendable {
    public var value: String
    public var label: String
    /// A second, dimmer column (login, role, unit kind).
    public var detail: String

    public init(value: String, label: String, detail: String = "") {
        self.value = value
        self.label = label
        self.detail = detail
    }
}

/// One field of an action form.
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Free text; `required` ones are checked before submitting.
        case text(required: Bool)
        /// One of a few fixed choices, changed with ←/→ or Space.
        case choice([FormChoice])
        /// Type-ahead over many choices (handlers): the text filters, ↑/↓ picks.
        case picker([FormChoice])
        /// Several of a list (summoned departments), toggled with Space.
        case multi([FormChoice])
    }

    public var id: FormFieldID
    public var kind: Kind
    public var editor: LineEditor
    /// The chosen index: in `choice`, or in the filtered candidates of `picker`, or the
    /// cursor of `multi`.
    public var index: Int = 0
    /// Ticked values of a `multi` field.
    public var ticked: [String] = []
    /// A hint under the field (the category's limit, the time format).
    public var hint: String = ""

    public init(_ id: FormFieldID, _ kind: Kind, text: String = "", hint: String = "") {
        self.id = id
        self.kind = kind
        editor = LineEditor(text)
        self.hint = hint
    }

    /// The candidates of a picker matching what has been typed: every word of the typed
    /// text must appear in the label, the value or the detail (case-insensitive).
    public var filteredChoices: [FormChoice] {
        switch kind {
        case .picker(let all):
            let words = editor.text.lowercased().split(separator: " ").map(String.init)
            guard !words.isEmpty else { return all }
            return all.filter { choice in
                let hay = (choice.label + " " + choice.value + " " + choice.detail).lowercased()
                return words.allSatisfy { hay.contains($0) }
            }
        case .choice(let all), .multi(let all):
            return all
        case .text:
            return []
        }
    }

    /// The value this field gives: typed text, the chosen value, or ticked values joined
    /// by commas. Nil when a picker has no match.
    public var value: String? {
        switch kind {
        case .text:
            return editor.text.trimmingSpaces()
        case .choice(let all):
            return all.indices.contains(index) ? all[index].value : nil
        case .picker:
            let matches = filteredChoices
            return matches.indices.contains(index) ? matches[index].value : nil
        case .multi:
            return ticked.joined(separator: ",")
        }
    }
}

/// A small form for one action on one or more cases (bulk dispatch gives several).
public struct ActionForm: Hashable, Sendable {
    public var action: Action
    public var targets: [ActionTarget]
    public var fields: [FormField]
    public var focus: Int = 0
    /// Why the last submit did not go through (missing reason, refusal from the core).
    public var error: String?

    public init(action: Action, targets: [ActionTarget], fields: [FormField]) {
        self.action = action
        self.targets = targets
        self.fields = fields
    }

    /// The field with `id`.
    public func field(_ id: FormFieldID) -> FormField? { fields.first { $0.id == id } }

    /// The value of the field `id`.
    public func value(_ id: FormFieldID) -> String? { field(id)?.value }
}
