import Foundation
import ShareSimTestSupport
import Testing

/// A `run -o` of tens of megabytes ended by Ctrl-C, `kill`, a closed terminal or SIGKILL
/// leaves nothing beside the destination: no temporary file of its own, whenever the signal
/// comes (it once left up to 100 MB behind).
@Suite struct InterruptedOutputTests {
    /// 200 vendors over a century of months: 240,000 CSV rows, about 25 MB.
    static let scenario: String = {
        let vendors = (0..<200).map { "V\($0)" }
        return """
            scenario "Big output"
            timeline 2000-01 to 2099-12 monthly
            segment s lifetime 8y
            \(vendors.map { "vendor \($0) origin US" }.joined(separator: "\n"))
            share s 2000-01: \(vendors.map { "\($0) 0.5%" }.joined(separator: ", "))

            """
    }()

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGKILL])
    func aSignalDuringRunOutputLeavesNoTemporaryFile(_ signal: Int32) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-signal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.scenario.write(toFile: directory + "/big.scn", atomically: false, encoding: .utf8)

        for delay in [100, 400] {
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["run", "big.scn", "--format", "csv", "-o", "out.csv"]
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let left = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0 != "big.scn" && $0 != "out.csv" }
            #expect(left == [], "signal \(signal) after \(delay) ms")
        }
    }
}
