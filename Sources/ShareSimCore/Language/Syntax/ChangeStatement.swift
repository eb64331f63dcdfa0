/// One line of an event: set, add to or scale a field for some vendors, routes, segments
/// and buyer groups, optionally ramped over a duration and ended at a date.
package struct ChangeStatement: Sendable, Equatable {
    package var field: ChangeField
    /// Nil only for `growth`, which is a property of a segment.
    package var vendors: VendorSelector?
    package var buyers: [Name]
    /// The routes after `via`; empty means `direct`. Only access and friction take one.
    package var channels: [Name]
    /// Empty means every segment.
    package var segments: [Name]
    /// `to` sets, `by` adds, `times` scales.
    package var operation: ChangeOperation
    /// The word that gave the operation (`to`, `by`, `times` or `markup`), for messages.
    package var operationWord: Name
    package var value: Quantity
    package var over: Quantity?
    /// The change's own end; nil means the event's end, if it has one.
    package var until: DateLiteral?
    package var location: SourceLocation
    package var tag: String?
}
