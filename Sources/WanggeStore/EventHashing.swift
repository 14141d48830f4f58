import WanggeCore

/// The hash chain: each event's hash covers the previous hash and every stored field,
/// so an edited, deleted or reordered row breaks the chain at that row.
enum EventHashing {
    static let genesis = String(repeating: "0", count: 64)

    static func hash(
        prevHash: String, seq: Int64, caseID: Int64, version: Int, type: String, actor: String, at: Int64,
        payload: String, idempotencyKey: String?
    ) -> String {
        // Fed piece by piece: no concatenated copy of the payload is built.
        var hasher = SHA256()
        func field(_ text: String) {
            // A string, not CollectionOfOne: the generic byte-sequence entry point is not
            // specialised across modules and cost more than the hashing itself.
            hasher.update("|")
            hasher.update(text)
        }
        hasher.update(prevHash)
        field(String(seq))
        field(String(caseID))
        field(String(version))
        field(type)
        field(actor)
        field(String(at))
        field(payload)
        field(idempotencyKey ?? "")
        return SHA256.hex(hasher.finalize())
    }
}
