import Foundation

/// How much memory a large batch may count on: what the kernel says is available now
/// (`MemAvailable` in /proc/meminfo), or what is left under the memory limit of the cgroup
/// the process runs in (a container's), whichever is less. Total physical memory is no
/// guide: with 24 GB installed, 20 GB may be in use, or a container may hold 4 GB, and a
/// batch sized to the total is killed by the kernel, partway, instead of being refused.
public struct AvailableMemory: Sendable, Equatable {
    public var bytes: Double
    /// Where the figure comes from, as a message shows it.
    public var source: String

    /// A figure of the caller's own (a test's, a server's share of the machine).
    package init(bytes: Double, source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// Read from this machine; where neither /proc/meminfo nor a cgroup says anything (not
    /// Linux), the memory installed.
    public static func current() -> AvailableMemory {
        func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
        return figure(
            meminfo: read("/proc/meminfo"),
            cgroupV2: (limit: read("/sys/fs/cgroup/memory.max"), usage: read("/sys/fs/cgroup/memory.current")),
            cgroupV1: (limit: read("/sys/fs/cgroup/memory/memory.limit_in_bytes"), usage: read("/sys/fs/cgroup/memory/memory.usage_in_bytes")))
            ?? AvailableMemory(bytes: Double(ProcessInfo.processInfo.physicalMemory), source: "installed in this machine")
    }

    /// The least of the figures the files give. A cgroup limit reads `max` (version 2) or a
    /// number near 2^63 (version 1) when none is set; either is ignored.
    package static func figure(meminfo: String?, cgroupV2: (limit: String?, usage: String?),
                               cgroupV1: (limit: String?, usage: String?)) -> AvailableMemory? {
        var candidates: [AvailableMemory] = []
        if let line = meminfo?.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
           let kB = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) {
            candidates.append(AvailableMemory(bytes: kB * 1024, source: "available now (MemAvailable in /proc/meminfo)"))
        }
        for (cgroup, file) in [(cgroupV2, "memory.max"), (cgroupV1, "memory.limit_in_bytes")] {
            guard let limit = number(cgroup.limit), limit < 0x1p60 else { continue }
            let used = number(cgroup.usage) ?? 0
            candidates.append(AvailableMemory(
                bytes: max(0, limit - used),
                source: "left of this cgroup's limit of \(NumberText.bytes(limit)) (\(file))"))
        }
        return candidates.min { $0.bytes < $1.bytes }
    }

    private static func number(_ text: String?) -> Double? {
        text.flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
