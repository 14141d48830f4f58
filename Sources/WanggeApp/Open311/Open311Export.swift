import WanggeCore

/// Our categories and cases as Open311 GeoReport v2 JSON: `services.json` (one service
/// per category) and `requests.json` (one request per case). GeoReport knows only
/// `open` and `closed`; our finer state goes into `status_notes`. `address_id` is the
/// grid code and `address` the grid and building names. `title` and `building` are
/// extensions (GeoReport consumers ignore keys they do not know); our importer reads
/// them back.
public enum Open311Export {
    public static func services(_ catalog: CategoryCatalog) -> JSONValue {
        .array(catalog.categories.map { c in
            let top = catalog.category(String(c.code.prefix(2)))
            return .object([
                ("service_code", .string(c.code)), ("service_name", .string(c.nameZh)),
                ("description", .string(catalog.pathName(c.code) + "，时限 " + c.limit.chineseText)),
                ("metadata", .bool(false)), ("type", .string("realtime")), ("keywords", .string(c.nameEn)),
                ("group", .string(top?.nameZh ?? c.nameZh)),
            ])
        })
    }

    public static func request(_ s: CaseState, workspace: Workspace) -> JSONValue {
        let cal = workspace.calendar
        let org = workspace.organisation
        func time(_ i: Instant?) -> JSONValue {
            i.map { .string(cal.civil($0).iso8601Local(offset: cal.utcOffsetSeconds)) } ?? .null
        }
        let grid = org.grid(s.grid)
        let building = s.building.flatMap { b in grid?.buildings.first { $0.code == b } }
        let address = [grid?.name ?? s.grid, building?.name].compactMap { $0 }.joined(separator: " ")
        let updated = s.closedAt.flatMap { s.status.isOpen ? nil : $0 } ?? s.lastChange.at
        return .object([
            ("service_request_id", .string(s.code)),
            ("status", .string(s.status.isOpen ? "open" : "closed")),
            ("status_notes", .string(s.status.chineseName)),
            ("service_name", .string(workspace.context.catalog.category(s.category)?.nameZh ?? s.category)),
            ("service_code", .string(s.category)),
            ("description", .string(s.description)),
            ("agency_responsible", s.handler.map { .string(org.displayName(of: $0)) } ?? .null),
            ("service_notice", .null),
            ("requested_datetime", time(s.reportedAt)),
            ("updated_datetime", time(updated)),
            ("expected_datetime", time(s.dueAt ?? s.handlingDueAt)),
            ("address", .string(address)),
            ("address_id", .string(s.grid)),
            ("zipcode", .null), ("lat", .null), ("long", .null), ("media_url", .null),
            ("title", .string(s.title)),
            ("building", s.building.map(JSONValue.string) ?? .null),
        ])
    }
}
