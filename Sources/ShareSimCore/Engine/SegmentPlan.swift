/// Where each parameter of a segment sits in the vector of its current values, which ramps
/// write and the step loop reads: shift `h` of member `j` at `j`, trend `β` at `V + j`, the
/// access of buyer group `b` at `2V + b·V + j`, and growth `γ` last.
struct ParameterLayout {
    let vendorCount: Int
    let buyerCount: Int

    func shift(_ j: Int) -> Int { j }
    func trend(_ j: Int) -> Int { vendorCount + j }
    func access(_ b: Int, _ j: Int) -> Int { 2 * vendorCount + b * vendorCount + j }
    var accessEntries: Range<Int> { 2 * vendorCount..<growth }
    var growth: Int { 2 * vendorCount + buyerCount * vendorCount }
    var count: Int { growth + 1 }
}

/// One segment resolved for its step loop. Ranges index the lists of the `RunPlan` it
/// belongs to; `output` is where its figures start in the run's storage.
struct SegmentPlan {
    let layout: ParameterLayout
    /// Members' scenario vendor indices, base utilities `α` and initial installed bases `σ·Z`.
    let members: Range<Int>
    /// Buyer group weights `w_b`.
    let weights: Range<Int>
    /// In order of `at`, ties in the order written.
    let events: Range<Int>
    /// Whether some change sets a shift or a trend: if none does, utilities keep their
    /// first values all run long.
    let utilityMoves: Bool
    /// Whether some change sets a trend: if none does, the cumulative trend stays 0.
    let trendMoves: Bool
    /// Replacement rate per step `r`; a parameter setting the lifetime patches it.
    var replacement: Double
    /// Growth per year `γ` as declared, or as a parameter patched it.
    var growth: Double
    let output: Int

    var vendorCount: Int { layout.vendorCount }
    var buyerCount: Int { layout.buyerCount }

    /// The doubles a segment's figures take: installed base `I` and part won `n` per step
    /// and member, then per step the installed total `ΣI`, the demand `N` and the part won
    /// in all `Σn`. Sales and both shares are derived from these when read.
    static func outputCount(steps: Int, vendors: Int) -> Int { 2 * steps * vendors + 3 * steps }
}
