/// One segment's parameters resolved into dense per-step arrays before the step loop, so
/// that the loop itself does no lookup, no allocation and no string work.
struct SegmentSchedule {
    let vendorCount: Int
    let buyerCount: Int
    let steps: Int
    /// `a[(k·V + j)·B + b]`; nil when no change touches access (every access is 1).
    var access: [Double]?
    /// `h[k·V + j]`
    var shift: [Double]
    /// `β[k·V + j]`
    var trend: [Double]
    /// `γ(k)` per step.
    var growth: [Double]

    init(segment: Segment, members: [String], changes: [Change], steps: Int) {
        vendorCount = members.count
        buyerCount = segment.buyers.count
        self.steps = steps
        let column = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        let buyerIndex = Dictionary(uniqueKeysWithValues: segment.buyers.enumerated().map { ($1.id, $0) })
        shift = [Double](repeating: 0, count: steps * vendorCount)
        trend = [Double](repeating: 0, count: steps * vendorCount)
        growth = [Double](repeating: segment.growth, count: steps)
        let V = vendorCount, B = buyerCount
        for c in changes where c.segment == segment.id {
            switch c.field {
            case .growth:
                SegmentSchedule.ramp(&growth, start: 0, stride: 1, steps: steps, at: c.at, to: c.to, over: c.over, initial: segment.growth)
            case .shift, .trend:
                guard let v = c.vendor, let j = column[v] else { continue }
                if c.field == .shift {
                    SegmentSchedule.ramp(&shift, start: j, stride: V, steps: steps, at: c.at, to: c.to, over: c.over, initial: 0)
                } else {
                    SegmentSchedule.ramp(&trend, start: j, stride: V, steps: steps, at: c.at, to: c.to, over: c.over, initial: 0)
                }
            case .access:
                guard let v = c.vendor, let j = column[v] else { continue }
                if access == nil { access = [Double](repeating: 1, count: steps * V * B) }
                let groups: [Int] = c.buyer.map { buyerIndex[$0].map { [$0] } ?? [] } ?? Array(0..<B)
                for b in groups {
                    SegmentSchedule.ramp(&access!, start: j * B + b, stride: V * B, steps: steps, at: c.at, to: c.to, over: c.over, initial: 1)
                }
            }
        }
    }

    /// MODEL.md's ramp on one series laid out with a stride: from the value in effect at
    /// step `at − 1` to `to` over `over` steps, then `to` until a later change.
    static func ramp(_ a: inout [Double], start: Int, stride: Int, steps: Int, at: Int, to x: Double, over n: Int, initial: Double) {
        guard at < steps else { return }
        let p = at > 0 ? a[start + (at - 1) * stride] : initial
        let n = max(1, n)
        var k = max(0, at)
        while k < steps {
            let i = k - at
            a[start + k * stride] = i < n - 1 ? p + (x - p) * Double(i + 1) / Double(n) : x
            k += 1
        }
    }
}
