import WanggeTOML

/// A configuration problem with the file, line and column it comes from.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var underlying: TOMLError
    public init(_ underlying: TOMLError) { self.underlying = underlying }
    public var description: String { underlying.description }
}

extension TOMLFields {
    /// An error pointing at a key's value, or at the table when the key is absent.
    func fail(_ message: String, at key: String? = nil) -> TOMLError {
        error(message, at: key)
    }
}
