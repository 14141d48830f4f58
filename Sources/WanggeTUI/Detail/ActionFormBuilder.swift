import WanggeApp
import WanggeCore

/// Builds the form of each action and turns a filled form into a core command.
///
/// Forms only collect what the command needs; the core decides (and words the refusal)
/// exactly as it does for the command line.
public enum ActionFormBuilder {
    /// The form for `action` on `targets` (at least one).
    public static func form(for action: Action, targets: [ActionTarget], context: ConsoleContext) -> ActionForm {
        let s = context.strings
        let first = targets[0]
        var fields: [FormField] = []
        switch action {
        case .accept, .close:
            fields = [FormField(.note, .text(required: false))]
        case .decline, .sendBack, .requestExtension, .reopen:
            fields = [FormField(.reason, .text(required: true))]
        case .dispatch:
            let category = context.catalog.category(first.category)
            let limit = category.map { $0.limit.description } ?? ""
            fields = [
                FormField(.handler, .picker(handlerChoices(for: first.grid, context: context)), hint: s.pickerKeys),
                FormField(.limit, .text(required: true), text: limit,
                          hint: s.limitHint(category.map { s.limitText($0.limit) } ?? "—")),
                FormField(.note, .text(required: false)),
            ]
        case .feedback, .comment:
            fields = [FormField(.text, .text(required: true))]
        case .verify:
            fields = [
                FormField(.result, .choice([FormChoice(value: "pass", label: s.passed), FormChoice(value: "fail", label: s.failed)])),
                FormField(.note, .text(required: false)),
            ]
        case .evaluate:
            fields = [
                FormField(.satisfaction, .choice(Satisfaction.allCases.map { FormChoice(value: $0.rawValue, label: s.satisfactionName($0)) })),
                FormField(.note, .text(required: false)),
            ]
        case .decideExtension:
            fields = [
                FormField(.decision, .choice([FormChoice(value: "approve", label: s.approve), FormChoice(value: "reject", label: s.reject)])),
                FormField(.note, .text(required: false)),
            ]
        case .suspend:
            fields = [FormField(.reason, .text(required: true)), FormField(.until, .text(required: true), hint: s.untilHint)]
        case .supervise:
            fields = [
                FormField(.supervision, .choice(SupervisionKind.allCases.map { FormChoice(value: $0.rawValue, label: s.supervisionName($0)) })),
                FormField(.opinion, .text(required: true)),
            ]
        case .summon:
            fields = [
                FormField(.units, .multi(context.organisation.units.map {
                    FormChoice(value: $0.code, label: $0.name, detail: s.unitKindName($0.kind))
                }), hint: s.unitsKeys),
                FormField(.note, .text(required: false)),
            ]
        case .reportIn:
            fields = [FormField(.note, .text(required: false))]
        case .linkDuplicate:
            fields = [FormField(.primary, .text(required: true))]
        case .escalate:
            let levels = Level.allCases.filter { $0 > first.level }
            fields = [
                FormField(.level, .choice(levels.map { FormChoice(value: $0.rawValue, label: s.levelName($0)) })),
                FormField(.reason, .text(required: true)),
            ]
        case .handlerAccept, .archive, .resume, .view, .report, .manageOrganisation, .audit:
            fields = []
        }
        return ActionForm(action: action, targets: targets, fields: fields)
    }

    /// Who a case in `grid` can be dispatched to: the grid's own workers first, then the
    /// other people who handle cases, then departments and property companies.
    static func handlerChoices(for grid: String, context: ConsoleContext) -> [FormChoice] {
        let org = context.organisation
        let s = context.strings
        let handlerRoles: Set<Role> = [.gridWorker, .partTimeWorker, .gridLeader, .liaison]
        let people = org.people.filter { handlerRoles.contains($0.role) }
        func local(_ person: Person) -> Bool {
            Permissions.inScope(person.scope, grid: grid, organisation: org)
        }
        let sorted = people.filter(local) + people.filter { !local($0) }
        var choices = sorted.map { person in
            FormChoice(value: "person:\(person.login)", label: person.name, detail: "\(person.login) \(s.roleName(person.role))")
        }
        choices += org.units.map { unit in
            FormChoice(value: "unit:\(unit.code)", label: unit.name, detail: "\(unit.code) \(s.unitKindName(unit.kind))")
        }
        return choices
    }

    /// The command the filled `form` asks for, or the sentence saying what is missing.
    public static func command(from form: ActionForm, context: ConsoleContext) -> Result<CaseCommand, FormProblem> {
        let s = context.strings
        func text(_ id: FormFieldID) -> String { form.value(id) ?? "" }
        func optional(_ id: FormFieldID) -> String? {
            let value = text(id)
            return value.isEmpty ? nil : value
        }
        // Required text first, with the field's own label, before the core is asked.
        for field in form.fields {
            if case .text(required: true) = field.kind, (field.value ?? "").isEmpty {
                return .failure(FormProblem(field: field.id, message: s.required(s.fieldLabel(field.id))))
            }
        }
        switch form.action {
        case .accept: return .success(.accept(note: optional(.note)))
        case .decline: return .success(.decline(reason: text(.reason)))
        case .dispatch:
            guard let value = form.value(.handler), let handler = Handler(text: value) else {
                return .failure(FormProblem(field: .handler, message: s.pickHandler))
            }
            guard let limit = TimeLimit(text: text(.limit)) else {
                return .failure(FormProblem(field: .limit, message: s.badLimit(text(.limit))))
            }
            return .success(.dispatch(handler: handler, limit: limit, note: optional(.note)))
        case .handlerAccept: return .success(.handlerAccept)
        case .sendBack: return .success(.sendBack(reason: text(.reason)))
        case .feedback: return .success(.feedback(text: text(.text)))
        case .verify: return .success(.verify(passed: text(.result) == "pass", note: optional(.note)))
        case .evaluate:
            return .success(.evaluate(Satisfaction(rawValue: text(.satisfaction)) ?? .satisfied, note: optional(.note)))
        case .close: return .success(.close(note: optional(.note)))
        case .archive: return .success(.archive)
        case .requestExtension: return .success(.requestExtension(reason: text(.reason)))
        case .decideExtension: return .success(.decideExtension(approve: text(.decision) == "approve", note: optional(.note)))
        case .suspend:
            guard let until = context.calendar.parseLocal(text(.until)) else {
                return .failure(FormProblem(field: .until, message: s.badTime(text(.until))))
            }
            return .success(.suspend(reason: text(.reason), until: until))
        case .resume: return .success(.resume)
        case .supervise:
            return .success(.supervise(SupervisionKind(rawValue: text(.supervision)) ?? .timeout, note: text(.opinion)))
        case .summon:
            let units = text(.units).split(separator: ",").map(String.init)
            guard !units.isEmpty else { return .failure(FormProblem(field: .units, message: s.pickUnits)) }
            return .success(.summon(units: units, limit: nil, note: optional(.note)))
        case .reportIn: return .success(.reportIn(unit: nil, note: optional(.note)))
        case .linkDuplicate: return .success(.linkDuplicate(primary: text(.primary)))
        case .reopen: return .success(.reopen(reason: text(.reason)))
        case .escalate: return .success(.escalate(to: Level(rawValue: text(.level)), reason: text(.reason), rule: nil))
        case .comment: return .success(.comment(text: text(.text)))
        case .view, .report, .manageOrganisation, .audit:
            return .failure(FormProblem(field: nil, message: s.refused(s.actionName(form.action))))
        }
    }
}

/// Why a form cannot be submitted yet, and which field to fix.
public struct FormProblem: Error, Hashable, Sendable {
    public var field: FormFieldID?
    public var message: String
}
