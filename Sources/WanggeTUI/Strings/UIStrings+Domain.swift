import WanggeApp
import WanggeCore

/// Names of domain values and the words of the action forms.
extension UIStrings {
    public func levelName(_ level: Level) -> String {
        zh ? level.chineseName : ["grid": "Grid", "community": "Community", "street": "Street", "department": "Dept"][level.rawValue] ?? level.rawValue
    }

    public func statusName(_ status: CaseStatus) -> String {
        guard !zh else { return status.chineseName }
        switch status {
        case .reported: return "New"
        case .declined: return "Declined"
        case .accepted: return "To dispatch"
        case .dispatched: return "Dispatched"
        case .inProgress: return "Handling"
        case .handled: return "To verify"
        case .verified: return "To evaluate"
        case .evaluated: return "To close"
        case .closed: return "Closed"
        case .archived: return "Archived"
        case .merged: return "Merged"
        }
    }

    public func roleName(_ role: Role) -> String {
        guard !zh else { return role.chineseName }
        switch role {
        case .gridWorker: return "grid worker"
        case .partTimeWorker: return "part-time worker"
        case .gridLeader: return "grid leader"
        case .liaison: return "liaison"
        case .dispatcher: return "dispatcher"
        case .supervisor: return "supervisor"
        case .leader: return "leader"
        case .evaluator: return "evaluator"
        case .admin: return "admin"
        }
    }

    public func severityName(_ severity: Severity) -> String {
        zh ? severity.chineseName : severity.rawValue
    }

    public func sourceName(_ source: CaseSource) -> String {
        zh ? source.chineseName : source.rawValue
    }

    public func categoryName(_ category: Category?) -> String? {
        guard let category else { return nil }
        return zh ? category.nameZh : category.nameEn
    }

    public func limitText(_ limit: TimeLimit) -> String {
        guard !zh else { return limit.chineseText }
        return "\(limit.amount) " + limit.clock.rawValue.replacingOccurrencesOfUnderscore()
    }

    public func unitKindName(_ kind: UnitKind) -> String {
        switch kind {
        case .department: t("部门", "department")
        case .property: t("物业", "property")
        }
    }

    public func actionName(_ action: Action) -> String {
        guard !zh else { return action.chineseName }
        switch action {
        case .view: return "view"
        case .report: return "report"
        case .accept: return "accept"
        case .decline: return "decline"
        case .dispatch: return "dispatch"
        case .handlerAccept: return "take"
        case .sendBack: return "send back"
        case .feedback: return "feed back"
        case .verify: return "verify"
        case .evaluate: return "evaluate"
        case .close: return "close"
        case .archive: return "archive"
        case .requestExtension: return "ask extension"
        case .decideExtension: return "decide extension"
        case .suspend: return "suspend"
        case .resume: return "resume"
        case .supervise: return "supervise"
        case .summon: return "whistle"
        case .reportIn: return "report in"
        case .linkDuplicate: return "merge duplicate"
        case .reopen: return "reopen"
        case .escalate: return "escalate"
        case .comment: return "comment"
        case .manageOrganisation: return "manage organisation"
        case .audit: return "audit"
        }
    }

    public func satisfactionName(_ satisfaction: Satisfaction) -> String {
        zh ? satisfaction.chineseName : satisfaction.rawValue.replacingOccurrencesOfUnderscore()
    }

    public func supervisionName(_ kind: SupervisionKind) -> String {
        zh ? kind.chineseName : kind.rawValue + " supervision"
    }

    // MARK: Form words

    public func formTitle(_ action: Action, count: Int, code: String) -> String {
        count > 1 ? t("\(actionName(action)) \(count) 件案件", "\(actionName(action)) \(count) cases")
            : t("\(actionName(action)) \(code)", "\(actionName(action)) \(code)")
    }
    public func fieldLabel(_ field: FormFieldID) -> String {
        switch field {
        case .handler: t("承办", "Handler")
        case .limit: t("时限", "Limit")
        case .note: t("备注", "Note")
        case .reason: t("理由", "Reason")
        case .text: t("内容", "Text")
        case .result: t("结果", "Result")
        case .satisfaction: t("评价", "Rating")
        case .decision: t("决定", "Decision")
        case .until: t("挂账至", "Until")
        case .supervision: t("督办类型", "Kind")
        case .opinion: t("督办意见", "Opinion")
        case .units: t("部门", "Units")
        case .primary: t("主案件", "Primary")
        case .level: t("升级到", "Up to")
        }
    }
    public var formKeys: String {
        t("Tab 换栏  回车 提交  Esc 取消", "Tab next field  Enter submit  Esc cancel")
    }
    public var pickerKeys: String { t("输入姓名、登录名或单位筛选，上下键选择", "type to filter, Up/Down choose") }
    public var unitsKeys: String { t("上下键移动，空格勾选", "Up/Down move, Space toggles") }
    public var passed: String { t("通过", "passed") }
    public var failed: String { t("不通过（返工）", "failed (rework)") }
    public var approve: String { t("批准", "approve") }
    public var reject: String { t("驳回", "reject") }
    public var confirmOnly: String { t("按回车确认", "Enter confirms") }
    public func limitHint(_ fromCategory: String) -> String { t("分类时限：\(fromCategory)；格式如 3 working_days", "category limit: \(fromCategory); e.g. 3 working_days") }
    public var untilHint: String { t("如 2026-12-01T09:00", "e.g. 2026-12-01T09:00") }
    public func badLimit(_ text: String) -> String { t("无效的时限“\(text)”（如 4 working_hours、3 working_days、2 urgent_hours）", "Bad limit “\(text)” (e.g. 4 working_hours)") }
    public func badTime(_ text: String) -> String { t("无法识别的时间“\(text)”（如 2026-12-01T09:00）", "Bad time “\(text)” (e.g. 2026-12-01T09:00)") }
    public func required(_ label: String) -> String { t("请填写\(label)", "\(label) is required") }
    public var pickHandler: String { t("请从列表中选定承办人（输入姓名、登录名或单位）", "Choose a handler from the list") }
    public var pickUnits: String { t("至少勾选一个部门", "Tick at least one unit") }
    public func conflictNotice(_ message: String) -> String { t("冲突：\(message)（已重新载入，请核对后再操作）", "Conflict: \(message) (reloaded; check and retry)") }
    public func refused(_ message: String) -> String { t("拒绝：\(message)", "Refused: \(message)") }
    /// A refusal from the core: its message is Chinese (shared with the command line), so
    /// English mode leads with what kind of refusal it is.
    public func refused(_ refusal: Refusal) -> String {
        guard !zh else { return refused(refusal.message) }
        let kind: String
        switch refusal.reason {
        case .forbidden: kind = "your role may not do this"
        case .outOfScope: kind = "outside your scope"
        case .invalidState: kind = "not at this step of the loop"
        case .conflict: kind = "the case changed meanwhile"
        case .invalidInput: kind = "incomplete or invalid input"
        case .notFound: kind = "not found"
        }
        return "Refused (\(kind)): \(refusal.message)"
    }
}

extension String {
    func replacingOccurrencesOfUnderscore() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
