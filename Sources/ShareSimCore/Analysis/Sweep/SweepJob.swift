/// What one run of a sweep or a calibration gives.
enum SweepJobResult: Sendable {
    case value(Double)
    case invalid(Diagnostic)
    case cancelled
}

enum SweepJob {
    enum Result<T: Sendable>: Sendable {
        case value(T)
        case invalid(Diagnostic)
        case cancelled

        func map(_ f: (T) -> Double) -> SweepJobResult {
            switch self {
            case .value(let x): return .value(f(x))
            case .invalid(let d): return .invalid(d)
            case .cancelled: return .cancelled
            }
        }
    }

    /// The scenario with the parameters set, in the order given.
    static func scenario(_ base: ResolvedScenario, setting: [(String, Double)]) throws(Diagnostic) -> ResolvedScenario {
        var s = base
        for (name, value) in setting { s = try s.setting(name, to: value) }
        return s
    }

    /// Sets the parameters, runs in `workspace` (whose memory the next run reuses), and reads
    /// each outcome. Cancellation is checked before the run too: the engine polls only every
    /// few thousand steps, so a calibration of short runs would otherwise never see it.
    static func evaluate(_ base: ResolvedScenario, setting: [(String, Double)], outcomes: [ScenarioOutcome],
                         workspace: EngineWorkspace, isCancelled: (@Sendable () -> Bool)?) -> Result<[Double]> {
        evaluate(base, setting: setting, workspace: workspace, isCancelled: isCancelled) { run in outcomes.map { $0.value(in: run) } }
    }

    /// As above, reading the figures with `read` (a scenario's observations, say) while the
    /// run's memory is still the workspace's.
    static func evaluate(_ base: ResolvedScenario, setting: [(String, Double)], workspace: EngineWorkspace,
                         isCancelled: (@Sendable () -> Bool)?, read: (RunResult) -> [Double]) -> Result<[Double]> {
        evaluate(base, workspace: workspace, isCancelled: isCancelled, making: { s throws(Diagnostic) in try scenario(s, setting: setting) }, read: read)
    }

    /// As above, with the scenario made from `base` by `make` (a sensitivity's assumptions
    /// set, say) rather than by setting parameters.
    static func evaluate(_ base: ResolvedScenario, workspace: EngineWorkspace, isCancelled: (@Sendable () -> Bool)?,
                         making make: (ResolvedScenario) throws(Diagnostic) -> ResolvedScenario, read: (RunResult) -> [Double]) -> Result<[Double]> {
        if let isCancelled, isCancelled() { return .cancelled }
        let s: ResolvedScenario
        do { s = try make(base) } catch { return .invalid(error) }
        let run: RunResult
        do { run = try Engine.run(s, workspace: workspace, isCancelled: isCancelled) } catch { return .cancelled }
        return .value(read(run))
    }
}
