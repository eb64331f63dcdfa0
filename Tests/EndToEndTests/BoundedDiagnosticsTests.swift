import Foundation
import ShareSimTestSupport
import Testing

/// Files no one writes by hand (a device, a generated line of megabytes) are refused or
/// reported in bounded output, as `check` prints it; see also the malformed catalogue's
/// `many-errors`, `megabyte-name` and `long-garbage-run`.
@Suite struct BoundedDiagnosticsTests {
    @Test func checkOfDevZeroRefusesBeforeReadingAGigabyte() throws {
        let outcome = try BinaryRunner.run(["check", "/dev/zero"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr == "sharesim: error: cannot read '/dev/zero': larger than 64 MiB; is this the right file?\n")
    }

    /// 2.5 million stray `§`, each between two `$` symbols: once minutes of work and millions of
    /// quoted lines, now a hundred errors, a note on how many more, and the true total.
    /// The time limit only turns a hang into a failure (a debug build on a loaded machine took
    /// over a minute); its speed is measured in release, not asserted here.
    @Test(.timeLimit(.minutes(3))) func aFiveMegabyteLineOfStrayCharactersIsReportedBounded() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-stray-\(UUID().uuidString).scn").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ("scenario \"Stray\"\n" + String(repeating: "§$", count: 2_500_000) + "\n").write(toFile: path, atomically: false, encoding: .utf8)

        let outcome = try BinaryRunner.run(["check", path])
        #expect(outcome.status == 65)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains(": error: ") }.count == 100)
        #expect(lines.filter { $0.hasPrefix("note: ") } == ["note: 2499904 more errors in this file not shown; fix these first"])
        #expect(lines.last == "2500004 errors")
        #expect(lines.allSatisfy { $0.unicodeScalars.count < 200 }, "every quoted line is an excerpt")
    }
}
