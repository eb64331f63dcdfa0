/// A declared route beside the implicit `direct` (MODEL.md "Channels"): an intermediary, a
/// transshipment hub, parallel import, a localisation that re-labels kit.
public struct Channel: Sendable, Equatable {
    /// The implicit first channel: the brand's own route, recorded under its own origin.
    public static let direct = "direct"

    public var id: String
    /// The origin customs records for a sale through this channel; nil records the brand's own.
    public var records: String?

    public init(id: String, records: String? = nil) {
        self.id = id
        self.records = records
    }
}
