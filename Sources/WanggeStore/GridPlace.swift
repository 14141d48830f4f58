/// Where a grid sits: its community and street. Stored beside the configuration.
public struct GridPlace: Hashable, Sendable {
    public var community: String
    public var street: String
    public init(community: String, street: String) { self.community = community; self.street = street }
}
