/// The text filter's index: every pair of adjacent characters of a case's code, title and
/// description, so a search for any substring (two Chinese characters are the common case,
/// too short for SQLite's trigram tokenizer) reads a few posting lists instead of
/// scanning a million titles with LIKE.
///
/// Each pair is written as one token of 12 hex digits (6 per Unicode scalar), so FTS5's
/// built-in `ascii` tokenizer keeps it whole and no custom tokenizer has to be registered
/// on every connection. A one-character search has no pair: it walks the queue with LIKE
/// (a prefix query over every pair starting with the character took 46 ms on 1,000,000
/// cases, longer than the walk). The index only narrows: the LIKE conditions still
/// decide, so results are exactly those of a scan.
enum CaseSearchGrams {
    /// The tokens of a case, distinct, separated by spaces (the FTS5 row's text).
    static func document(code: String, title: String, description: String) -> String {
        var seen = Set<UInt64>()
        var bytes: [UInt8] = []
        bytes.reserveCapacity((code.utf8.count + title.utf8.count + description.utf8.count) * 6)
        for field in [code, title, description] {
            for run in runs(field) {
                for i in run.indices.dropLast() {
                    let key = UInt64(run[i]) << 24 | UInt64(run[i + 1])
                    guard seen.insert(key).inserted else { continue }
                    if !bytes.isEmpty { bytes.append(0x20) }
                    appendHex(run[i], to: &bytes)
                    appendHex(run[i + 1], to: &bytes)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendHex(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 20, through: 0, by: -4) { bytes.append(digits[Int((value >> UInt32(shift)) & 0xF)]) }
    }

    /// The FTS5 query every case containing `text` matches (a superset: LIKE decides),
    /// or nil when the text has no two characters side by side to search by.
    static func query(_ text: String) -> String? {
        var parts: [String] = []
        for run in runs(text) where run.count > 1 {
            for i in 0..<(run.count - 1) { parts.append("\"\(token(run[i], run[i + 1]))\"") }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Runs of non-space characters, ASCII letters folded to lower case as LIKE folds them.
    static func runs(_ text: String) -> [[UInt32]] {
        var result: [[UInt32]] = []
        var current: [UInt32] = []
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { result.append(current); current = [] }
                continue
            }
            var value = scalar.value
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            current.append(value)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func token(_ first: UInt32, _ second: UInt32) -> String { hex(first) + hex(second) }

    static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ value: UInt32) -> String {
        var bytes = [UInt8](repeating: 0, count: 6)
        var v = value
        for i in stride(from: 5, through: 0, by: -1) {
            bytes[i] = digits[Int(v & 0xF)]
            v >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
