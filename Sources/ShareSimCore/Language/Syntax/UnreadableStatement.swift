/// A statement the parser reported and left out: `vendor Huawei origin` declares no vendor,
/// but the resolver should not then report 'Huawei' as unknown wherever it is used.
package struct UnreadableStatement: Sendable, Equatable {
    /// The statement's keyword, lowercased; for a misspelt keyword the one it stands for.
    package var keyword: String
    /// The word or quoted name right after the keyword, if there is one.
    package var name: String?
}
