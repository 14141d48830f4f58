/// Checks that catch typing mistakes in configuration: unknown keys (with a
/// "did you mean" suggestion) and values outside a fixed set.
extension TOMLFields {
    /// Throws at the first key (in document order) that is not in `allowed`, listing
    /// the allowed keys and suggesting the closest one when it is a likely typo:
    /// 「未知的键 "colour"（可用的键：code、color、name），是否想写 "color"？」
    public func rejectUnknownKeys(allowed: Set<String>) throws(TOMLError) {
        for key in table.keys where !allowed.contains(key) {
            let sorted = allowed.sorted()
            var message = "未知的键 \"\(key)\"（可用的键：\(sorted.joined(separator: "、"))）"
            if let suggestion = TOMLSuggestion.closest(to: key, among: sorted) {
                message += "，是否想写 \"\(suggestion)\"？"
            }
            throw error(message, at: keyPosition(of: key))
        }
    }

    /// A required string that must be one of an enum's raw values.
    public func oneOf<T: RawRepresentable>(_ key: String, _ type: T.Type) throws(TOMLError) -> T
    where T.RawValue == String {
        try enumValue(key, try required(key), allowed: nil)
    }

    /// As `oneOf`, for a key that may be left out.
    public func optionalOneOf<T: RawRepresentable>(_ key: String, _ type: T.Type) throws(TOMLError) -> T?
    where T.RawValue == String {
        guard let node = table[key] else { return nil }
        return try enumValue(key, node, allowed: nil)
    }

    /// As `oneOf`, and a bad value lists the allowed values (in declaration order)
    /// and suggests the closest.
    public func oneOf<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(TOMLError) -> T
    where T.RawValue == String {
        try enumValue(key, try required(key), allowed: T.allCases.map(\.rawValue))
    }

    /// As `oneOf`, for a key that may be left out; bad values list the allowed ones.
    public func optionalOneOf<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(TOMLError) -> T?
    where T.RawValue == String {
        guard let node = table[key] else { return nil }
        return try enumValue(key, node, allowed: T.allCases.map(\.rawValue))
    }

    private func enumValue<T: RawRepresentable>(_ key: String, _ node: TOMLNode,
                                                allowed: [String]?) throws(TOMLError) -> T
    where T.RawValue == String {
        guard case .string(let raw) = node.value else { throw typeError(key, expected: "字符串", node) }
        if let value = T(rawValue: raw) { return value }
        var message = "\"\(key)\" 的值 \"\(raw)\" 无效"
        if let allowed {
            message += "（可选值：\(allowed.joined(separator: "、"))）"
            if let suggestion = TOMLSuggestion.closest(to: raw, among: allowed) {
                message += "，是否想写 \"\(suggestion)\"？"
            }
        }
        throw error(message, at: node.position)
    }
}

/// "Did you mean" suggestions by edit distance.
enum TOMLSuggestion {
    /// The candidate closest to `word`, if close enough to be a likely typo: one edit
    /// for short words, two for longer ones. Ties go to the earlier candidate.
    static func closest(to word: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let limit = min(word.count, candidate.count) <= 4 ? 1 : 2
            let d = distance(word, candidate)
            if d <= limit && d < word.count && d < (best?.distance ?? Int.max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and
    /// transpositions of neighbours each cost one (so "nmae" is one from "name").
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased())
        let y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var row = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            row[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                    row[j] = min(row[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, row) = (previous, row, previous2)
        }
        return previous[y.count]
    }
}
