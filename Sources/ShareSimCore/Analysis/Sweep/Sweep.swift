/// An outcome tabulated over one parameter's values, or over a grid of two parameters'.
///
/// ```swift
/// let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: s)
/// let sweep = try Sweep.run(s, axes: [try SweepAxis.parse("leakage=2%..20%/10")], outcome: outcome)
/// sweep.value(row: 3)          // the outcome with leakage = 8%
/// ```
///
/// Each value (each cell of a grid) is an independent run of the scenario with the
/// parameters set; the runs go to all cores (`threads`) and are collected by index, so a
/// sweep's values are the same bits whatever the number of threads.
public struct Sweep: Sendable {
    public var scenario: ResolvedScenario
    /// One axis (a table) or two (a grid: rows are the first axis's values, columns the second's).
    public var axes: [SweepAxis]
    public var outcome: ScenarioOutcome
    /// Row-major: the cell of row `i` and column `j` is at `i · columns + j`.
    public var values: [Double]

    public var rows: Int { axes[0].values.count }
    public var columns: Int { axes.count > 1 ? axes[1].values.count : 1 }

    public func value(row i: Int, column j: Int = 0) -> Double { values[i * columns + j] }

    /// The most runs one sweep may ask for.
    package static let maxRuns = 1_000_000

    /// Runs the scenario once per value (per cell of a grid) and reads the outcome of each. A
    /// parameter or value the scenario does not accept is refused with its axis as the part at fault.
    public static func run(_ scenario: ResolvedScenario, axes: [SweepAxis], outcome: ScenarioOutcome,
                           threads: Int = ParallelWork.defaultThreads,
                           isCancelled: (@Sendable () -> Bool)? = nil) throws(OperationError) -> Sweep {
        guard (1...2).contains(axes.count) else {
            throw .invalid(Diagnostic(.error, "a sweep varies one parameter or two, not \(axes.count)", at: nil,
                                      help: ["give --vary once for a table, twice for a grid"]))
        }
        if axes.count == 2, axes[0].name == axes[1].name {
            throw .invalid(Diagnostic(.error, "parameter '\(axes[0].name)' is varied twice", at: nil, help: ["vary two different parameters"]), part: 1)
        }
        // Every value of every axis is checked before any run, so that a value out of range is
        // reported at once rather than after the runs before it.
        for (index, axis) in axes.enumerated() {
            for (v, label) in zip(axis.values, axis.labels) {
                do { _ = try scenario.setting(axis.name, to: v) } catch {
                    // Out of range: said of the value as typed on the command line, not in the file.
                    guard let p = scenario.parameters.first(where: { $0.name == axis.name }), !p.validRange.contains(v) else { throw .invalid(error, part: index) }
                    throw .invalid(Diagnostic(.error, "\(axis.name) = \(label) is outside the valid range of parameter '\(axis.name)'", at: nil,
                                              notes: ["'\(axis.name)' (declared at \(p.location.description)) accepts \(ResolvedScenario.describe(p.validRange, percent: label.hasSuffix("%"))) where it is used"],
                                              help: ["vary it within that range"]), part: index)
                }
            }
        }
        let columns = axes.count > 1 ? axes[1].values.count : 1
        let count = axes[0].values.count * columns
        guard count <= maxRuns else {
            throw .invalid(Diagnostic(.error, "the sweep asks for \(count) runs; at most \(maxRuns) are allowed", at: nil,
                                      help: ["take fewer values"]))
        }
        let results = ParallelWork.map(count: count, threads: threads, worker: { EngineWorkspace() }) { workspace, index -> SweepJobResult in
            if let isCancelled, isCancelled() { return .cancelled }
            var setting = [(axes[0].name, axes[0].values[index / columns])]
            if axes.count > 1 { setting.append((axes[1].name, axes[1].values[index % columns])) }
            return SweepJob.evaluate(scenario, setting: setting, outcomes: [outcome], workspace: workspace, isCancelled: isCancelled).map { $0[0] }
        }
        var values: [Double] = []
        values.reserveCapacity(count)
        for r in results {
            switch r {
            case .value(let x): values.append(x)
            case .invalid(let d): throw .invalid(d)
            case .cancelled: throw .cancelled
            }
        }
        return Sweep(scenario: scenario, axes: axes, outcome: outcome, values: values)
    }
}
