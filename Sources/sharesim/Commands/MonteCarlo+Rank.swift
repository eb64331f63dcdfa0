import ArgumentParser
import Foundation
import ShareSimCore

extension MonteCarloCommand {
    /// `--rank OUTCOME`: the batch's runs read for a rank regression rather than bands.
    func runRank(_ outcomeText: String, loaded: ScenarioLoader.Loaded, input: ScenarioInput) throws {
        let outcome: ScenarioOutcome
        do { outcome = try ScenarioOutcome.parse(outcomeText, in: loaded.scenario, source: "--rank") } catch {
            input.report(error)
            throw ExitCode(ExitStatus.usage)
        }
        let request = RankRegressionRequest(input: loaded, runs: runs, seed: seed, outcome: outcome, threads: threading.count,
                                            memory: memory.flatMap(ByteCount.parse) ?? MonteCarloRequest.defaultMemory)
        let ranked = try input.perform { hooks throws(OperationError) in try request.perform(hooks) }
        let text: String
        switch report.format {
        case .table: text = RankRegressionReport.table(ranked)
        case .csv: text = RankRegressionReport.csv(ranked)
        case .json: text = RankRegressionReport.json(ranked)
        }
        try Output.deliver(text, to: report.output)
    }
}
