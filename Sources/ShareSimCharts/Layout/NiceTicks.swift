/// Round axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten, chosen so that about
/// `target` ticks span the values. Readers compare against round numbers (10%, 20%), not
/// against the data's own extremes, so the axis is widened to the ticks that enclose them.
public struct NiceTicks: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// The tick values from `lower` to `upper`, computed from integers so that no tick
    /// drifts by rounding error (0.30000000000000004 would print as a long label).
    public var values: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...max(0, count)).map { lower + Double($0) * step }
    }

    public init(lower: Double, upper: Double, step: Double) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }

    /// Ticks enclosing `low...high`, about `target` of them.
    public init(covering low: Double, _ high: Double, target: Int = 6) {
        var lo = low.isFinite ? low : 0, hi = high.isFinite ? high : 1
        if lo > hi { swap(&lo, &hi) }
        if hi - lo < 1e-12 {
            // A flat series: a small span around it, so the line sits inside the frame.
            let pad = max(abs(hi) * 0.1, 0.01)
            lo -= pad
            hi += pad
        }
        let raw = (hi - lo) / Double(max(1, target))
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw * (1 - 1e-9) } ?? power * 10
        let first = (lo / step + 1e-9).rounded(.down), last = (hi / step - 1e-9).rounded(.up)
        self.init(lower: first * step, upper: last * step, step: step)
    }
}
