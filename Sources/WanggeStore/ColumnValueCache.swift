import GRDBSQLite

/// Turns a text column's bytes into a value, computing it once per distinct text: a scan
/// of a million facts rows meets the same sixty grids and a few dozen logins and handlers
/// over and over, and building a `String` (and parsing it) for each row would cost more
/// than SQLite's own work. An open-addressing table keyed by an FNV-1a hash of the bytes;
/// it grows when half full. A value type, kept in a local variable of the scan, so its
/// accesses are checked at compile time rather than on every row.
struct ColumnValueCache<Value> {
    /// Per slot: the hash (0: empty), where its bytes start in `bytes` and how many, and
    /// its value. Kept in flat arrays, so a probe touches no reference-counted storage.
    private var hashes: [UInt64] = Array(repeating: 0, count: 256)
    private var starts: [Int] = Array(repeating: 0, count: 256)
    private var lengths: [Int] = Array(repeating: 0, count: 256)
    private var values: [Value?] = Array(repeating: nil, count: 256)
    private var bytes: [UInt8] = []
    private var used = 0
    private let make: (String) -> Value

    init(_ make: @escaping (String) -> Value) { self.make = make }

    /// The value of column `i` of the current row of `statement`; nil for NULL.
    mutating func value(_ statement: OpaquePointer, _ i: Int32) -> Value? {
        guard let text = sqlite3_column_text(statement, i) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, i))
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in 0..<count { hash = (hash ^ UInt64(text[k])) &* 0x0100_0000_01B3 }
        if hash == 0 { hash = 1 }
        let mask = hashes.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while hashes[index] != 0 {
            if hashes[index] == hash, lengths[index] == count, same(starts[index], text, count) { return values[index] }
            index = (index + 1) & mask
        }
        let start = bytes.count
        for k in 0..<count { bytes.append(text[k]) }
        let value = make(String(decoding: bytes[start..<start + count], as: UTF8.self))
        insert(hash: hash, start: start, length: count, value: value)
        return value
    }

    private mutating func insert(hash: UInt64, start: Int, length: Int, value: Value) {
        if (used + 1) * 2 > hashes.count {
            let old = (hashes, starts, lengths, values)
            let size = hashes.count * 2
            hashes = Array(repeating: 0, count: size)
            starts = Array(repeating: 0, count: size)
            lengths = Array(repeating: 0, count: size)
            values = Array(repeating: nil, count: size)
            used = 0
            for k in old.0.indices where old.0[k] != 0 {
                if let v = old.3[k] { insert(hash: old.0[k], start: old.1[k], length: old.2[k], value: v) }
            }
        }
        let mask = hashes.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while hashes[index] != 0 { index = (index + 1) & mask }
        hashes[index] = hash
        starts[index] = start
        lengths[index] = length
        values[index] = value
        used += 1
    }

    private func same(_ start: Int, _ text: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            for k in 0..<count where stored[start + k] != text[k] { return false }
            return true
        }
    }
}
