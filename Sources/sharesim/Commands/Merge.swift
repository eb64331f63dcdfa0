import ArgumentParser
import Foundation
import ShareSimCore

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the partial results of a sharded Monte Carlo batch.",
        discussion: """
            PARTS are the files 'sharesim montecarlo … --shard I/N --output PART' wrote, one per shard, in \
            any order. The output is exactly the bytes one machine running the whole batch would have \
            written. Every shard of the batch must be given once.

            Example:
              sharesim merge parts/part-*.mcpart --format csv -o bands.csv
            """)

    @Argument(help: "The partial result files.")
    var parts: [String]

    @Option(help: "Output format: table, csv or json (default: the format the shards were run with).")
    var format: OutputFormat?

    @Option(name: [.short, .long], help: ReportOutput.outputHelp)
    var output: String?

    @OptionGroup var threading: ThreadOptions

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the partial result files to merge") }
    }

    func run() throws {
        try ReportOutput.refuse(output, overwriting: parts)
        let merged: (batch: MonteCarloBatch, format: MonteCarloReport.Format, samples: MonteCarloSamples)
        do { merged = try MonteCarloShard.merge(parts) } catch {
            Output.err("sharesim: error: \(error.description)\n")
            throw ExitCode(error.isUnreadable ? ExitStatus.noInput : ExitStatus.dataError)
        }
        let chosen = format.flatMap { MonteCarloReport.Format(rawValue: $0.rawValue) } ?? merged.format
        var (batch, values) = (merged.batch, MonteCarlo.bands(merged.samples, bands: merged.batch.bands, rows: merged.batch.entities.count,
                                                              threads: threading.count))
        if chosen == .table {
            // Shards run for CSV or JSON keep every date; a table shows those that fit, as montecarlo's own does.
            (batch, values) = MonteCarloReport.fittingTable(batch, values: values,
                                                            width: MonteCarloCommand.tableWidth(toStandardOutput: ReportOutput.isStandardOutput(output)))
        }
        try Output.deliver(MonteCarloReport.render(batch, values: values, as: chosen), to: output)
    }
}
