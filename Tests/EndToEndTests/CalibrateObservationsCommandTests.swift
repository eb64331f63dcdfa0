import Foundation
import ShareSimTestSupport
import Testing

/// `calibrate FILE --fit …` with no `--target`: the fit to the scenario's own observations, as
/// a user meets it.
@Suite struct CalibrateObservationsCommandTests {
    static let chips = "scenarios/china-chip-share.scn"

    @Test func theChipRoutesAreTheJointFitToTheirTwoObservations() throws {
        let run = try BinaryRunner.run(["calibrate", Self.chips, "--fit", "leakage", "--fit", "intermediaries"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("China's chip share of Russian imports — calibration to its 2 fit observations\n"
            + "weighted least squares, residuals divided by each observation's σ (its ±)\n"))
        #expect(run.stdout.contains("\nleakage         7.314079%   2.673202% .. 13.079636%  0.07314079332358023\n"))
        #expect(run.stdout.contains("\nintermediaries  28.034219%  15.639448% .. 46.78542%  0.28034219491937856\n"))
        #expect(run.stdout.contains("sales share recorded origin CN, HK in chips at 2022-12\n                     87.0%   3.0%   85.0%   -2.00 points  yes\n"))
        #expect(run.stdout.hasSuffix("2 of 2 checks within their uncertainty\n"))
        // The file's values are the fit's, to the digits it writes.
        let json = try BinaryRunner.run(["calibrate", Self.chips, "--fit", "leakage", "--fit", "intermediaries", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let values = try #require(doc["parameters"] as? [[String: Any]]).compactMap { $0["value"] as? Double }
        #expect(values.count == 2 && abs(values[0] - 0.0731) < 5e-5 && abs(values[1] - 0.2803) < 5e-5)
        // The same bytes at any thread count.
        let one = try BinaryRunner.run(["calibrate", Self.chips, "--fit", "leakage", "--fit", "intermediaries", "--format", "json", "--threads", "1"])
        #expect(one.stdout == json.stdout)
    }

    @Test func theJSONIsTheDocumentedFormatAndGoesToOutput() throws {
        let out = try Fixtures.temporaryFile("fit.json", "")
        let run = try BinaryRunner.run(["calibrate", Fixtures.observedChips, "--fit", "us_access", "--fit", "eu_access", "--format", "json", "-o", out])
        #expect(run.status == 0 && run.stdout.isEmpty)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(doc["format"] as? String == "sharesim-observation-fit" && doc["version"] as? Int == 1)
        #expect(doc["method"] as? String == "weighted_least_squares" && doc["weighting"] as? String == "uncertainty")
        #expect((doc["fit"] as? [Any])?.count == 2 && (doc["checks"] as? [Any])?.count == 1)
    }

    /// The overlay sets the fitted values with how they were found; `test` and `run` take it.
    @Test func writeSavesAnOverlayThatTestAndRunTake() throws {
        let overlay = try Fixtures.temporaryFile("observed-fitted.scn", "")
        let fit = try BinaryRunner.run(["calibrate", Fixtures.observedChips, "--fit", "us_access", "--fit", "eu_access", "--write", overlay])
        #expect(fit.status == 0)
        let text = try String(contentsOfFile: overlay, encoding: .utf8)
        #expect(text.contains("#   sharesim calibrate \(Fixtures.observedChips) --fit us_access --fit eu_access --write \(overlay)\n"))
        #expect(text.contains("\nparam us_access = 7% [calibrated: weighted least squares to 2 fit observations of observed-chips.scn, SSR "))
        #expect(text.contains("\nparam eu_access = 35% [calibrated: "))
        let test = try BinaryRunner.run(["test", overlay])
        #expect(test.status == 0)
        #expect(test.stdout.contains("(0 expectations, 1 check, 2 fit observations)"))
        #expect(test.stdout.contains("check sales share origin CN in chips at 2023-06: observed 70.0% ± 1.0%, run 69.3%, error -0.7 points"))
        let run = try BinaryRunner.run(["run", overlay, "--by", "origin", "--share", "sales", "--at", "2022-12"])
        #expect(run.status == 0 && run.stdout.contains("\nUS        6.5%\n"))
    }

    @Test func badRequestsAreRefusedWithAHint() throws {
        let none = try BinaryRunner.run(["calibrate", Fixtures.oneOriginChips, "--fit", "leakage"])
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("sharesim: error: the scenario has no fit observations to calibrate against\n"))
        #expect(none.stderr.contains("help: add one ending in 'fit'"))
        let unknown = try BinaryRunner.run(["calibrate", Self.chips, "--fit", "leakag"])
        #expect(unknown.status == 2 && unknown.stderr == "sharesim: error: unknown parameter 'leakag'\nhelp: did you mean 'leakage'?\n")
        let bisection = try BinaryRunner.run(["calibrate", Self.chips, "--fit", "leakage", "--method", "bisection"])
        #expect(bisection.status == 2 && bisection.stderr.contains("a fit to the scenario's observations is by weighted least squares"))
        let both = try BinaryRunner.run(["calibrate", Self.chips, "--fit", "leakage", "--write", "x.scn",
                                         "--target", "sales share origin CN in chips at 2023-01 = 50%"])
        #expect(both.status == 2 && both.stderr.contains("--write saves a fit to the scenario's observations"))
    }

    @Test func writeRefusesToReplaceTheScenario() throws {
        let copy = try Fixtures.temporaryFile("observed-copy.scn", try String(contentsOfFile: Fixtures.observedChips, encoding: .utf8))
        let before = try String(contentsOfFile: copy, encoding: .utf8)
        let run = try BinaryRunner.run(["calibrate", copy, "--fit", "us_access", "--write", copy])
        #expect(run.status == 2)
        #expect(run.stderr == "sharesim: error: the output '\(copy)' is also an input: writing it would replace the input\nhelp: give --write another file\n")
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == before)
    }

    /// A fit observation without a σ beside others with one points at itself in the file.
    @Test func anUnweightableObservationIsLocated() throws {
        let text = try String(contentsOfFile: Fixtures.observedChips, encoding: .utf8).replacingOccurrences(of: " ± 2%: 2022-12", with: ": 2022-12")
        let path = try Fixtures.temporaryFile("observed-mixed.scn", text)
        let run = try BinaryRunner.run(["calibrate", path, "--fit", "us_access"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("\(path):21:49: error: this fit observation has no uncertainty, while 1 other has one\n"))
        #expect(run.stderr.contains("help: give it one (± …, one standard deviation) so it can be weighted, or give none any\n"))
    }
}
