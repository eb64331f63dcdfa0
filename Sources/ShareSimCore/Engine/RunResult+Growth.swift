import Foundation

extension RunResult {
    /// The yearly growth rate of an amount (`sales growth`, `installed growth`) from step
    /// `from` to step `to`: the compound rate that takes the level at `from` to the level at
    /// `to`. NaN where it is undefined (growth from nothing, or no time between the steps).
    /// `expect … growth` lines and growth observations both read it here, so that they mean
    /// the same rate.
    public func growth(of measure: Metric, view: ShareView, keys: [String], buyer: String?,
                       segments: [String], from: Int, to: Int) -> Double {
        let amount: Metric = measure == .salesGrowth ? .sales : .installed
        let a = value(of: amount, view: view, keys: keys, buyer: buyer, segments: segments, step: from)
        let b = value(of: amount, view: view, keys: keys, buyer: buyer, segments: segments, step: to)
        let years = Double(to - from) * scenario.timeline.step.years
        return a > 0 && years > 0 ? pow(b / a, 1 / years) - 1 : .nan
    }
}
