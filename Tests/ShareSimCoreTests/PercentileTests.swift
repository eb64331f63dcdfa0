import ShareSimCore
import Testing

/// Nearest-rank percentiles: the ranks, and selection that agrees with sorting.
@Suite struct PercentileTests {
    @Test func bandsParseAsPercentages() throws {
        #expect(try Band.parseList("5,25,50,75,95").get().map(\.label) == ["p5", "p25", "p50", "p75", "p95"])
        #expect(try Band.parseList("2.5, 97.50,100").get().map(\.label) == ["p2.5", "p97.5", "p100"])
        for bad in ["0", "101", "-5", "5%", "", "a", "5,,50", "1.2345678", "100.5"] {
            #expect(Band(bad) == nil || bad.contains(","), "\(bad)")
            #expect((try? Band.parseList(bad).get()) == nil, "\(bad)")
        }
    }

    /// A refused list is a diagnostic like any other error, worded with the name it was given under.
    @Test func aRefusedListIsADiagnosticNamingItsOption() {
        guard case .failure(let high) = Band.parseList("5,101", option: "bands"),
              case .failure(let backwards) = Band.parseList("50,25") else {
            Issue.record("a list was accepted")
            return
        }
        #expect(high.message == "'101' is not a percentile: bands takes percentages above 0 and at most 100, e.g. bands 5,25,50,75,95")
        #expect(backwards.message == "--bands go from low to high, each once: '25' comes after a band at least as high; e.g. --bands 5,25,50,75,95")
        #expect(high.location == nil)
    }

    @Test func nearestRankIsTheCeilingOfPTimesNOver100() {
        let p = ["5", "25", "50", "75", "95", "100", "0.1"].map { Band($0)! }
        #expect(p.map { $0.rank(of: 10) } == [1, 3, 5, 8, 10, 10, 1])
        #expect(p.map { $0.rank(of: 100_000) } == [5_000, 25_000, 50_000, 75_000, 95_000, 100_000, 100])
        #expect(p.map { $0.rank(of: 1) } == [1, 1, 1, 1, 1, 1, 1])
        // 5% of 20 is rank 1 exactly, not 2 from a floating-point 1.0000000000000002.
        #expect(Band("5")!.rank(of: 20) == 1)
        #expect(Band("33.3")!.rank(of: 1000) == 333)
    }

    @Test func percentilesOfOneToTen() {
        let values = (1...10).map(Double.init).shuffled()
        let bands = ["5", "25", "50", "75", "95"].map { Band($0)! }
        #expect(Percentile.nearestRank(values, bands) == [1, 3, 5, 8, 10])
    }

    func check(_ values: [Double], ranks: [Int]) {
        var copy = values
        let selected = copy.withUnsafeMutableBufferPointer { Percentile.select($0.baseAddress!, count: values.count, ranks: ranks) }
        let sorted = values.sorted()
        #expect(selected == ranks.map { sorted[$0 - 1] })
        #expect(copy == values, "selection must leave the values as they were")
    }

    @Test(arguments: [1, 2, 7, 25, 100, 1_000, 4_096, 10_000, 100_003])
    func selectionAgreesWithSorting(n: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(n))
        let ranks = ["5", "25", "50", "75", "95"].map { Band($0)!.rank(of: n) }
        check((0..<n).map { _ in rng.nextUnit() }, ranks: ranks)
        // Few distinct values, as `oneof` gives; all equal; sorted; reversed; with a long tail.
        check((0..<n).map { _ in Double(rng.next() % 3) }, ranks: ranks)
        check([Double](repeating: 0.25, count: n), ranks: ranks)
        check((0..<n).map(Double.init), ranks: ranks)
        check((0..<n).map { Double(n - $0) }, ranks: ranks)
        check((0..<n).map { _ in let u = rng.nextOpenUnit(); return u * u * u * u }, ranks: ranks + [1, n])
    }
}
