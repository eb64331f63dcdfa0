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
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the partial result files to merge") }
    }

    func run() throws {
        try ReportOutput.refuse(output, overwriting: parts)
        let request = MergeRequest(parts: parts, format: format.flatMap { MonteCarloReport.Format(rawValue: $0.rawValue) },
                                   tableWidth: MonteCarloCommand.tableWidth(toStandardOutput: ReportOutput.isStandardOutput(output)),
                                   threads: threading.count)
        let merged: MergeResponse
        do { merged = try request.perform() } catch {
            throw ScenarioInput(printer: diagnostics.printer).exitCode(for: error)
        }
        try Output.deliver(MonteCarloReport.render(merged.bands.batch, values: merged.bands.values, as: merged.format), to: output)
    }
}
