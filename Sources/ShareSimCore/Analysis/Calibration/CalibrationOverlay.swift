import Foundation

/// The scenario text `calibrate --write` saves: an overlay that `use`s the fitted file and
/// sets each fitted parameter, tagged with how the value was found, so that the file says
/// where its numbers came from as every bundled scenario does. The observations are written
/// again because a used file's are not inherited (docs/language.md), and `sharesim test`
/// on the overlay should report the fit's residuals and its held-out checks.
public enum CalibrationOverlay {
    /// The overlay for `r`, a fit of `scenario` read from `usedPath` (as the overlay's `use`
    /// line names it: relative to the overlay), made by `command`.
    public static func text(_ r: ObservationFit.Result, scenario: ResolvedScenario, usedPath: String, command: String) -> String {
        let usedName = (usedPath as NSString).lastPathComponent
        var out = "# \(usedName) with \(r.parameters.joined(separator: ", ")) fitted to its \(NumberText.counted(r.fitted.count, "fit observation"))\n"
        out += "# by weighted least squares; \(ObservationFitReport.weightingText(r.weighting)). Made by:\n"
        out += "#   \(command)\n"
        out += "use \"\(usedPath)\"\n\n"
        out += "scenario \"\(scenario.name) (calibrated)\"\n\n"
        for (i, name) in r.parameters.enumerated() {
            var how = "calibrated: weighted least squares to \(NumberText.counted(r.fitted.count, "fit observation")) of \(usedName), "
            how += "SSR \(ObservationFitReport.number(r.sumOfSquares))"
            if r.intervals[i] != nil { how += ", 95% interval \(ObservationFitReport.intervalText(r, i))" }
            out += "param \(name) = \(ValueText.label(r.values[i], like: r.units[i])) [\(how)]\n"
        }
        let observations = scenario.observations
        if !observations.isEmpty {
            out += "\n# \(usedName)'s observations, restated: a used file's are not inherited.\n"
            for o in observations { out += o.statement(timeline: scenario.timeline) + "\n" }
        }
        return out
    }
}
