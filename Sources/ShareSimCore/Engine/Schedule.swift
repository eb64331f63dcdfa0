/// One segment's parameters resolved into per-step arrays before the step loop, so that the
/// loop itself does no lookup, no allocation and no string work. Only the series that some
/// change touches are stored: every other vendor keeps its default (shift 0, trend 0,
/// access 1) all run long, and storing those defaults for every step cost V·T memory, and
/// the page faults of touching it, for nothing.
struct SegmentSchedule {
    let steps: Int
    /// Shift `h` of the vendors some change touches; a column is a member index `j`.
    var shift: TouchedSeries
    /// Trend `β`, likewise.
    var trend: TouchedSeries
    /// Access of the (vendor, buyer group) pairs some change touches; a column is `b·V + j`.
    var access: TouchedSeries
    /// `γ(k)` per step.
    var growth: [Double]

    init(segment: Segment, members: [String], changes: [Change], steps: Int) {
        self.steps = steps
        let column = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        let buyerIndex = Dictionary(uniqueKeysWithValues: segment.buyers.enumerated().map { ($1.id, $0) })
        let V = members.count, B = segment.buyers.count
        let mine = changes.filter { $0.segment == segment.id }
        // The entries of the current-value vector that one change sets.
        func entries(_ c: Change) -> [Int] {
            guard c.field != .growth, let v = c.vendor, let j = column[v] else { return [] }
            guard c.field == .access else { return [j] }
            let groups: [Int] = c.buyer.map { buyerIndex[$0].map { [$0] } ?? [] } ?? Array(0..<B)
            return groups.map { $0 * V + j }
        }
        func touched(_ field: ChangeField, initial: Double) -> TouchedSeries {
            var columns: [Int] = [], seen = Set<Int>()
            for c in mine where c.field == field {
                for e in entries(c) where seen.insert(e).inserted { columns.append(e) }
            }
            return TouchedSeries(columns: columns, steps: steps, initial: initial)
        }
        shift = touched(.shift, initial: 0)
        trend = touched(.trend, initial: 0)
        access = touched(.access, initial: 1)
        growth = [Double](repeating: segment.growth, count: steps)
        for c in mine {
            switch c.field {
            case .growth:
                SegmentSchedule.ramp(&growth, start: 0, stride: 1, steps: steps, at: c.at, to: c.to, over: c.over, initial: segment.growth)
            case .shift: shift.ramp(entries(c), c, initial: 0)
            case .trend: trend.ramp(entries(c), c, initial: 0)
            case .access: access.ramp(entries(c), c, initial: 1)
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

/// Some series of one parameter, step-major so that a step reads one short contiguous run:
/// `values[k·count + i]` is series `i` at step `k`, and `columns[i]` is the entry of the
/// parameter's current-value vector that it sets.
struct TouchedSeries {
    let columns: [Int]
    let steps: Int
    var values: [Double]
    private let slot: [Int: Int]

    var count: Int { columns.count }

    init(columns: [Int], steps: Int, initial: Double) {
        self.columns = columns
        self.steps = steps
        values = [Double](repeating: initial, count: steps * columns.count)
        slot = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    }

    mutating func ramp(_ entries: [Int], _ c: Change, initial: Double) {
        for e in entries {
            SegmentSchedule.ramp(&values, start: slot[e]!, stride: count, steps: steps,
                                 at: c.at, to: c.to, over: c.over, initial: initial)
        }
    }
}
