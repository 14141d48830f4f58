import WanggeCore

/// The hash chain: each event's hash covers the previous hash and every stored field,
/// so an edited, deleted or reordered row breaks the chain at that row.
enum EventHashing {
    static let genesis = String(repeating: "0", count: 64)

    static func hash(
        prevHash: String, seq: Int64, caseID: Int64, version: Int, type: String, actor: String, at: Int64,
        payload: String, idempotencyKey: String?
    ) -> String {
        var text = prevHash
        text.reserveCapacity(prevHash.utf8.count + payload.utf8.count + 96)
        text += "|"; text += String(seq)
        text += "|"; text += String(caseID)
        text += "|"; text += String(version)
        text += "|"; text += type
        text += "|"; text += actor
        text += "|"; text += String(at)
        text += "|"; text += payload
        text += "|"; text += idempotencyKey ?? ""
        return SHA256.hexDigest(text)
    }
}
