import WanggeCore

/// Reading Open311 GeoReport v2 service requests: JSON (`requests.json`) or XML
/// (`<service_requests><request>…`), with the columns GeoReport lacks derived from it.
public enum Open311Requests {
    /// Opens `path` as JSON or XML (by its first character) for `mapping`'s columns.
    public static func source(path: String, mapping: ImportMapping) throws -> any ImportRecordSource {
        let columns = uniqueColumns(mapping)
        if try startsWithAngleBracket(path) {
            return try Open311XMLSource(path: path, columns: columns, derive: derive)
        }
        return try JSONRecordSource(path: path, columns: columns, derive: derive)
    }

    static func uniqueColumns(_ mapping: ImportMapping) -> [String] {
        var seen: Set<String> = []
        return mapping.columns.map(\.column).filter { seen.insert($0).inserted }
    }

    static func startsWithAngleBracket(_ path: String) throws -> Bool {
        let input = try ImportInput(path: path, encoding: .auto)
        guard let chunk = try input.next() else { return false }
        return chunk.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } == UInt8(ascii: "<")
    }

    /// GeoReport has only `open`/`closed` and one `updated_datetime`. `derived_status`:
    /// open with an agency → dispatched, open without → reported, closed with an agency
    /// → closed, closed without → declined. `closed_datetime`: the update time of a
    /// closed request.
    static func derive(_ values: [String: String]) -> [String: String] {
        let status = (values["status"] ?? "").trimmingSpaces().lowercased()
        let hasAgency = !(values["agency_responsible"] ?? "").trimmingSpaces().isEmpty
        var derived: [String: String] = [:]
        switch status {
        case "open": derived["derived_status"] = hasAgency ? "dispatched" : "reported"
        case "closed":
            derived["derived_status"] = hasAgency ? "closed" : "declined"
            derived["closed_datetime"] = values["updated_datetime"] ?? ""
        default: derived["derived_status"] = status
        }
        return derived
    }
}
