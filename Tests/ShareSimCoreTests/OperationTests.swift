import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// Counts what the hooks were told, from any thread.
private final class HookLog: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(done: Int, total: Int)] = []
    func record(_ done: Int, _ total: Int) { lock.withLock { calls.append((done, total)) } }
    var progress: [(done: Int, total: Int)] { lock.withLock { calls } }
}

/// The library's front doors: one request in, one result or one `OperationError` out,
/// the same hooks for every operation.
@Suite struct OperationTests {
    static func load(_ name: String) throws -> ScenarioLoader.Loaded {
        try ScenarioLoader().load(path: Fixtures.scenarioPath(name))
    }

    static let cancelled = OperationHooks(isCancelled: { true })

    /// The refusal's first message, status and part, or nil when `body` did not refuse.
    static func refusal<T>(_ body: () throws(OperationError) -> T) -> (message: String, status: ShareSimCore.ExitStatus, part: Int?)? {
        do {
            _ = try body()
            return nil
        } catch {
            guard case .refused(let e, let status, let part) = error else { return nil }
            return (e.diagnostics.first?.message ?? "", status, part)
        }
    }

    static func isCancellation<T>(_ body: () throws(OperationError) -> T) -> Bool {
        do {
            _ = try body()
            return false
        } catch {
            if case .cancelled = error { return true }
            return false
        }
    }

    @Test func runChecksTheScenariosExpectationsWhenAsked() throws {
        let input = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
        let checked = try RunRequest(scenario: input.scenario, checksExpectations: true).perform()
        #expect(checked.expectations.count == 3)
        #expect(checked.failedExpectations.isEmpty)
        let plain = try RunRequest(scenario: input.scenario).perform()
        #expect(plain.expectations.isEmpty && plain.result.steps == input.scenario.timeline.steps)
    }

    @Test func everyOperationStopsWithTheOneCancellationError() throws {
        let input = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
        let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: input.scenario)
        #expect(Self.isCancellation { () throws(OperationError) in try RunRequest(scenario: input.scenario).perform(Self.cancelled) })
        #expect(Self.isCancellation { () throws(OperationError) in
            try CompareRequest(a: .scenario(input.scenario), b: .scenario(input.scenario), names: ("a", "b")).perform(Self.cancelled)
        })
        #expect(Self.isCancellation { () throws(OperationError) in
            try SweepRequest(input: input, axes: [try! SweepAxis.parse("leakage=2%..20%/4")], outcome: outcome).perform(Self.cancelled)
        })
        #expect(Self.isCancellation { () throws(OperationError) in
            try CalibrationRequest(input: input, parameters: ["leakage"], bounds: [try! ValueInterval.parse("0%..20%")],
                                   targets: [try! OutcomeTarget.parse("installed share origin CN, HK in chips at 2023-01 = 85%", in: input.scenario)])
                .perform(Self.cancelled)
        })
        #expect(Self.isCancellation { () throws(OperationError) in
            try MonteCarloRequest(input: input, runs: 1_000, seed: 1, dates: .everyStep).perform(Self.cancelled)
        })
    }

    @Test func compareNamesBothSidesWhenTheyCannotBeCompared() throws {
        let chips = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path).scenario
        let telecom = try Self.load("ofac-easing").scenario
        let byOrigin = ShareTable(try RunRequest(scenario: chips).perform().result, grouping: .vendor).byOrigin()
        let refused = Self.refusal { () throws(OperationError) in
            try CompareRequest(a: .table(byOrigin), b: .scenario(telecom), names: ("chips.csv", "telecom.scn")).perform()
        }
        #expect(refused?.message.hasPrefix("cannot compare chips.csv with telecom.scn: A (") == true)
        #expect(refused?.status == ShareSimCore.ExitStatus.dataError)
    }

    @Test func compareChoosesTheColumnOfEachDateAndRefusesOneOutsideByItsIndex() throws {
        let s = try Self.load("ofac-easing").scenario
        let dates = [CalendarMonth(year: 2023, month: 1), CalendarMonth(year: 2030, month: 1)]
        let refused = Self.refusal { () throws(OperationError) in
            try CompareRequest(a: .scenario(s), b: .scenario(s), names: ("a", "b"), dates: dates).perform()
        }
        #expect(refused?.message == "2030-01 is outside the timeline (2021-01 to 2027-12)")
        #expect(refused?.status == ShareSimCore.ExitStatus.usage && refused?.part == 1)
        let shown = try CompareRequest(a: .scenario(s), b: .scenario(s), names: ("a", "b"), dates: [dates[0]]).perform()
        #expect(shown.columns.map { $0.map { shown.comparison.dates[$0] } } == ["2023-01-01"])
    }

    @Test func sweepPointsAtTheAxisAtFault() throws {
        let input = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
        let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: input.scenario)
        let refused = Self.refusal { () throws(OperationError) in
            try SweepRequest(input: input, axes: [try! SweepAxis.parse("leakage=2%..20%/4"), try! SweepAxis.parse("leakage=1%,2%")],
                             outcome: outcome).perform()
        }
        #expect(refused?.message == "parameter 'leakage' is varied twice" && refused?.part == 1 && refused?.status == ShareSimCore.ExitStatus.usage)
    }

    @Test func calibrationChoosesBisectionForOneParameterAndOneTarget() throws {
        let input = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
        let target = try OutcomeTarget.parse("installed share origin CN, HK in chips at 2023-01 = 85%", in: input.scenario)
        let request = CalibrationRequest(input: input, parameters: ["leakage"], bounds: [try ValueInterval.parse("0%..20%")], targets: [target])
        #expect(request.usesBisection)
        #expect(try request.perform().method == .bisection)
        var leastSquares = request
        leastSquares.method = .leastSquares
        #expect(!leastSquares.usesBisection)
        #expect(try leastSquares.perform().method == .leastSquares)
        var twoParameters = request
        twoParameters.method = .bisection
        twoParameters.parameters = ["leakage", "leakage"]
        #expect(Self.refusal { () throws(OperationError) in try twoParameters.perform() }?.message == "bisection fits one parameter to one target")
    }

    @Test func monteCarloComputesABatchTooLargeForItsMemoryInPasses() throws {
        let input = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
        let log = HookLog()
        var request = MonteCarloRequest(input: input, runs: 600, seed: 1, dates: .everyStep, memory: 1e9)
        guard case .bands(let held) = try request.perform(OperationHooks(progress: { log.record($0, $1) })) else {
            Issue.record("no bands")
            return
        }
        #expect(held.values.count == held.batch.cellCount * Band.defaults.count)
        #expect(log.progress.last.map { $0.done == 600 && $0.total == 600 } == true)
        request.memory = 1e4
        guard case .bands(let sifted) = try request.perform(OperationHooks(progress: { log.record($0, $1) })) else {
            Issue.record("no bands")
            return
        }
        #expect(sifted.values == held.values)
        #expect(log.progress.last.map { $0.done == $0.total && $0.total >= 1_200 } == true)
    }

    /// A batch that runs in passes says so, with its size, its budget and where the budget
    /// comes from: `--memory`, or what the machine has available when that is less.
    @Test func monteCarloInPassesNamesItsBudgetAndItsSource() throws {
        let input = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
        let plenty = AvailableMemory(bytes: 1e12, source: "available now (MemAvailable in /proc/meminfo)")
        var request = MonteCarloRequest(input: input, runs: 600, seed: 1, dates: .everyStep, memory: 1e9, available: plenty)
        #expect(request.passesNote == nil)
        request.memory = 1e4
        #expect(request.budget.source == "--memory")
        let bytes = NumberText.bytes(Double(request.batch.cellCount) * 600 * 8)
        #expect(request.passesNote == "the batch's values take \(bytes), more than 80% of the 10 kB it may use (--memory): it runs in passes over the same runs")
        request.memory = 1e9
        request.available = AvailableMemory(bytes: 2e4, source: "left of this cgroup's limit of 1 GB (memory.max)")
        #expect(request.budget.bytes == 2e4)
        #expect(request.passesNote?.hasSuffix("of the 20 kB it may use (left of this cgroup's limit of 1 GB (memory.max)): it runs in passes over the same runs") == true)
    }

    @Test func monteCarloShardsMergeIntoTheWholeBatchsBands() throws {
        let input = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
        let whole = MonteCarloRequest(input: input, runs: 300, seed: 7, dates: .everyStep)
        guard case .bands(let expected) = try whole.perform() else {
            Issue.record("no bands")
            return
        }
        var parts: [String] = []
        for i in 0..<2 {
            let path = try Fixtures.temporaryFile("operation-part-\(i).mcpart", "")
            var shard = whole
            shard.shard = MonteCarloRequest.Shard(index: i, count: 2, output: path, format: .csv)
            guard case .shardWritten = try shard.perform() else {
                Issue.record("shard \(i) not written")
                return
            }
            guard case .shardAlreadyComplete = try shard.perform() else {
                Issue.record("shard \(i) run again")
                return
            }
            parts.append(path)
        }
        let merged = try MergeRequest(parts: parts.reversed()).perform()
        #expect(merged.format == .csv && merged.bands.values == expected.values)
        let missing = Self.refusal { () throws(OperationError) in try MergeRequest(parts: [parts[0] + ".gone"]).perform() }
        #expect(missing?.status == ShareSimCore.ExitStatus.noInput)
    }
}
