import ArgumentParser
import Dispatch
import Foundation
import LineEditor
import ShareSimCore

struct MonteCarloCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "montecarlo",
        abstract: "Run a scenario many times over its uncertain parameters and print percentile bands.",
        discussion: """
            Each run draws every uncertain parameter (param x ~ uniform(…), or a distribution written \
            in place of a number) from its own random stream, seeded from SEED + run, so the output is \
            the same bytes on any number of threads or machines. Bands are nearest-rank percentiles.

            Memory: 8 bytes × runs × dates × rows (rows: vendors or origins over all segments). CSV and \
            JSON keep every step unless --at names dates; a table keeps only its columns' dates.

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

    @Option(parsing: .unconditional, help: "The batch's seed; run i draws from a stream seeded with SEED + i.")
    var seed: UInt64

    @OptionGroup var threading: ThreadOptions

    @Option(help: "Percentiles to report, comma-separated.")
    var bands: String = "5,25,50,75,95"

    @Option(help: "Dates to report, comma-separated (default: the table's columns; every step for csv and json).")
    var at: String?

    @Option(help: "Compute only shard I of N (counted from 0) and write its partial result to --output; see 'sharesim merge'.")
    var shard: String?

    @OptionGroup var report: ReportOutput
    @OptionGroup var view: ShareView
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        try view.requireVendorOrOrigin("montecarlo")
        guard runs <= 1 << 40 else { throw ValidationError("--runs must be at most 2^40") }
        if case .failure(let e) = Band.parseList(bands) {
            throw ValidationError(e.message(option: "--bands"))
        }
        if let at { _ = try ReportDates.months(at) }
        if let shard {
            guard let (i, n) = ShardSpec.parse(shard) else {
                throw ValidationError("--shard takes I/N with 0 ≤ I < N, e.g. 0/4 for the first of four shards")
            }
            guard n <= runs else { throw ValidationError("--shard \(i)/\(n): there are more shards than the \(runs) runs") }
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
        let loaded = try ScenarioInput(printer: diagnostics.printer).load(file).get()
        let scenario = loaded.scenario
        let bandList = try Band.parseList(bands).get()
        let metric = view.metric
        let reportFormat = MonteCarloReport.Format(rawValue: report.format.rawValue)!
        let steps: [Int]
        if let at {
            steps = try ReportDates.steps(at, in: scenario.timeline, file: file)
        } else if report.format == .table {
            steps = MonteCarloReport.defaultTableSteps(scenario, grouping: view.by, bands: bandList,
                                                       width: Self.tableWidth(toStandardOutput: report.toStandardOutput))
        } else {
            steps = Array(0..<scenario.timeline.steps)
        }
        let batch = MonteCarloBatch(scenario: scenario, runs: runs, seed: seed, bands: bandList, metric: metric, grouping: view.by, steps: steps)
        let shardSpec = shard.flatMap(ShardSpec.parse)
        let range = shardSpec.map { MonteCarloBatch.runs(ofShard: $0.0, of: $0.1, total: runs) } ?? 0..<runs

        let bytes = Double(batch.cellCount) * Double(range.count) * 8
        let physical = Double(ProcessInfo.processInfo.physicalMemory)
        if physical > 0, bytes > 0.8 * physical {
            Output.err("sharesim: error: \(NumberText.counted(range.count, "run")) × \(NumberText.counted(batch.steps.count, "date")) × \(NumberText.counted(batch.entities.count, "row")) need "
                       + "\(NumberText.bytes(bytes)) of memory, more than this machine has (\(NumberText.bytes(physical)))\n"
                       + "help: report fewer dates with --at, or split the batch with --shard I/N and 'sharesim merge'\n")
            throw ExitCode(ExitStatus.usage)
        }
        if !scenario.parameters.contains(where: \.isUncertain) {
            Output.err("sharesim: warning: no parameter of '\(file)' is uncertain: every run is the nominal run\n")
        }

        var header: MonteCarloShard.Header?
        if let (i, n) = shardSpec, let output = report.output {
            let h = MonteCarloShard.Header(batch: batch, shard: i, shards: n, format: reportFormat)
            if MonteCarloShard.isComplete(output, h) {
                Output.err("sharesim: shard \(i)/\(n) is already complete in '\(output)'; skipped\n")
                return
            }
            header = h
        }

        // Ctrl-C raises a flag that the workers poll between runs: the batch stops, nothing
        // half-done is written, and the command exits 130.
        InterruptFlag.install()
        let bar = Terminal.isTerminal(STDERR_FILENO) ? ProgressBar(total: range.count) : nil
        let threadCount = threading.count
        let samples: MonteCarloSamples
        do {
            samples = try MonteCarlo.simulate(scenario, batch: batch, runs: range, threads: threadCount,
                                              progress: bar.map { b in { b.show($0) } }, isCancelled: { InterruptFlag.isPending })
            bar?.finish()
        } catch .cancelled {
            bar?.finish()
            throw MonteCarloCommand.interrupted()
        } catch .run(let run, var diagnostic) {
            bar?.finish()
            diagnostic.notes.append("in run \(run) of the batch (seed \(seed)); the draws: "
                                    + MonteCarlo.draws(scenario, seed: seed, run: run).map { NumberText.csv($0) }.joined(separator: ", "))
            Output.err(diagnostics.printer.render([diagnostic], sources: loaded.sources))
            throw ExitCode(ExitStatus.dataError)
        }

        if InterruptFlag.isPending { throw MonteCarloCommand.interrupted() }
        if let header, let output = report.output {
            do { try MonteCarloShard.write(header, samples: samples, to: output) } catch {
                Output.err("sharesim: error: \(error.description)\n")
                throw ExitCode(ExitStatus.cannotWrite)
            }
            return
        }
        let values = MonteCarlo.bands(samples, bands: bandList, rows: batch.entities.count, threads: threadCount)
        if InterruptFlag.isPending { throw MonteCarloCommand.interrupted() }
        try Output.deliver(MonteCarloReport.render(batch, values: values, as: reportFormat), to: report.output)
    }
}

extension MonteCarloCommand {
    static func interrupted() -> ExitCode {
        Output.err("sharesim: interrupted\n")
        return ExitCode(ExitStatus.interrupted)
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

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar {
    let total: Int
    private var lastDrawn = -1

    init(total: Int) { self.total = total }

    func show(_ done: Int) {
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : width
        let percent = total > 0 ? done * 100 / total : 100
        guard percent != lastDrawn || done == total else { return }
        lastDrawn = percent
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        Output.err("\r\(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)% [\(bar)] \(done)/\(total) runs")
    }

    func finish() { Output.err("\r\u{1B}[K") }
}
