import ArgumentParser
import ShareSimCharts
import ShareSimCore

/// The Monte Carlo batch behind a fan chart, shared by `chart --kind fan` and `report`.
struct FanOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Fan charts: how many Monte Carlo runs.")
    var runs: Int = 1000

    @Option(parsing: .unconditional, help: "Fan charts: the batch's seed (run i draws from mix(SEED) + i).")
    var seed: UInt64 = 1

    @Option(help: "Fan charts: percentiles, comma-separated; nested bands pair the lowest with the highest.")
    var bands: String = "5,25,50,75,95"

    func validate() throws {
        guard runs >= 1, runs <= 10_000_000 else { throw ValidationError("--runs must be from 1 to 10000000") }
        if case .failure(let e) = Band.parseList(bands) { throw ValidationError(e.message) }
    }

    var settings: RunCharts.FanSettings {
        RunCharts.FanSettings(runs: runs, seed: seed, bands: (try? Band.parseList(bands).get()) ?? RunCharts.FanSettings.defaultBands)
    }
}
