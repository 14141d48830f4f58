/// Why a command was not carried out. The message is written for the dispatcher who
/// reads it on screen: it names the case, who changed it and when, and what to do.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case forbidden        // the role may never do this
        case outOfScope       // the role may, but not here
        case invalidState     // the case is not at a step where this makes sense
        case conflict         // someone else changed the case since it was read
        case invalidInput     // a missing reason, an unknown handler, a bad limit...
        case notFound
    }

    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
