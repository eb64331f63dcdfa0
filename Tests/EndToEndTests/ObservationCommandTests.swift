import Foundation
import ShareSimTestSupport
import Testing

/// Observations as a user meets them: `check` counts them, `test` lists each one's error,
/// fails on a check beyond its ±, and passes over a fit however far off it is.
@Suite struct ObservationCommandTests {
    static let example = "docs/examples/chip-routes.scn"

    @Test func checkCountsTheObservations() throws {
        let run = try BinaryRunner.run(["check", Self.example])
        #expect(run.status == 0)
        #expect(run.stdout == "docs/examples/chip-routes.scn: ok — 3 vendors, 1 segment, 10 changes, 36 months, 2 expectations, 5 observations\n")
    }

    @Test func testListsEveryObservationWithItsError() throws {
        let run = try BinaryRunner.run(["test", Self.example])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("ok    docs/examples/chip-routes.scn (2 expectations, 3 checks, 2 fit observations)\n"))
        #expect(run.stdout.contains(
            "      check sales share recorded origin CN, HK in chips at 2022-12: observed 85.0% ± 5.0%, run 85.0%, error +0.0 points  [seed 003]\n"))
        #expect(run.stdout.contains("      fit sales share origin CN in chips at 2022-12: observed 40.0%, run 36.2%, error -3.8 points"))
        #expect(run.stdout.hasSuffix("5 passed, 0 failed\n"))
    }

    @Test func aCheckBeyondItsToleranceFailsTheTest() throws {
        let example = try String(contentsOfFile: Fixtures.packageRoot.appendingPathComponent(Self.example).path, encoding: .utf8)
        let csv = try String(contentsOfFile: Fixtures.packageRoot.appendingPathComponent("docs/examples/chip-routes-observed.csv").path, encoding: .utf8)
        let dir = URL(fileURLWithPath: try Fixtures.temporaryFile("chip-routes-observed.csv", csv)).deletingLastPathComponent()
        let path = try Fixtures.temporaryFile("chip-routes-strict.scn", example
            + "observe sales share recorded origin CN, HK in chips ± 1%: 2022-06 70% [assumption] check\n")
        let run = try BinaryRunner.run(["test", path], directory: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("      FAIL check sales share recorded origin CN, HK in chips at 2022-06: observed 70.0% ± 1.0%, run 85.0%, error +15.0 points  [assumption]\n"))
        #expect(run.stdout.contains("chip-routes-strict.scn:34:67: error: observation not matched: the run gives 85.0%, observed 70.0% ± 1.0%\n"))
        #expect(run.stdout.hasSuffix("5 passed, 1 failed\n"))
    }
}
