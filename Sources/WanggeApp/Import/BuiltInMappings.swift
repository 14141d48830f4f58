import WanggeCore
import WanggeTOML

/// Mappings the importer knows without a file: our own `case list` export (CSV or
/// JSON) and Open311 GeoReport v2 requests. They are TOML like any mapping file, read
/// by the same parser, so they double as examples of the format.
public enum BuiltInMappings {
    /// `case list --format csv|json`: every column under its own name. The case code is
    /// both the record's id and the code to keep.
    public static let caseListTOML = """
        source = "wangge"

        [columns]
        id = "code"
        code = "code"
        title = "title"
        text = "description"
        category = "category"
        grid = "grid"
        building = "building"
        channel = "source"
        source_ref = "source_ref"
        severity = "severity"
        level = "level"
        status = "status"
        handler = "handler"
        reported_at = "reported_at"
        dispatched_at = "dispatched_at"
        due_at = "due_at"
        handling_due_at = "handling_due_at"
        handled_at = "handled_at"
        closed_at = "closed_at"
        satisfaction = "satisfaction"
        duplicate_of = "duplicate_of"
        """

    /// GeoReport v2 service requests. `derived_status` and `closed_datetime` are columns
    /// the Open311 reader adds (GeoReport has only open/closed and one update time):
    /// open with an agency → dispatched, open without → reported, closed with an
    /// agency → closed at `updated_datetime`, closed without → declined. `title` and
    /// `building` are our export's extensions; without `title` the first line of the
    /// description is the title.
    public static let open311TOML = """
        source = "open311"

        [columns]
        id = "service_request_id"
        code = "service_request_id"
        title = "title"
        text = "description"
        category = "service_code"
        grid = "address_id"
        building = "building"
        status = "derived_status"
        handler = "agency_responsible"
        reported_at = "requested_datetime"
        due_at = "expected_datetime"
        closed_at = "closed_datetime"

        [channel]
        default = "12345"
        """

    public static func caseList(_ context: DomainContext) throws -> ImportMapping {
        try parse(caseListTOML, "内置映射 case-list", context)
    }

    public static func open311(_ context: DomainContext) throws -> ImportMapping {
        try parse(open311TOML, "内置映射 open311", context)
    }

    private static func parse(_ text: String, _ name: String, _ context: DomainContext) throws -> ImportMapping {
        do { return try ImportMapping.parse(text, file: name, context: context) } catch { throw AppError.configuration(ConfigurationError(error)) }
    }

    /// Whether a CSV header is our `case list` export's.
    public static func isCaseListHeader(_ header: [String]) -> Bool {
        Array(header.prefix(CaseExport.csvHeader.count)) == CaseExport.csvHeader
    }
}
