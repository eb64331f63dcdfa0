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
    /// The memory the kept values may take: a batch that needs more is refused before it
    /// starts, rather than swapping or being killed halfway.
    public var memory: AvailableMemory

    public init(input: ScenarioLoader.Loaded, runs: Int, seed: UInt64, bands: [Band] = Band.defaults,
                metric: SeriesMetric = .installedShare, grouping: Grouping = .vendor, dates: Dates,
                shard: Shard? = nil, threads: Int = ParallelWork.defaultThreads,
                memory: AvailableMemory = .current()) {
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

    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> MonteCarloResponse {
        let batch = self.batch
        let range = shard.map { MonteCarloBatch.runs(ofShard: $0.index, of: $0.count, total: runs) } ?? 0..<runs
        let bytes = Double(batch.cellCount) * Double(range.count) * 8
        if memory.bytes > 0, bytes > memory.bytes {
            throw .refused("\(NumberText.counted(range.count, "run")) × \(NumberText.counted(batch.steps.count, "date")) × "
                           + "\(NumberText.counted(batch.entities.count, "row")) need \(NumberText.bytes(bytes)) of memory, "
                           + "more than the \(NumberText.bytes(memory.bytes)) \(memory.source)",
                           help: ["report fewer dates with --at, or split the batch with --shard I/N and 'sharesim merge'"],
                           status: ExitStatus.usage)
        }
        var header: MonteCarloShard.Header?
        if let shard {
            let h = MonteCarloShard.Header(batch: batch, shard: shard.index, shards: shard.count, format: shard.format)
            if MonteCarloShard.isComplete(shard.output, h) { return .shardAlreadyComplete(h, path: shard.output) }
            header = h
        }
        let samples: MonteCarloSamples
        do {
            samples = try MonteCarlo.simulate(input.scenario, batch: batch, runs: range, threads: threads,
                                              progress: { hooks.progress($0, range.count) }, isCancelled: hooks.isCancelled)
        } catch {
            throw error.quoting(input.sources)
        }
        if hooks.isCancelled() { throw .cancelled }
        if let header, let shard {
            try MonteCarloShard.write(header, samples: samples, to: shard.output)
            return .shardWritten(header, path: shard.output)
        }
        let values = MonteCarlo.bands(samples, bands: bands, rows: batch.entities.count, threads: threads)
        if hooks.isCancelled() { throw .cancelled }
        return .bands(MonteCarloBands(batch: batch, values: values))
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
