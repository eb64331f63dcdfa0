import Foundation
import ShareSimCore

// `make bench`: engine throughput on one long run (changing every step, and the steady state),
// runs per second for many small runs in one process (a Monte Carlo batch), the same model in
// numpy beside the long run, whole-process times of the bundled scenarios, sensitivity runs
// per second, and a large Monte Carlo batch's time and peak memory (`--batch-runs N`, 100,000
// unless told; `make bench BENCH_BATCH_RUNS=10000000` for issue 10's ten million).
// Figures are reported, never asserted: a slow machine is not a failure. The exit status is
// non-zero only when a part could not run. Paths are relative to the repository root, where
// `make` runs; SHARESIM_BIN overrides the binary whose process time is measured.

let engineRepetitions = 7, numpyRepetitions = 5, smallRunBatches = 7
let processWarmUps = 3, processRepetitions = 25
let binary = ProcessInfo.processInfo.environment["SHARESIM_BIN"] ?? ".build/release/sharesim"
let sensitivityRepetitions = 5
let batchRuns: Int = {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: "--batch-runs") else { return BatchBench.defaultRuns }
    guard i + 1 < args.count, let n = Int(args[i + 1]), n >= 1 else {
        print("sharesim-bench: --batch-runs takes a number of runs, e.g. --batch-runs 10000000")
        exit(2)
    }
    return n
}()

let changingScenario = BenchScenario.changing()
var failures: [String] = []

print("sharesim-bench: release build, one thread; \(BenchScenario.vendorCount) vendors × \(changingScenario.segments.count) segments × "
      + "\(Format.grouped(BenchScenario.steps)) monthly steps per run")
print("")
print("Engine.run, best and median of \(engineRepetitions) runs after a warm-up (planning and fresh output memory included; target ≥ 100 M)")
let changing = EngineBench(changingScenario, repetitions: engineRepetitions)
print(Format.label("changing every step") + Format.throughput(changing.seconds, vendorSteps: changing.vendorSteps)
      + "   " + Format.grouped(changing.pageFaults) + " page faults/run")
let steady = EngineBench(BenchScenario.steady(), repetitions: engineRepetitions)
print(Format.label("steady state") + Format.throughput(steady.seconds, vendorSteps: steady.vendorSteps)
      + "   " + Format.grouped(steady.pageFaults) + " page faults/run")
let routed = EngineBench(BenchScenario.routed(), repetitions: engineRepetitions)
print(Format.label("\(BenchScenario.channelCount) channels, \(BenchScenario.buyerCount) groups")
      + Format.throughput(routed.seconds, vendorSteps: routed.vendorSteps)
      + "   " + Format.grouped(routed.pageFaults) + " page faults/run")
let repeatable = changing.repeatable && steady.repeatable && routed.repeatable
print(Format.label("repeatable") + (repeatable ? "identical figures in every run" : "FIGURES DIFFER between runs"))
if !repeatable { failures.append("the engine's figures differ between runs") }

print("")
print("Many small runs in one process: \(SmallRunBench.scenario) resolved once, best and median of "
      + "\(smallRunBatches) batches of \(Format.grouped(SmallRunBench.runsPerBatch)) runs")
var smallRuns: SmallRunBench?
do {
    let bench = try SmallRunBench(batches: smallRunBatches)
    smallRuns = bench
    print(Format.label("with a workspace") + Format.runRate(bench.workspace, runs: SmallRunBench.runsPerBatch)
          + "   " + Format.grouped(bench.workspacePageFaults) + " page faults/batch")
    print(Format.label("fresh memory per run") + Format.runRate(bench.fresh, runs: SmallRunBench.runsPerBatch))
    print(Format.label("vendor-steps per run") + Format.grouped(bench.vendorSteps))
} catch {
    print(Format.label("not run") + error.description)
    failures.append(error.description)
}

print("")
print("numpy, \(NumpyBench.script) on the same resolved scenario, best and median of \(numpyRepetitions) runs (step loop only)")
var numpy: NumpyBench?
do {
    let bench = try NumpyBench(changingScenario, engineResult: changing.result, repetitions: numpyRepetitions)
    numpy = bench
    print(Format.label("changing every step") + Format.throughput(bench.seconds, vendorSteps: bench.vendorSteps))
    print(Format.label("engine / numpy") + NumberText.fixed(changing.bestRate / bench.bestRate, decimals: 1) + "× (best)   "
          + NumberText.fixed(changing.medianRate / bench.medianRate, decimals: 1) + "× (median)")
    print(Format.label("same figures") + "max |Δ| installed share " + Format.scientific(bench.maxInstalledShareDifference)
          + ", sales share " + Format.scientific(bench.maxSalesShareDifference) + " over all "
          + Format.grouped(bench.vendorSteps) + " vendor-steps: "
          + (bench.agrees ? "agree within \(Format.scientific(NumpyBench.tolerance))" : "DISAGREE beyond \(Format.scientific(NumpyBench.tolerance))"))
    if !bench.agrees { failures.append("numpy and the engine disagree") }
} catch {
    print(Format.label("not run") + error.description)
    failures.append(error.description)
}

print("")
/// Prints one whole-process figure per bundled scenario for the sharesim command `command`
/// gives, or why it could not be measured.
@MainActor func measureProcesses(_ title: String, target: String, command: @escaping (String) -> [String]) -> ProcessBench? {
    print("sharesim \(title), whole process, \(processRepetitions) runs after \(processWarmUps) warm-ups (target < \(target))")
    do {
        let bench = try ProcessBench(binary: binary, scenarioDirectory: "scenarios", warmUps: processWarmUps, repetitions: processRepetitions,
                                     command: command)
        for figure in bench.figures {
            print(Format.label(figure.scenario) + "median " + Format.milliseconds(figure.seconds.median)
                  + "   p90 " + Format.milliseconds(figure.seconds.percentile(90)))
        }
        return bench
    } catch {
        print(Format.label("not run") + error.description)
        failures.append(error.description)
        return nil
    }
}

let processes = measureProcesses("run scenarios/<name>.scn --format csv", target: "20 ms") { ["run", $0, "--format", "csv"] }
print("")
let reports = measureProcesses("report scenarios/<name>.scn", target: "100 ms") { ["report", $0] }

print("")
print("SVG line chart of \(ChartBench.scenario): 100 vendors × 1,000 steps (target < 1 MB)")
var chart: ChartBench?
do {
    let bench = try ChartBench()
    chart = bench
    print(Format.label("size") + Format.grouped(bench.bytes) + " bytes   " + Format.grouped(bench.pathPoints) + " path points of "
          + Format.grouped(bench.dataPoints) + " values")
} catch {
    print(Format.label("not run") + error.description)
    failures.append(error.description)
}

print("")
print("Sensitivity, Morris over \(SensitivityBench.scenario), \(SensitivityBench.trajectories) trajectories (and as many again), "
      + "one thread, best and median of \(sensitivityRepetitions)")
/// A part's figures, or nil after printing why it could not be measured (counted as a failure).
@MainActor func attempt<T>(_ part: () throws(BenchError) -> T) -> T? {
    do { return try part() } catch {
        print(Format.label("not run") + error.description)
        failures.append(error.description)
        return nil
    }
}

let sensitivity = attempt { () throws(BenchError) in try SensitivityBench(repetitions: sensitivityRepetitions) }
for (label, figure) in [("uncertain parameters", sensitivity?.parameters), ("--assumptions", sensitivity?.assumptions)] {
    guard let figure else { continue }
    print(Format.label(label) + "best " + Format.grouped(Int(figure.bestRate.rounded())) + " runs/s   median "
          + Format.grouped(Int(figure.medianRate.rounded())) + " runs/s   (" + Format.grouped(figure.runs) + " runs each)")
}

print("")
print("sharesim montecarlo \(BatchBench.scenario) --runs \(Format.grouped(batchRuns)) --format csv (every step), whole process, "
      + "\(ProcessInfo.processInfo.activeProcessorCount) threads (target: peak under 1 GiB)")
let batch = attempt { () throws(BenchError) in try BatchBench(binary: binary, runs: batchRuns) }
if let batch {
    print(Format.label("wall time") + NumberText.fixed(batch.seconds, decimals: 1) + " s   CPU " + NumberText.fixed(batch.cpuSeconds, decimals: 1) + " s")
    print(Format.label("peak resident") + NumberText.bytes(batch.peakBytes))
}

print("")
print(BenchJSON.line(changing: changing, steady: steady, routed: routed, smallRuns: smallRuns, numpy: numpy, processes: processes,
                     reports: reports, chart: chart, sensitivity: sensitivity, batch: batch, failures: failures))
exit(failures.isEmpty ? 0 : 1)
