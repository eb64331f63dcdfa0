import ArgumentParser
import Dispatch
import Foundation
import ShareSimCore

struct MonteCarloCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "montecarlo",
        abstract: "Run a scenario many times over its uncertain parameters and print percentile bands.",
        discussion: """
            Each run draws every uncertain parameter (param x ~ uniform(…), or a distribution written \
            in place of a number) from its own random stream, seeded from mix(SEED) + run, so the output is \
            the same bytes on any number of threads or machines. Bands are nearest-rank percentiles.

            Memory: holding every value takes 8 bytes × runs × dates × rows (rows: the view's rows \
            over all segments). CSV and JSON keep every step unless --at names dates; a table keeps only \
            its columns' dates. When that is more than 80% of --memory (1G unless told), the batch runs \
            in passes instead: the first counts each value into bins, the next keeps only the values \
            in the bins that hold a percentile, so the bands are the same bytes, at about twice the \
            time. A shard too large for --memory is run once per group of dates that fits.

            Examples:
              sharesim montecarlo scenarios/china-chip-share.scn --runs 10000 --seed 42
              sharesim montecarlo scenarios/china-chip-share.scn --runs 100000 --seed 42 \\
                --format csv -o bands.csv
              sharesim montecarlo scenarios/china-chip-share.scn --runs 1000000 --seed 42 \\
                --format csv --shard 0/8 -o part-0.mcpart
              sharesim merge part-*.mcpart -o bands.csv
            """)

    @Argument(help: "The scenario file (.scn or resolved .json); '-' reads standard input.")
    var file: String

    @Option(parsing: .unconditional, help: "How many runs.")
    var runs: Int

    @Option(parsing: .unconditional, help: "The batch's seed; run i draws from a stream seeded with mix(SEED) + i (MODEL.md, \"Random draws\").")
    var seed: UInt64

    @OptionGroup var threading: ThreadOptions

    @Option(help: "Percentiles to report, comma-separated.")
    var bands: String = "5,25,50,75,95"

    @Option(help: "Dates to report, comma-separated (default: the table's columns; every step for csv and json).")
    var at: String?

    @Option(help: "The memory the batch may hold, e.g. 1G, 64M, 512k; a larger batch runs in passes (default: 1G).")
    var memory: String?

    @Option(help: "Compute only shard I of N (counted from 0) and write its partial result to --output; see 'sharesim merge'.")
    var shard: String?

    @Option(help: ArgumentHelp("Report instead the rank regression (SRRC) of each uncertain parameter on this outcome, "
                               + "written as an expect line's left side.", valueName: "outcome"))
    var rank: String?

    @OptionGroup var report: ReportOutput
    @OptionGroup var view: ShareOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard runs <= 1 << 40 else { throw ValidationError("--runs must be at most 2^40") }
        if case .failure(let e) = Band.parseList(bands) {
            throw ValidationError(e.message)
        }
        if let at { _ = try ReportDates.months(at) }
        if let memory, ByteCount.parse(memory) == nil {
            throw ValidationError("--memory takes a size of at least 1k, e.g. 1G, 64M or 512k, not '\(memory)'")
        }
        if rank != nil, shard != nil {
            throw ValidationError("--rank needs every run's draws and outcome together: leave out --shard")
        }
        if let shard {
            guard let (i, n) = ShardSpec.parse(shard) else {
                throw ValidationError("--shard takes I/N with 0 ≤ I < N, e.g. 0/4 for the first of four shards")
            }
            guard n <= runs else { throw ValidationError("--shard \(i)/\(n): there are more shards than the \(NumberText.counted(runs, "run"))") }
            guard !report.toStandardOutput else { throw ValidationError("--shard writes a partial result file: give it with --output FILE") }
        }
    }

    /// The width a table's dates are chosen for: the terminal's only when the table goes to
    /// one, else 80 whatever COLUMNS says, since the dates decide a batch's identity and the
    /// shards of one batch, run in different places, must agree.
    static func tableWidth(toStandardOutput: Bool) -> Int {
        toStandardOutput && Terminal.isTerminal(STDOUT_FILENO) ? Terminal.width : 80
    }

    func run() throws {
        try report.refuse(overwriting: [file])
        let input = ScenarioInput(printer: diagnostics.printer)
        let loaded = try input.load(file).get()
        if let rank { return try runRank(rank, loaded: loaded, input: input) }
        let dates: MonteCarloRequest.Dates
        if let at {
            dates = .steps(try ReportDates.steps(at, in: loaded.scenario.timeline, file: file))
        } else if report.format == .table {
            dates = .tableColumns(width: Self.tableWidth(toStandardOutput: report.toStandardOutput))
        } else {
            dates = .everyStep
        }
        let format = MonteCarloReport.Format(rawValue: report.format.rawValue)!
        let request = MonteCarloRequest(
            input: loaded, runs: runs, seed: seed, bands: try Band.parseList(bands).get(), metric: view.metric, grouping: view.by,
            dates: dates, shard: shard.flatMap(ShardSpec.parse).map { MonteCarloRequest.Shard(index: $0.0, count: $0.1, output: report.output!, format: format) },
            threads: threading.count, memory: memory.flatMap(ByteCount.parse) ?? MonteCarloRequest.defaultMemory)
        if request.isNominalOnly {
            Output.report(Diagnostic(.warning, "no parameter of '\(file)' is uncertain: every run is the nominal run", at: nil), printer: input.printer)
        }
        if let note = request.passesNote { Output.err("sharesim: \(note)\n") }
        // Ctrl-C raises a flag that the workers poll between runs: the batch stops, nothing
        // half-done is written, and the command exits 130.
        let response = try input.perform { hooks throws(OperationError) in try request.perform(hooks) }
        switch response {
        case .shardAlreadyComplete(let header, let path):
            Output.err("sharesim: shard \(header.shard)/\(header.shards) is already complete in '\(path)'; skipped\n")
        case .shardWritten:
            break
        case .bands(let bands):
            try Output.deliver(MonteCarloReport.render(bands.batch, values: bands.values, as: format), to: report.output)
        }
    }
}

/// `--shard I/N`.
enum ShardSpec {
    static func parse(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else { return nil }
        return (i, n)
    }
}
