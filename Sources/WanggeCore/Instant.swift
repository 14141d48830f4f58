/// A point in time as whole seconds since 1970-01-01T00:00:00Z.
///
/// Core never reads the clock: every decision takes an `Instant` from its caller, so
/// tests can use fixed instants and the store keeps UTC. Seconds are enough for a
/// dispatch console; they keep arithmetic exact and rows small.
public struct Instant: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    public static func + (lhs: Instant, rhs: Int64) -> Instant {
        Instant(secondsSinceEpoch: lhs.secondsSinceEpoch + rhs)
    }

    public static func - (lhs: Instant, rhs: Int64) -> Instant {
        Instant(secondsSinceEpoch: lhs.secondsSinceEpoch - rhs)
    }

    public static func - (lhs: Instant, rhs: Instant) -> Int64 {
        lhs.secondsSinceEpoch - rhs.secondsSinceEpoch
    }

    public init(from decoder: any Decoder) throws {
        secondsSinceEpoch = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(secondsSinceEpoch)
    }

    public var description: String { CivilTime(instant: self, utcOffsetSeconds: 0).iso8601UTC }
}

/// A span of time during which a case's clock does not run (挂账). `end == nil` means
/// the suspension is still open.
public struct TimeSpan: Hashable, Codable, Sendable {
    public var start: Instant
    public var end: Instant?

    public init(start: Instant, end: Instant?) {
        self.start = start
        self.end = end
    }
}
