import ShareSimTestSupport
import Testing

/// `montecarlo` refuses a batch larger than the memory it can count on, and says the figure
/// and where it comes from: what is available now or what a cgroup leaves, not what is installed.
@Suite struct MemoryGuardTests {
    @Test func aBatchLargerThanTheAvailableMemoryIsRefusedWithTheFigure() throws {
        let outcome = try BinaryRunner.run(["montecarlo", "scenarios/ofac-easing.scn", "--runs", "1000000000", "--seed", "1"])
        #expect(outcome.status == 2)
        let first = outcome.stderr.split(separator: "\n").first { $0.hasPrefix("sharesim: error: ") }.map(String.init) ?? ""
        #expect(first.hasPrefix("sharesim: error: 1000000000 runs × 5 dates × 6 rows need 240 GB of memory, more than the "))
        #expect(first.hasSuffix(" available now (MemAvailable in /proc/meminfo)") || first.contains(" left of this cgroup's limit of "))
        #expect(!first.contains("this machine has"))
    }
}
