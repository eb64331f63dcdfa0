/// One resolved change of one field on one target, ramped over `over` steps.
public struct Change: Sendable, Equatable {
    public var at: Int
    public var segment: String
    /// Nil only for `growth`.
    public var vendor: String?
    /// Nil means every buyer group; only `access` may name one.
    public var buyer: String?
    /// Nil means `direct`; only `access` and `friction` may name one.
    public var channel: String?
    public var field: ChangeField
    public var operation: ChangeOperation
    public var value: Double
    /// Ramp length in steps, at least 1.
    public var over: Int
    /// The step at which the field returns to the value it had before this change.
    public var until: Int?
    public var origin: ChangeOrigin?

    public init(at: Int, segment: String, vendor: String?, buyer: String?, channel: String? = nil, field: ChangeField,
                operation: ChangeOperation = .to, value: Double, over: Int, until: Int? = nil, origin: ChangeOrigin? = nil) {
        self.at = at
        self.segment = segment
        self.vendor = vendor
        self.buyer = buyer
        self.channel = channel
        self.field = field
        self.operation = operation
        self.value = value
        self.over = max(1, over)
        self.until = until
        self.origin = origin
    }
}
