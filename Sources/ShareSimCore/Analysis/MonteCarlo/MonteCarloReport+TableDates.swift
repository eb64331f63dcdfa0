/// A batch that kept every date of its timeline (run for CSV or JSON) shown as a table:
/// `merge --format table` of such shards picks the dates `montecarlo`'s own table would
/// have, rather than printing a column for every step.
extension MonteCarloReport {
    /// The batch and its values narrowed to the dates that fit `width`, chosen as
    /// `defaultTableSteps` chooses them; unchanged when the batch reports chosen dates
    /// (`--at`, or a table's) or they already fit.
    package static func fittingTable(_ batch: MonteCarloBatch, values: [Double], width: Int) -> (batch: MonteCarloBatch, values: [Double]) {
        guard let timeline = batch.wholeTimeline else { return (batch, values) }
        let count = tableColumns(batch.entities, grouping: batch.grouping, bands: batch.bands, width: width)
        let kept = TableReport.spread(steps: timeline.steps, count: count, timeline: timeline)
        guard kept.count < batch.steps.count else { return (batch, values) }
        var narrowed = batch
        narrowed.steps = kept.map { batch.steps[$0] }
        narrowed.dates = kept.map { batch.dates[$0] }
        narrowed.labels = kept.map { batch.labels[$0] }
        let perStep = batch.entities.count * batch.bands.count
        return (narrowed, kept.flatMap { values[($0 * perStep)..<(($0 + 1) * perStep)] })
    }
}

extension MonteCarloBatch {
    /// The timeline, when the batch reports every one of its steps (0, 1, … n−1), rebuilt
    /// from the dates a partial file carries; nil for chosen dates.
    var wholeTimeline: Timeline? {
        guard !steps.isEmpty, steps == Array(0..<steps.count), let start = dates.first.flatMap(CalendarMonth.parse)?.month else { return nil }
        let months = dates.count > 1 ? CalendarMonth.parse(dates[1]).map { $0.month.ordinal - start.ordinal } : nil
        let step = StepKind.allCases.first { $0.months == months } ?? .year
        return Timeline(start: start, step: step, steps: steps.count)
    }
}
