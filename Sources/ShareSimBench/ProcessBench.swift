import Foundation

/// Whole-process wall time of a sharesim command per bundled scenario (`run <scenario>
/// --format csv`, `report <scenario>`): what a user waits for at the shell, start-up,
/// parsing, resolving, the run and the output included. Warm-up runs first bring the binary
/// and scenario into the page cache.
struct ProcessBench {
    struct Figure {
        let scenario: String
        let seconds: Sample
    }

    let figures: [Figure]

    /// `command` gives the arguments after the binary for a scenario's path.
    init(binary: String, scenarioDirectory: String, warmUps: Int, repetitions: Int,
         command: (String) -> [String] = { ["run", $0, "--format", "csv"] }) throws(BenchError) {
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
            let argv = [binary] + command(scenarioDirectory + "/" + name)
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
