import ShareSimCore
import Testing

/// The Monte Carlo memory guard's figure: what is available now, or what a cgroup leaves,
/// whichever is less; never the memory installed where the system says more.
@Suite struct AvailableMemoryTests {
    /// What the tests expect, as the figure's two fields.
    struct Figure: Equatable {
        var bytes: Double
        var source: String
    }

    static func figure(meminfo: String?, cgroupV2: (String?, String?), cgroupV1: (String?, String?)) -> Figure? {
        AvailableMemory.figure(meminfo: meminfo, cgroupV2: cgroupV2, cgroupV1: cgroupV1).map { Figure(bytes: $0.bytes, source: $0.source) }
    }

    static let meminfo = "MemTotal:       24576000 kB\nMemFree:         1000000 kB\nMemAvailable:    2000000 kB\n"

    @Test func availableMemoryIsMemAvailableNotMemTotal() {
        let figure = Self.figure(meminfo: Self.meminfo, cgroupV2: (nil, nil), cgroupV1: (nil, nil))
        #expect(figure == Figure(bytes: 2_048_000_000, source: "available now (MemAvailable in /proc/meminfo)"))
    }

    @Test func aCgroupLimitBelowWhatIsAvailableIsWhatCounts() {
        let v2 = Self.figure(meminfo: Self.meminfo, cgroupV2: ("1000000000\n", "400000000\n"), cgroupV1: (nil, nil))
        #expect(v2 == Figure(bytes: 600_000_000, source: "left of this cgroup's limit of 1 GB (memory.max)"))
        let v1 = Self.figure(meminfo: Self.meminfo, cgroupV2: (nil, nil), cgroupV1: ("1500000000\n", "500000000\n"))
        #expect(v1 == Figure(bytes: 1_000_000_000, source: "left of this cgroup's limit of 1.5 GB (memory.limit_in_bytes)"))
    }

    @Test func aCgroupWithoutALimitIsIgnored() {
        let expected = Figure(bytes: 2_048_000_000, source: "available now (MemAvailable in /proc/meminfo)")
        #expect(Self.figure(meminfo: Self.meminfo, cgroupV2: ("max\n", "5000\n"), cgroupV1: (nil, nil)) == expected)
        #expect(Self.figure(meminfo: Self.meminfo, cgroupV2: (nil, nil),
                                       cgroupV1: ("9223372036854771712\n", "5475676160\n")) == expected)
    }

    @Test func nothingKnownIsNil() {
        #expect(Self.figure(meminfo: nil, cgroupV2: (nil, nil), cgroupV1: (nil, nil)) == nil)
    }
}
