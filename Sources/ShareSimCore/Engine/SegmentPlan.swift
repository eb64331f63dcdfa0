/// Where each parameter of a segment sits in the vector of its current values, which ramps
/// write and the step loops read: shift `h` of member `j` at `j`, trend `β` at `V + j`, the
/// access of channel `c` and buyer group `b` at `2V + (c·B + b)·V + j`, the friction of
/// channel `c` at `2V + C·B·V + c·V + j`, and growth `γ` last. Channel 0 is `direct`.
struct ParameterLayout {
    let vendorCount: Int
    let buyerCount: Int
    /// `direct` and every declared channel.
    let channelCount: Int

    func shift(_ j: Int) -> Int { j }
    func trend(_ j: Int) -> Int { vendorCount + j }
    func access(_ c: Int, _ b: Int, _ j: Int) -> Int { 2 * vendorCount + (c * buyerCount + b) * vendorCount + j }
    func friction(_ c: Int, _ j: Int) -> Int { frictionStart + c * vendorCount + j }
    /// Access and friction: what a buyer's reach of each brand is made of.
    var reachEntries: Range<Int> { 2 * vendorCount..<growth }
    var growth: Int { frictionStart + channelCount * vendorCount }
    var count: Int { growth + 1 }
    private var frictionStart: Int { 2 * vendorCount + channelCount * buyerCount * vendorCount }
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
    /// Whether some change opens a channel other than `direct` or sets a friction: if none
    /// does, every brand reaches its buyers through `direct` alone, and the segment can run
    /// `StepLoop`'s v1 arithmetic until a buyer group is left with nothing to buy.
    let usesChannels: Bool
    /// Replacement rate per step `r`; a parameter setting the lifetime patches it.
    var replacement: Double
    /// Growth per year `γ` as declared, or as a parameter patched it.
    var growth: Double
    /// Declared size `Z`, the market size `D` at step 0; a parameter setting the size patches it.
    var size: Double
    let output: Int
    /// Where the segment's per-group and per-channel figures start in the run's detail
    /// storage, if a step loop writes them (see `SegmentPlan.detailCount`).
    let detail: Int

    var vendorCount: Int { layout.vendorCount }
    var buyerCount: Int { layout.buyerCount }
    var channelCount: Int { layout.channelCount }

    /// The doubles a segment's figures take: installed base `I` and part won `n` per step
    /// and member, then per step the installed total `ΣI`, the demand `N` and the part won
    /// in all `Σn`. Sales and both shares are derived from these when read.
    static func outputCount(steps: Int, vendors: Int) -> Int { 2 * steps * vendors + 3 * steps }

    /// The doubles the per-group and per-channel figures take: per step, the installed base
    /// and purchases of each group and member `I_{v,b}`, `P_{v,b}`, then of each channel and
    /// member `I_{v,c}`, `P_{v,c}`.
    static func detailCount(steps: Int, vendors: Int, buyers: Int, channels: Int) -> Int {
        steps * detailStride(vendors: vendors, buyers: buyers, channels: channels)
    }

    static func detailStride(vendors: Int, buyers: Int, channels: Int) -> Int { 2 * (buyers + channels) * vendors }
}
