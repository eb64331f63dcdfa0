import Foundation
import ShareSimTestSupport
import Testing

/// `sharesim montecarlo` and `sharesim merge` as a user meets them: the same bytes on any
/// number of threads, shards merged into exactly the single-machine output, exit codes.
@Suite struct MonteCarloCommandTests {
    static let chips = Fixtures.oneOriginChips

    func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-mc-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: ["csv", "json", "table"])
    func theOutputIsTheSameBytesOnOneOrTwoThreads(format: String) throws {
        let args = ["montecarlo", Self.chips, "--runs", "3000", "--seed", "7", "--format", format]
        let one = try BinaryRunner.run(args + ["--threads", "1"])
        let two = try BinaryRunner.run(args + ["--threads", "2"])
        let five = try BinaryRunner.run(args + ["--threads", "5"])
        #expect(one.status == 0 && one.stderr == "")
        #expect(one.stdout == two.stdout && one.stdout == five.stdout)
    }

    @Test(arguments: [("csv", "11"), ("table", "3"), ("json", "123456789")])
    func aSmallMemoryGivesTheSameBytesInPasses(format: String, seed: String) throws {
        let args = ["montecarlo", Self.chips, "--runs", "4000", "--seed", seed, "--format", format, "--by", "origin"]
        let held = try BinaryRunner.run(args + ["--threads", "1"])
        let passes = try BinaryRunner.run(args + ["--threads", "2", "--memory", "64k"])
        let roomy = try BinaryRunner.run(args + ["--memory", "64M"])
        #expect(held.status == 0 && passes.status == 0 && held.stderr == "" && roomy.stderr == "")
        #expect(passes.stdout == held.stdout && roomy.stdout == held.stdout)
        // Running in passes is said once, with the budget and where it comes from.
        #expect(passes.stderr.hasPrefix("sharesim: the batch's values take "))
        #expect(passes.stderr.hasSuffix(", more than 80% of the 65.5 kB it may use (--memory): it runs in passes over the same runs\n"))
    }

    @Test func memoryThatIsNotASizeIsAUsageError() throws {
        let run = try BinaryRunner.run(["montecarlo", Self.chips, "--runs", "10", "--seed", "1", "--memory", "12q"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--memory takes a size of at least 1k, e.g. 1G, 64M or 512k, not '12q'"))
    }

    @Test func csvHasABandColumnPerPercentileForEveryStep() throws {
        let run = try BinaryRunner.run(["montecarlo", Self.chips, "--runs", "500", "--seed", "1", "--format", "csv", "--bands", "10,50,90"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "step,date,segment,vendor,origin,metric,p10,p50,p90")
        #expect(lines.count == 1 + 36 * 5)
        #expect(lines[1] == "0,2021-01-01,chips,ChinaMakers,CN,installed_share,0.22,0.22,0.22")
        let byOrigin = try BinaryRunner.run(["montecarlo", Self.chips, "--runs", "50", "--seed", "1", "--format", "csv",
                                             "--by", "origin", "--share", "sales", "--at", "2023-01"])
        #expect(byOrigin.stdout.hasPrefix("step,date,segment,origin,metric,p5,p25,p50,p75,p95\n24,2023-01-01,chips,CN,sales_share,"))
    }

    @Test func jsonCarriesTheSeedTheScenarioHashAndTheToolVersion() throws {
        let run = try BinaryRunner.run(["montecarlo", Self.chips, "--runs", "100", "--seed", "18446744073709551615", "--format", "json", "--at", "2022-01,2023-01"])
        #expect(run.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let meta = doc["meta"] as! [String: Any]
        #expect(meta["seed"] as? String == "18446744073709551615")
        #expect(meta["tool"] as? String == "sharesim" && meta["version"] as? String == "0.1.0")
        #expect((meta["scenario_sha256"] as? String)?.count == 64)
        let plain = try BinaryRunner.run(["run", Self.chips, "--format", "json"])
        #expect(plain.stdout.contains("\"scenario_sha256\": \"\(meta["scenario_sha256"] as! String)\""))
        #expect(doc["dates"] as? [String] == ["2022-01-01", "2023-01-01"])
        #expect(doc["runs"] as? Int == 100)
    }

    @Test func theTableShowsTheBandsAndTheUncertainParameters() throws {
        let run = try BinaryRunner.run(["montecarlo", Self.chips, "--runs", "1000", "--seed", "3"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("1000 runs, seed 3; bands are nearest-rank percentiles of the runs"))
        #expect(run.stdout.contains("uncertain: leakage ~ triangular(3%, 6.5%, 10%)"))
        // In the unit it is written in, not the Double's shortest form (0.10619999999999999).
        let bundled = try BinaryRunner.run(["montecarlo", "scenarios/china-chip-share.scn", "--runs", "10", "--seed", "3"])
        #expect(bundled.stdout.contains("uncertain: leakage ~ triangular(4%, 7.31%, 10.62%)\n"))
        #expect(run.stdout.contains("vendor      origin band 2021-01 2022-01 2023-01 2023-12"))
        #expect(run.stdout.contains("ChinaMakers CN     p5     22.0%"))
    }

    @Test(arguments: ["csv", "json", "table"])
    func fourShardsMergedAreTheBytesOfOneRun(format: String) throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = ["montecarlo", Self.chips, "--runs", "2001", "--seed", "99", "--format", format]
        let single = dir.appendingPathComponent("single.\(format)").path
        #expect(try BinaryRunner.run(batch + ["--output", single]).status == 0)
        var parts: [String] = []
        for i in 0..<4 {
            let part = dir.appendingPathComponent("part-\(i).mcpart").path
            let run = try BinaryRunner.run(batch + ["--shard", "\(i)/4", "--output", part, "--threads", String(i % 2 + 1)])
            #expect(run.status == 0 && run.stdout == "", "\(run.stderr)")
            parts.append(part)
        }
        let merged = dir.appendingPathComponent("merged.\(format)").path
        let merge = try BinaryRunner.run(["merge"] + parts.reversed() + ["--output", merged])
        #expect(merge.status == 0, "\(merge.stderr)")
        let a = try Data(contentsOf: URL(fileURLWithPath: single)), b = try Data(contentsOf: URL(fileURLWithPath: merged))
        #expect(!a.isEmpty && a == b)
        // And to standard output, in another format than the shards ran with.
        let csv = try BinaryRunner.run(["merge"] + parts + ["--format", "csv"])
        let direct = try BinaryRunner.run(["montecarlo", Self.chips, "--runs", "2001", "--seed", "99", "--format", "csv"]
                                          + (format == "table" ? ["--at", "2021-01,2022-01,2023-01,2023-12"] : []))
        #expect(csv.status == 0 && csv.stdout == direct.stdout)
    }

    /// Shards run for CSV keep all 36 dates; their merge as a table shows the dates that fit,
    /// the very table one machine prints (it ran to 300 columns).
    @Test func csvShardsMergedAsATableAreTheTableOfOneRun() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = ["montecarlo", Self.chips, "--runs", "400", "--seed", "42"]
        var parts: [String] = []
        for i in 0..<2 {
            parts.append(dir.appendingPathComponent("part-\(i).mcpart").path)
            #expect(try BinaryRunner.run(batch + ["--format", "csv", "--shard", "\(i)/2", "-o", parts[i]]).status == 0)
        }
        let table = try BinaryRunner.run(["merge"] + parts + ["--format", "table"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("\nvendor      origin band 2021-01 2022-01 2023-01 2023-12\n"))
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(table.stdout == (try BinaryRunner.run(batch)).stdout)
    }

    @Test func aCompleteShardIsSkippedOnARerun() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let part = dir.appendingPathComponent("part-1.mcpart").path
        let args = ["montecarlo", Self.chips, "--runs", "1000", "--seed", "5", "--format", "csv", "--shard", "1/3", "--output", part]
        #expect(try BinaryRunner.run(args).status == 0)
        let before = try FileManager.default.attributesOfItem(atPath: part)[.modificationDate] as! Date
        let again = try BinaryRunner.run(args)
        #expect(again.status == 0)
        #expect(again.stderr.contains("shard 1/3 is already complete in '\(part)'; skipped"))
        #expect(try FileManager.default.attributesOfItem(atPath: part)[.modificationDate] as! Date == before)
        // Another seed is another batch: the shard is computed again.
        var other = args
        other[5] = "6"
        let rerun = try BinaryRunner.run(other)
        #expect(rerun.status == 0 && !rerun.stderr.contains("skipped"))
        // A truncated file is not complete.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: part))
        try handle.truncate(atOffset: 1000)
        try handle.close()
        #expect(!(try BinaryRunner.run(other)).stderr.contains("skipped"))
    }

    @Test func mergeRefusesMissingForeignAndUnreadableParts() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func part(_ i: Int, seed: String = "5") throws -> String {
            let path = dir.appendingPathComponent("p\(i)-\(seed)").path
            _ = try BinaryRunner.run(["montecarlo", Self.chips, "--runs", "100", "--seed", seed, "--format", "csv", "--shard", "\(i)/3", "-o", path])
            return path
        }
        let p0 = try part(0), p1 = try part(1), p2 = try part(2), q2 = try part(2, seed: "6")
        let missing = try BinaryRunner.run(["merge", p0, p2])
        #expect(missing.status == 65 && missing.stderr.contains("shard 1/3 of the batch is missing"))
        let foreign = try BinaryRunner.run(["merge", p0, p1, q2])
        #expect(foreign.status == 65 && foreign.stderr.contains("belongs to another batch"))
        let twice = try BinaryRunner.run(["merge", p0, p1, p2, p1])
        #expect(twice.status == 65 && twice.stderr.contains("shard 1/3 is given twice"))
        let nope = dir.appendingPathComponent("nope").path
        let unreadable = try BinaryRunner.run(["merge", p0, p1, nope])
        // In the words of every other command: not strerror's "no such file or directory".
        #expect(unreadable.status == 66 && unreadable.stderr == "sharesim: error: cannot read '\(nope)': no such file\n")
        let directory = try BinaryRunner.run(["merge", p0, p1, dir.path])
        #expect(directory.status == 66 && directory.stderr == "sharesim: error: cannot read '\(dir.path)': is a directory\n")
        let notAPart = try BinaryRunner.run(["merge", Self.chips])
        #expect(notAPart.status == 65 && notAPart.stderr.contains("is not a sharesim partial result"))
    }

    @Test func usageErrorsExitTwo() throws {
        for args in [
            ["--runs", "0", "--seed", "1"], ["--runs", "10"], ["--runs", "10", "--seed", "1", "--bands", "5,0"],
            ["--runs", "10", "--seed", "1", "--bands", "5,150"], ["--runs", "10", "--seed", "1", "--shard", "4/4", "-o", "x"],
            ["--runs", "10", "--seed", "1", "--shard", "0/4"], ["--runs", "10", "--seed", "1", "--threads", "0"],
            ["--runs", "10", "--seed", "1", "--at", "2030-01"], ["--runs", "10", "--seed", "-1"],
        ] {
            let run = try BinaryRunner.run(["montecarlo", Self.chips] + args)
            #expect(run.status == 2, "\(args): \(run.stderr)")
        }
        #expect(try BinaryRunner.run(["merge"]).status == 2)
        let one = try BinaryRunner.run(["montecarlo", Self.chips, "--runs", "1", "--seed", "1", "--shard", "0/2", "-o", "x"])
        #expect(one.status == 2 && one.stderr.contains("--shard 0/2: there are more shards than the 1 run\n"))
    }

    @Test func aScenarioWithErrorsExits65AndNoUncertaintyWarns() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.scn")
        try "timeline 2021-01 to 2022-12 monthly\nsegment s lifetime 8y\nvendor A origin US\nshare s: A 100%\nevent \"e\" 2022-01:\n  access A to leakge\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run(["montecarlo", bad.path, "--runs", "10", "--seed", "1"])
        #expect(run.status == 65 && run.stderr.contains("error: unknown parameter 'leakge'"))
        let plain = try BinaryRunner.run(["montecarlo", "scenarios/ofac-easing.scn", "--runs", "10", "--seed", "1", "--format", "csv", "--at", "2022-01"])
        #expect(plain.status == 0 && plain.stderr.contains("warning: no parameter of 'scenarios/ofac-easing.scn' is uncertain"))
    }

    @Test func ctrlCStopsABatchWithStatus130() throws {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["montecarlo", Self.chips, "--runs", "10000000", "--seed", "1", "--format", "csv", "--at", "2023-01"]
        process.currentDirectoryURL = Fixtures.packageRoot
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        let output = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: output, as: UTF8.self).contains("sharesim: interrupted"))
    }
}
