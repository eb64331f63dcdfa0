/// Round axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten, the one nearest to
/// giving `target` ticks over the values. Readers compare against round numbers (10%,
/// 20%), not against the data's own extremes, so the axis is widened to the ticks that
/// enclose them.
package struct NiceTicks: Sendable, Equatable {
    /// A step is `mantissa × 10^exponent`; ticks are whole multiples of it, from
    /// `first` to `last`, each computed from integers so that none drifts by rounding
    /// (7 × 0.1 is 0.7000000000000001; 7 / 10 is 0.7).
    private let mantissa: Int
    private let exponent: Int
    private let first: Int
    private let last: Int

    package var step: Double { value(1) }
    package var lower: Double { value(first) }
    package var upper: Double { value(last) }
    package var values: [Double] { (first...last).map(value) }

    private func value(_ k: Int) -> Double {
        var power = 1.0
        for _ in 0..<abs(exponent) { power *= 10 }
        return exponent >= 0 ? Double(k * mantissa) * power : Double(k * mantissa) / power
    }

    /// Ticks enclosing `low...high`, about `target` of them.
    package init(covering low: Double, _ high: Double, target: Int = 6) {
        var lo = low.isFinite ? low : 0, hi = high.isFinite ? high : 1
        if lo > hi { swap(&lo, &hi) }
        if hi - lo < 1e-12 {
            // A flat series: a small span around it, so the line sits inside the frame.
            let pad = max(abs(hi) * 0.1, 0.01)
            lo -= pad
            hi += pad
        }
        let raw = (hi - lo) / Double(max(1, target))
        var exponent = 0, power = 1.0
        while power * 10 <= raw { power *= 10; exponent += 1 }
        while power > raw { power /= 10; exponent -= 1 }
        // In tenths of the power, so that 2.5 is a whole number: 10, 20, 25, 50, 100.
        let tenths = [10, 20, 25, 50, 100].min { a, b in
            let x = Double(a) / 10 * power, y = Double(b) / 10 * power
            return max(x / raw, raw / x) < max(y / raw, raw / y)
        } ?? 10
        mantissa = tenths
        self.exponent = exponent - 1
        var step = 1.0
        for _ in 0..<abs(self.exponent) { step *= 10 }
        step = self.exponent >= 0 ? Double(tenths) * step : Double(tenths) / step
        first = Int((lo / step + 1e-9).rounded(.down))
        last = max(first + 1, Int((hi / step - 1e-9).rounded(.up)))
    }
}
