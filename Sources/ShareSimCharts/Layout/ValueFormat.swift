import ShareSimCore

/// How an axis or a label writes a value: shares as percentages, differences of shares in
/// percentage points, growth per year, amounts with k/M/B, or plain numbers. Written with
/// `NumberText`, never with a locale, so the same value is the same bytes everywhere.
public enum ValueFormat: Sendable, Equatable {
    case percent
    case points
    case percentPerYear
    case amount
    case plain

    /// A tick label with as few decimals as the ticks' step needs (10%, 12.5%).
    package func tick(_ x: Double, step: Double) -> String {
        let scale: Double = self == .amount || self == .plain ? 1 : 100
        var decimals = 0
        var s = step * scale
        while decimals < 4, abs(s - s.rounded()) > 1e-6 { s *= 10; decimals += 1 }
        return write(x, decimals: decimals)
    }

    /// A value for a label beside the data, one decimal.
    public func label(_ x: Double) -> String { write(x, decimals: 1) }

    private func write(_ x: Double, decimals: Int) -> String {
        let zeroed = abs(x) < 1e-12 ? 0 : x
        switch self {
        case .percent: return NumberText.percent(zeroed, decimals: decimals)
        case .points:
            let text = NumberText.fixed(zeroed * 100, decimals: decimals)
            return (zeroed > 0 ? "+" : "") + text + " pp"
        case .percentPerYear: return NumberText.percent(zeroed, decimals: decimals) + "/y"
        case .amount: return NumberText.amount(zeroed)
        case .plain: return NumberText.fixed(zeroed, decimals: decimals)
        }
    }
}
