import GRDB
import GRDBSQLite
import WanggeCore

/// Reads event rows straight from SQLite's column buffers and recomputes their hashes
/// without building a Swift value per column: `check` and the console's start-up check
/// verify tens of thousands of events per second more this way than through GRDB rows
/// (the same bytes go into the same hash as `EventHashing.hash`).
struct RawChainReader {
    /// One row as the chain check needs it.
    struct Verdict {
        var seq: Int64
        /// The stored `prev_hash` equals the previous row's stored hash.
        var linked: Bool
        /// The stored `hash` equals the hash recomputed from the row.
        var hashMatches: Bool
    }

    let handle: OpaquePointer
    let connection: OpaquePointer?

    /// `statement` must select `seq, case_id, case_version, type, actor, at, payload,
    /// idempotency_key, prev_hash, hash`, in that order.
    init(_ statement: Statement, _ db: Database) {
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// Steps through every row, calling `body` with its verdict. `previousHash` is the
    /// stored hash of the row before the first one (the genesis hash for the log's start).
    func verify(previousHash: String, _ body: (Verdict) throws -> Void) throws {
        var previous = Array(previousHash.utf8)
        defer { sqlite3_reset(handle) }
        while true {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error \(rc)"
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message)
            }
            let storedPrev = bytes(8)
            let storedHash = bytes(9)
            var hasher = SHA256()
            hasher.update(storedPrev)
            for column: Int32 in [0, 1, 2] { field(&hasher, integer: sqlite3_column_int64(handle, column)) }
            field(&hasher, bytes(3))
            field(&hasher, bytes(4))
            field(&hasher, integer: sqlite3_column_int64(handle, 5))
            field(&hasher, bytes(6))
            field(&hasher, bytes(7))
            let digest = hasher.finalize()
            let verdict = Verdict(
                seq: sqlite3_column_int64(handle, 0),
                linked: storedPrev.elementsEqual(previous),
                hashMatches: Self.hexEquals(digest, storedHash))
            previous.removeAll(keepingCapacity: true)
            previous.append(contentsOf: storedHash)
            try body(verdict)
        }
    }

    /// The text of a column as bytes (empty for NULL), valid until the next step.
    private func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let text = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }

    private func field(_ hasher: inout SHA256, _ value: UnsafeRawBufferPointer) {
        hasher.update(CollectionOfOne(UInt8(0x7C)))
        hasher.update(value)
    }

    /// `|` and the decimal digits of `value`, as `String(value)` writes them.
    private func field(_ hasher: inout SHA256, integer value: Int64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buffer in
            var position = buffer.count
            var magnitude = value.magnitude
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { position -= 1; buffer[position] = UInt8(ascii: "-") }
            hasher.update(CollectionOfOne(UInt8(0x7C)))
            hasher.update(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[position...]))
        }
    }

    /// Whether `hex` is the lowercase hex form of `digest`.
    static func hexEquals(_ digest: [UInt8], _ hex: UnsafeRawBufferPointer) -> Bool {
        guard hex.count == digest.count * 2 else { return false }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        for (index, byte) in digest.enumerated() {
            if hex[2 * index] != digits[Int(byte >> 4)] || hex[2 * index + 1] != digits[Int(byte & 0x0F)] { return false }
        }
        return true
    }
}
