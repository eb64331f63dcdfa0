import Foundation

/// Whole-process wall time of `sharesim run <scenario> --format csv`, per bundled scenario:
/// what a user waits for at the shell, start-up, parsing, resolving, the run and the CSV
/// included. Warm-up runs first bring the binary and scenario into the page cache.
struct ProcessBench {
    struct Figure {
        let scenario: String
        let seconds: Sample
    }

    let figures: [Figure]

    init(binary: String, scenarioDirectory: String, warmUps: Int, repetitions: Int) throws(BenchError) {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchError("no sharesim binary at \(binary) (run `make build`, or set SHARESIM_BIN)")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: scenarioDirectory)
                .filter { $0.hasSuffix(".scn") }.sorted()
        } catch {
            throw BenchError("cannot list \(scenarioDirectory): \(error)")
        }
        var figures: [Figure] = []
        for name in names {
            let argv = [binary, "run", scenarioDirectory + "/" + name, "--format", "csv"]
            for _ in 0..<warmUps { try spawnQuietly(argv) }
            var times: [Double] = []
            for _ in 0..<repetitions {
                let start = monotonicSeconds()
                try spawnQuietly(argv)
                times.append(monotonicSeconds() - start)
            }
            figures.append(Figure(scenario: String(name.dropLast(".scn".count)), seconds: Sample(times)))
        }
        self.figures = figures
    }
}
