import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// Batches too large for `--memory`: the same exact percentiles from several passes over
/// the same runs, the same shard files written a group of dates per pass, and merges that
/// read a cell at a time: the same bytes whatever the memory, threads or shards.
@Suite struct MonteCarloPassesTests {
    /// Several uncertain figures, one of them drawn from a few values only (ties at every
    /// percentile), and a cloud segment whose shares span many powers of two.
    static let uncertain = """
        scenario "Passes"
        timeline 2020-01 to 2022-12 monthly
        segment telecom "Telecom" lifetime uniform(4y, 10y) growth normal(3%/y, 2%/y) size 4B USD
        segment cloud "Cloud" lifetime 3y growth 20%/y size 500M USD
        vendor Huawei origin CN
        vendor Ericsson origin EU
        vendor USCloud origin US
        vendor Domestic origin RU
        share telecom 2020-01: Huawei 50%, Ericsson oneof(30%, 35%, 40%), Domestic 20%
        share cloud 2020-01: USCloud 60%, Domestic 40%
        appeal cloud: Huawei -12
        param leakage ~ triangular(3%, 6.5%, 10%)
        event "Exit" 2021-03:
          access origin US, EU in telecom to leakage over 3 months
          shift Huawei in cloud by uniform(2, 12) over 6 months
        """

    static func input(_ text: String = uncertain) throws -> ScenarioLoader.Loaded {
        try ScenarioLoader().load(path: "passes.scn", data: Data(text.utf8))
    }

    static func bands(_ request: MonteCarloRequest) throws -> [Double] {
        guard case .bands(let bands) = try request.perform() else {
            Issue.record("no bands")
            return []
        }
        return bands.values
    }

    @Test(arguments: [(seed: UInt64(1), runs: 3_001, threads: 1), (seed: 42, runs: 5_000, threads: 3), (seed: 7, runs: 257, threads: 2)])
    func tinyMemoryGivesTheSameBandsAsHoldingEveryValue(seed: UInt64, runs: Int, threads: Int) throws {
        let input = try Self.input()
        let whole = MonteCarloRequest(input: input, runs: runs, seed: seed, bands: try Band.parseList("0.1,5,25,50,75,95,99.9,100").get(),
                                      dates: .everyStep, threads: threads)
        let expected = try Self.bands(whole)
        #expect(expected.count == 36 * 6 * 8)
        for memory in [1_000.0, 64_000, 2_000_000] {
            var small = whole
            small.memory = memory
            small.threads = 4 - threads
            #expect(try Self.bands(small).map(\.bitPattern) == expected.map(\.bitPattern), "memory \(memory)")
        }
    }

    @Test func bundledScenarioInPassesMatchesByOrigin() throws {
        let input = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
        var request = MonteCarloRequest(input: input, runs: 2_000, seed: 9, metric: .salesShare, grouping: .origin, dates: .everyStep, threads: 2)
        let expected = try Self.bands(request)
        request.memory = 10_000
        #expect(try Self.bands(request) == expected)
    }

    @Test func progressCoversEveryPassAndEndsFull() throws {
        var request = MonteCarloRequest(input: try Self.input(), runs: 2_000, seed: 3, dates: .everyStep, threads: 2, memory: 4_000)
        request.threads = 2
        let seen = ProgressLog()
        _ = try request.perform(OperationHooks(progress: { seen.add($0, $1) }))
        let last = try #require(seen.calls.last, "\(seen.calls)")
        #expect(last.done == last.total && last.total >= 2 * 2_000 && last.total % 2_000 == 0, "\(seen.calls)")
        #expect(zip(seen.calls, seen.calls.dropFirst()).allSatisfy { $0.done <= $1.done })
    }

    @Test func shardsWrittenInPassesAreTheSameBytesAndMergeToTheWholeBatch() throws {
        let input = try Self.input()
        let whole = MonteCarloRequest(input: input, runs: 1_001, seed: 5, dates: .everyStep, threads: 2)
        let expected = try Self.bands(whole)
        var roomy: [String] = [], tight: [String] = []
        for i in 0..<3 {
            for (memory, list) in [(MonteCarloRequest.defaultMemory, 0), (20_000, 1)] {
                let path = try Fixtures.temporaryFile("passes-\(list)-\(i).mcpart", "")
                try? FileManager.default.removeItem(atPath: path)
                var shard = whole
                shard.memory = memory
                shard.shard = MonteCarloRequest.Shard(index: i, count: 3, output: path, format: .csv)
                guard case .shardWritten = try shard.perform() else {
                    Issue.record("shard \(i) not written")
                    return
                }
                if list == 0 { roomy.append(path) } else { tight.append(path) }
            }
            #expect(FileManager.default.contents(atPath: roomy[i]) == FileManager.default.contents(atPath: tight[i]))
        }
        let merged = try MergeRequest(parts: tight.reversed(), threads: 3).perform()
        #expect(merged.format == .csv && merged.bands.values.map(\.bitPattern) == expected.map(\.bitPattern))
        do {
            _ = try MergeRequest(parts: Array(tight.dropLast())).perform()
            Issue.record("a missing shard merged")
        } catch {
            guard case .refused(let e, let status, _) = error else { throw error }
            #expect(status == ShareSimCore.ExitStatus.dataError && e.diagnostics.first?.message.contains("shard 2/3 of the batch is missing") == true)
        }
        try Data([1, 2, 3]).append(toFile: tight[0])
        do {
            _ = try MergeRequest(parts: tight).perform()
            Issue.record("a part with extra bytes merged")
        } catch {
            guard case .refused(let e, _, _) = error else { throw error }
            #expect(e.diagnostics.first?.message.hasSuffix("has bytes after its last value") == true)
        }
    }
}

/// Progress calls as an operation makes them, from its calling thread.
private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [(done: Int, total: Int)] = []
    func add(_ done: Int, _ total: Int) { lock.withLock { log.append((done, total)) } }
    var calls: [(done: Int, total: Int)] { lock.withLock { log } }
}

extension Data {
    func append(toFile path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: self)
    }
}
