import Foundation
import ShareSimCore

/// The same model in numpy (bench/engine_numpy.py), run on the same resolved scenario: its
/// step-loop times, and how far its shares are from the engine's. The comparison is only
/// honest if both compute the same figures, so every installed and sales share of every step
/// is compared, not just a summary.
struct NumpyBench {
    static let script = "bench/engine_numpy.py"
    /// Both sides sum in different orders (numpy sums pairwise), so the last bits may differ.
    static let tolerance = 1e-9

    let seconds: Sample
    let vendorSteps: Int
    let maxInstalledShareDifference: Double
    let maxSalesShareDifference: Double

    var bestRate: Double { Double(vendorSteps) / seconds.best }
    var medianRate: Double { Double(vendorSteps) / seconds.median }
    var agrees: Bool { max(maxInstalledShareDifference, maxSalesShareDifference) <= NumpyBench.tolerance }

    init(_ scenario: ResolvedScenario, engineResult: RunResult, repetitions: Int) throws(BenchError) {
        let directory = FileManager.default.temporaryDirectory
        let stem = "sharesim-bench-\(getpid())"
        let scenarioFile = directory.appendingPathComponent(stem + ".json")
        let sharesFile = directory.appendingPathComponent(stem + ".f64")
        defer {
            try? FileManager.default.removeItem(at: scenarioFile)
            try? FileManager.default.removeItem(at: sharesFile)
        }
        do {
            try Data(ResolvedJSON.encode(scenario).compact.utf8).write(to: scenarioFile)
        } catch {
            throw BenchError("cannot write \(scenarioFile.path): \(error)")
        }
        let output = try NumpyBench.runPython([NumpyBench.script, scenarioFile.path, sharesFile.path, String(repetitions)])
        struct Report: Decodable { var seconds: [Double] }
        guard let report = try? JSONDecoder().decode(Report.self, from: output), !report.seconds.isEmpty else {
            throw BenchError("\(NumpyBench.script) printed no timings: \(String(decoding: output, as: UTF8.self))")
        }
        guard let data = FileManager.default.contents(atPath: sharesFile.path) else {
            throw BenchError("\(NumpyBench.script) wrote no shares to \(sharesFile.path)")
        }
        let theirs = NumpyBench.doubles(data)
        let expected = engineResult.segments.reduce(0) { $0 + 2 * $1.steps * $1.vendorCount }
        guard theirs.count == expected else {
            throw BenchError("\(NumpyBench.script) wrote \(theirs.count) shares, the engine has \(expected)")
        }
        var offset = 0, installed = 0.0, sales = 0.0
        for segment in engineResult.segments {
            let n = segment.steps * segment.vendorCount
            installed = max(installed, NumpyBench.maxDifference(segment.stepMajor(.installedShare), theirs[offset..<offset + n]))
            sales = max(sales, NumpyBench.maxDifference(segment.stepMajor(.salesShare), theirs[offset + n..<offset + 2 * n]))
            offset += 2 * n
        }
        seconds = Sample(report.seconds)
        vendorSteps = expected / 2
        maxInstalledShareDifference = installed
        maxSalesShareDifference = sales
    }

    /// Runs python3 with the script's arguments and returns its stdout. BLAS is held to one
    /// thread so that numpy, like the engine, runs single-threaded.
    private static func runPython(_ arguments: [String]) throws(BenchError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[name] = "1" }
        process.environment = environment
        let stdout = Pipe()
        process.standardOutput = stdout
        do {
            try process.run()
        } catch {
            throw BenchError("cannot start python3: \(error)")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("python3 \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        return output
    }

    /// Raw little-endian float64, as numpy's `tofile` writes them.
    private static func doubles(_ data: Data) -> [Double] {
        var out = [Double](repeating: 0, count: data.count / MemoryLayout<Double>.size)
        _ = out.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        return out.map { Double(bitPattern: UInt64(littleEndian: $0.bitPattern)) }
    }

    /// The largest absolute difference; NaN on either side counts as infinitely far.
    private static func maxDifference(_ ours: [Double], _ theirs: ArraySlice<Double>) -> Double {
        zip(ours, theirs).reduce(0) { worst, pair in
            let d = abs(pair.0 - pair.1)
            return d.isNaN ? .infinity : max(worst, d)
        }
    }
}
