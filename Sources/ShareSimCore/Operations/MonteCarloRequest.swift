import Foundation

/// `montecarlo`: a scenario run many times over its uncertain parameters, summarised as
/// percentile bands; or one shard of such a batch, written to a partial result file for
/// `MergeRequest`.
///
/// ```swift
/// let request = MonteCarloRequest(input: loaded, runs: 10_000, seed: 42, dates: .tableColumns(width: 80))
/// if case .bands(let bands) = try request.perform(.interruptible()) { MonteCarloReport.render(bands.batch, values: bands.values, as: .table) }
/// ```
public struct MonteCarloRequest: Sendable {
    /// The dates the bands are reported at.
    public enum Dates: Sendable {
        /// These steps, as asked for.
        case steps([Int])
        /// As many evenly spaced dates as a table of this width shows.
        case tableColumns(width: Int)
        /// Every step of the timeline.
        case everyStep
    }

    /// Shard `index` of `count` (counted from 0): its runs' values go to `output`, a partial
    /// result file that remembers `format` for the merge.
    public struct Shard: Sendable {
        public var index: Int
        public var count: Int
        public var output: String
        public var format: MonteCarloReport.Format

        public init(index: Int, count: Int, output: String, format: MonteCarloReport.Format) {
            self.index = index
            self.count = count
            self.output = output
            self.format = format
        }
    }

    /// The scenario and the sources its diagnostics quote.
    public var input: ScenarioLoader.Loaded
    public var runs: Int
    public var seed: UInt64
    public var bands: [Band]
    public var metric: SeriesMetric
    public var grouping: Grouping
    public var dates: Dates
    public var shard: Shard?
    public var threads: Int
    /// The bytes the batch may hold (`--memory`, 1 GiB unless told): a batch whose values
    /// need more than 80% of them, or of what the machine has available, is not refused but
    /// computed in passes over the same runs (`MonteCarloPasses`), to the same bytes; a shard
    /// is written a group of dates per pass.
    public var memory: Double
    /// What this machine (or its container) has available now: a `memory` above it is cut to it,
    /// so that a batch runs in passes instead of being killed partway.
    package var available: AvailableMemory

    /// 1 GiB.
    public static let defaultMemory = Double(1 << 30)

    public init(input: ScenarioLoader.Loaded, runs: Int, seed: UInt64, bands: [Band] = Band.defaults,
                metric: SeriesMetric = .installedShare, grouping: Grouping = .vendor, dates: Dates,
                shard: Shard? = nil, threads: Int = ParallelWork.defaultThreads,
                memory: Double = MonteCarloRequest.defaultMemory, available: AvailableMemory = .current()) {
        self.input = input
        self.runs = runs
        self.seed = seed
        self.bands = bands
        self.metric = metric
        self.grouping = grouping
        self.dates = dates
        self.shard = shard
        self.threads = threads
        self.memory = memory
        self.available = available
    }

    /// True when no parameter is uncertain: every run is the nominal run, which a front end
    /// may want to say before it starts.
    public var isNominalOnly: Bool { !input.scenario.parameters.contains(where: \.isUncertain) }

    /// The batch this request computes: its rows and its reporting steps.
    public var batch: MonteCarloBatch {
        let scenario = input.scenario
        let steps: [Int]
        switch dates {
        case .steps(let chosen): steps = chosen
        case .tableColumns(let width): steps = MonteCarloReport.defaultTableSteps(scenario, grouping: grouping, bands: bands, width: width)
        case .everyStep: steps = Array(0..<scenario.timeline.steps)
        }
        return MonteCarloBatch(scenario: scenario, runs: runs, seed: seed, bands: bands, metric: metric, grouping: grouping, steps: steps)
    }

    /// The bytes the batch may use and where that figure comes from: `--memory`, or what this
    /// machine or its container has available when that is less (named as `AvailableMemory` read it).
    public var budget: (bytes: Double, source: String) {
        available.bytes > 0 && available.bytes < memory ? (available.bytes, available.source) : (memory, "--memory")
    }

    /// The runs this request computes: its shard's, or all of them.
    private var runRange: Range<Int> {
        shard.map { MonteCarloBatch.runs(ofShard: $0.index, of: $0.count, total: runs) } ?? 0..<runs
    }

    /// Whether `batch`'s values, 8 bytes a cell and run, fit in 80% of the budget; a batch
    /// that does not runs in passes over the same runs.
    private func fits(_ batch: MonteCarloBatch) -> Bool {
        Double(batch.cellCount) * Double(runRange.count) * 8 <= 0.8 * budget.bytes
    }

    /// One line to show before a batch too large to hold at once runs: how large it is, what
    /// it may use and why, and that it runs in passes. Nil for a batch that fits.
    public var passesNote: String? {
        let batch = self.batch
        guard !fits(batch) else { return nil }
        let (bytes, source) = budget
        return "the batch's values take \(NumberText.bytes(Double(batch.cellCount) * Double(runRange.count) * 8)), more than 80% of "
            + "the \(NumberText.bytes(bytes)) it may use (\(source)): it runs in passes over the same runs"
    }

    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> MonteCarloResponse {
        let batch = self.batch
        let range = runRange
        let budget = self.budget.bytes
        let fits = fits(batch)
        var header: MonteCarloShard.Header?
        if let shard {
            let h = MonteCarloShard.Header(batch: batch, shard: shard.index, shards: shard.count, format: shard.format)
            if MonteCarloShard.isComplete(shard.output, h) { return .shardAlreadyComplete(h, path: shard.output) }
            header = h
        }
        let progress: (Int, Int) -> Void = { hooks.progress($0, $1) }
        do throws(OperationError) {
            if let header, let shard {
                try MonteCarloShard.write(header, scenario: input.scenario, threads: threads, memory: budget, to: shard.output,
                                          progress: progress, isCancelled: hooks.isCancelled)
                return .shardWritten(header, path: shard.output)
            }
            if !fits {
                let values = try MonteCarloPasses.bands(input.scenario, batch: batch, runs: range, threads: threads, memory: budget,
                                                        progress: progress, isCancelled: hooks.isCancelled)
                return .bands(MonteCarloBands(batch: batch, values: values))
            }
            let samples = try MonteCarlo.simulate(input.scenario, batch: batch, runs: range, threads: threads,
                                                  progress: { progress($0, range.count) }, isCancelled: hooks.isCancelled)
            let values = MonteCarlo.bands(samples, bands: bands, rows: batch.entities.count, threads: threads)
            if hooks.isCancelled() { throw OperationError.cancelled }
            return .bands(MonteCarloBands(batch: batch, values: values))
        } catch {
            throw error.quoting(input.sources)
        }
    }
}

/// What `MonteCarloRequest` gives.
public enum MonteCarloResponse: Sendable {
    /// The whole batch's bands.
    case bands(MonteCarloBands)
    /// A shard's values, written to `path`.
    case shardWritten(MonteCarloShard.Header, path: String)
    /// The shard's complete values were already in `path`, so nothing was run.
    case shardAlreadyComplete(MonteCarloShard.Header, path: String)
}

/// A batch's bands: `bands.count` values per cell of `batch` (see `MonteCarlo.bands`),
/// ready for `MonteCarloReport.render`.
public struct MonteCarloBands: Sendable {
    public var batch: MonteCarloBatch
    public var values: [Double]
}
