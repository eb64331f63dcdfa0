/// `merge`: the partial result files of a sharded Monte Carlo batch combined into the
/// bands one machine running the whole batch would have reported.
///
/// ```swift
/// let merged = try MergeRequest(parts: ["part-0.mcpart", "part-1.mcpart"], format: .csv).perform()
/// MonteCarloReport.render(merged.bands.batch, values: merged.bands.values, as: merged.format)
/// ```
public struct MergeRequest: Sendable {
    public var parts: [String]
    /// The report's format; nil: the one the shards were run with.
    public var format: MonteCarloReport.Format?
    /// A table's width: shards run for CSV or JSON keep every date, and a table shows those that fit.
    public var tableWidth: Int
    public var threads: Int

    public init(parts: [String], format: MonteCarloReport.Format? = nil, tableWidth: Int = 80,
                threads: Int = ParallelWork.defaultThreads) {
        self.parts = parts
        self.format = format
        self.tableWidth = tableWidth
        self.threads = threads
    }

    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> MergeResponse {
        let merged = try MonteCarloShard.parts(parts)
        if hooks.isCancelled() { throw .cancelled }
        let format = self.format ?? merged.format
        var (batch, values) = (merged.batch, try MonteCarloShard.bands(of: merged.parts, batch: merged.batch, threads: threads,
                                                                       isCancelled: hooks.isCancelled))
        if format == .table {
            (batch, values) = MonteCarloReport.fittingTable(batch, values: values, width: tableWidth)
        }
        if hooks.isCancelled() { throw .cancelled }
        return MergeResponse(bands: MonteCarloBands(batch: batch, values: values), format: format)
    }
}

/// What `MergeRequest` gives: the bands and the format to report them in.
public struct MergeResponse: Sendable {
    public var bands: MonteCarloBands
    public var format: MonteCarloReport.Format
}
