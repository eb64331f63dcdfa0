import Foundation
import ShareSimTestSupport
import Testing

/// `compare`, `sweep` and `calibrate` as a user meets them: outputs and exit codes.
@Suite struct AnalysisCommandTests {
    static let chipOutcome = "installed share origin CN, HK in chips at 2023-01"
    /// `calibrate` of the chip leakage within `bounds`, to the 85% target.
    static func chipCalibration(in bounds: String = "0%..20%") -> [String] {
        ["calibrate", Fixtures.oneOriginChips, "--fit", "leakage", "--in", bounds, "--target", "\(chipOutcome) = 85%"]
    }

    // MARK: compare

    @Test func compareExitsOneOverTheToleranceAndZeroWithin() throws {
        let strict = try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn", "scenarios/ofac-no-easing.scn"])
        #expect(strict.status == 1)
        #expect(strict.stdout.hasPrefix("A  scenarios/ofac-easing.scn — OFAC easing (GL 25), April 2022\n"))
        #expect(strict.stdout.contains("installed share by vendor: B − A in percentage points; tolerance 0"))
        #expect(strict.stdout.contains("Cisco    US       2022-05    -0.61  2027-12"))
        #expect(strict.stdout.contains("over tolerance: 6 of 11 vendors differ by more than 0\nfirst to differ: Huawei in telecom at 2022-05\n"))
        let loose = try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn", "scenarios/ofac-no-easing.scn", "--tolerance", "5%"])
        #expect(loose.status == 0)
        #expect(loose.stdout.contains("within tolerance: no vendor differs by more than 5 points"))
        #expect(try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn", "scenarios/ofac-no-easing.scn", "--tolerance", "0.05"]).status == 0)
        let sales = try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn", "scenarios/ofac-no-easing.scn", "--share", "sales",
                                          "--by", "origin", "--tolerance", "0.5%"])
        #expect(sales.status == 1 && sales.stdout.contains("US       2022-10    -1.11  2023-03"))
    }

    @Test func compareReadsRunOutputBack() throws {
        let csv = try BinaryRunner.run(["run", "scenarios/ofac-easing.scn", "--format", "csv"])
        let saved = try Fixtures.temporaryFile("easing.csv", csv.stdout)
        let same = try BinaryRunner.run(["compare", saved, "scenarios/ofac-easing.scn"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("identical: no vendor differs at any of the 84 dates"))
        let unnamed = try BinaryRunner.run(["compare", "\(saved)#x", "scenarios/ofac-easing.scn"])
        #expect(unnamed.status == 65)
        #expect(unnamed.stderr == "sharesim: error: '\(saved)' holds one unnamed run (it has no 'run' column)\nhelp: name the file without '#x': \(saved)\n")
        let both = try BinaryRunner.run(["run", "scenarios/ofac-easing.scn", "scenarios/ofac-no-easing.scn", "--format", "csv"])
        let bothPath = try Fixtures.temporaryFile("both.csv", both.stdout)
        let picked = try BinaryRunner.run(["compare", "\(bothPath)#ofac-easing", "\(bothPath)#ofac-no-easing", "--format", "json"])
        #expect(picked.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(picked.stdout.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "sharesim-comparison" && object?["within_tolerance"] as? Bool == false)
        let ambiguous = try BinaryRunner.run(["compare", bothPath, "scenarios/ofac-easing.scn"])
        #expect(ambiguous.status == 65 && ambiguous.stderr.contains("holds 2 runs (ofac-easing, ofac-no-easing)"))
    }

    @Test func compareCSVIsTidyAndTheSameAtEveryRun() throws {
        let args = ["compare", "scenarios/ofac-easing.scn", "scenarios/ofac-no-easing.scn", "--format", "csv"]
        let one = try BinaryRunner.run(args), two = try BinaryRunner.run(args)
        #expect(one.status == 1 && one.stdout == two.stdout)
        let lines = one.stdout.split(separator: "\n")
        #expect(lines[0] == "step,date,segment,vendor,origin,present,a,b,difference")
        // 84 steps × (6 telecom vendors + 5 base-station vendors), and the header.
        #expect(lines.count == 1 + 84 * 11)
    }

    @Test func compareReportsMismatchedShapesAndBadInput() throws {
        let other = try Fixtures.temporaryFile("other.scn", """
            scenario "Other"
            timeline 2022-01 to 2023-12 quarterly
            segment telecom lifetime 8y
            vendor Huawei origin CN
            vendor Yadro origin RU
            share telecom: Huawei 60%, Yadro 40%

            """)
        let run = try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn", other])
        #expect(run.status == 1)
        #expect(run.stdout.contains("note: the timelines differ"))
        #expect(run.stdout.contains("* only in A: ZTE, Ericsson, Nokia, Cisco, Domestic (no share in B)"))
        #expect(run.stdout.contains("† only in B: Yadro (no share in A)"))
        #expect(try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn", "no/such.scn"]).status == 66)
        #expect(try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn"]).status == 2)
        let tolerance = try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn", "scenarios/ofac-easing.scn", "--tolerance", "5y"])
        #expect(tolerance.status == 2)
        let broken = try Fixtures.temporaryFile("broken.csv", "step,date,segment,vendor,origin,installed_share,sales_share,installed,sales\n0,2021-01-01,telecom,Huawei\n")
        let bad = try BinaryRunner.run(["compare", broken, "scenarios/ofac-easing.scn"])
        #expect(bad.status == 65 && bad.stderr.contains("broken.csv:2:1: error: this row has 4 fields; the header has 9"))
    }

    /// Not on a terminal the table is 80 columns wide, and so is its `note:` line.
    @Test func compareNoteFitsTheWidth() throws {
        let run = try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn", "scenarios/china-chip-share.scn"], environment: ["COLUMNS": "80"])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(run.stdout)")
        #expect(run.stdout.contains("""
            note: the timelines differ (A: 2021-01 to 2027-12, 84 steps; B: 2021-01 to
              2023-12, 36 steps); compared at the 36 dates both have

            """))
    }

    /// Ericsson's share is 16% from the start in A and absent from B: -16.00 from 2021-01,
    /// which was reported at 2021-10, where rounding noise made it a hair larger.
    @Test func compareReportsTheLargestDifferenceWhereItIsFirstReached() throws {
        let run = try BinaryRunner.run(["compare", "scenarios/ofac-easing.scn", "scenarios/china-chip-share.scn"], environment: ["COLUMNS": "80"])
        #expect(run.stdout.contains("\nEricsson* EU       2021-01   -16.00  2021-01   -16.00"))
        #expect(run.stdout.contains("\nNokia*    EU       2021-01   -12.00  2021-01   -12.00"))
    }

    // MARK: sweep

    @Test func sweepTabulatesAnOutcome() throws {
        let run = try BinaryRunner.run(["sweep", Fixtures.oneOriginChips, "--vary", "leakage=2%..20%/10", "--outcome", Self.chipOutcome])
        #expect(run.status == 0)
        #expect(run.stdout.contains("sweep of leakage (10 runs)"))
        #expect(run.stdout.contains("outcome: \(Self.chipOutcome)"))
        // A flow market: 27 / (27 + 73·ℓ) once the controls are in force.
        #expect(run.stdout.contains("\n2%         94.9%\n"))
        #expect(run.stdout.contains("\n20%        64.9%\n"))
    }

    @Test func sweepOutputIsByteIdenticalAtAnyThreadCount() throws {
        var outputs: [String] = []
        for threads in ["1", "2", "5"] {
            let run = try BinaryRunner.run(["sweep", Fixtures.oneOriginChips, "--vary", "leakage=1%..30%/12",
                                            "--outcome", Self.chipOutcome, "--format", "csv", "--threads", threads])
            #expect(run.status == 0)
            outputs.append(run.stdout)
        }
        #expect(Set(outputs).count == 1)
        #expect(outputs[0].hasPrefix("leakage,outcome\n0.01,"))
        #expect(outputs[0].split(separator: "\n").count == 13)
        let json = ["1", "2"].map { threads in
            try? BinaryRunner.run(["sweep", Fixtures.oneOriginChips, "--vary", "leakage=1%..30%/12", "--outcome", Self.chipOutcome,
                                   "--format", "json", "--threads", threads]).stdout
        }
        #expect(json[0] != nil && json[0] == json[1] && json[0]!.contains("\"format\": \"sharesim-sweep\""))
        let twice = try BinaryRunner.run(["sweep", Fixtures.oneOriginChips, "--vary", "leakage=1%..30%/12", "--vary", "leakage=1%",
                                          "--outcome", Self.chipOutcome])
        #expect(twice.status == 2 && twice.stderr.contains("parameter 'leakage' is varied twice"))
    }

    @Test func sweepRefusesUnknownParametersAndBadOutcomes() throws {
        let typo = try BinaryRunner.run(["sweep", Fixtures.oneOriginChips, "--vary", "leakge=2%..20%", "--outcome", Self.chipOutcome])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown parameter 'leakge'") && typo.stderr.contains("help: did you mean 'leakage'?"))
        let outcome = try BinaryRunner.run(["sweep", Fixtures.oneOriginChips, "--vary", "leakage=2%..20%",
                                            "--outcome", "installed share origin CN in chip at 2023-01"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--outcome:1:30: error: unknown segment 'chip'"))
        #expect(outcome.stderr.contains("help: did you mean 'chips'?"))
        #expect(try BinaryRunner.run(["sweep", Fixtures.oneOriginChips, "--outcome", Self.chipOutcome]).status == 2)
        let range = try BinaryRunner.run(["sweep", Fixtures.oneOriginChips, "--vary", "leakage=50%..150%/3", "--outcome", Self.chipOutcome])
        #expect(range.status == 2)
        // Said of the value as typed, in its own unit, with where the parameter is declared.
        #expect(range.stderr.hasPrefix("sharesim: error: leakage = 150% is outside the valid range of parameter 'leakage'\n"))
        #expect(range.stderr.contains("note: 'leakage' (declared at Tests/Fixtures/chips-one-origin.scn:26:7) accepts values from 0% to 100% where it is used"))
    }

    // MARK: calibrate

    @Test func calibrateFindsTheChipLeakage() throws {
        let run = try BinaryRunner.run(Self.chipCalibration())
        #expect(run.status == 0)
        #expect(run.stdout.contains("calibration by bisection"))
        // 0.27 / (0.27 + 0.73·ℓ) = 0.85 gives ℓ = 0.27·(1/0.85 − 1)/0.73 = 6.52699%.
        #expect(run.stdout.contains("leakage    6.526994%"))
        #expect(run.stdout.contains("85%   85.0%"))
        let again = try BinaryRunner.run(Self.chipCalibration() + ["--format", "json"])
        let same = try BinaryRunner.run(Self.chipCalibration() + ["--format", "json"])
        #expect(again.status == 0 && again.stdout == same.stdout)
        #expect(again.stdout.contains("\"method\": \"bisection\""))
    }

    /// Without --in the value is shown as with it, in the parameter's unit; the table fits 80
    /// columns at any COLUMNS (it was 93), 120 when the terminal has them.
    @Test func calibrateShowsTheValueInItsUnitAndFitsTheWidth() throws {
        let bare = try BinaryRunner.run(["calibrate", Fixtures.oneOriginChips, "--fit", "leakage", "--target", "\(Self.chipOutcome) = 85%"],
                                        environment: ["COLUMNS": "80"])
        #expect(bare.status == 0)
        #expect(bare.stdout.contains("\nleakage    6.526994%  (0.0652699435941031)\n"))
        #expect(bare.stdout.hasSuffix("\ntarget   wanted   found         residual  log-odds\n\(Self.chipOutcome)\n           85%   85.0%   -4.4e-11 points  -3.5e-12\n"))
        #expect(bare.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let wide = try BinaryRunner.run(Self.chipCalibration(), environment: ["COLUMNS": "120"])
        #expect(wide.stdout.contains("\n\(Self.chipOutcome)     85%   85.0%   -8.8e-12 points  -6.9e-13\n"))
    }

    /// --in outside the valid range is quoted as typed, with the range in its unit (it said
    /// "the bounds 0.0..1.2" at the parameter's line in the file).
    @Test func calibrateBoundsOutsideTheValidRangePointAtIn() throws {
        let run = try BinaryRunner.run(Self.chipCalibration(in: "0%..120%"))
        #expect(run.status == 2)
        #expect(run.stderr == """
            --in:1:1: error: the bounds 0%..120% of 'leakage' leave its valid range
             1 | 0%..120%
               | ^~~~~~~~
            note: 'leakage' (declared at Tests/Fixtures/chips-one-origin.scn:26:7) accepts values from 0% to 100% where it is used
            help: give bounds within that range

            """)
    }

    @Test func calibrateRefusesABracketWithoutARoot() throws {
        let run = try BinaryRunner.run(Self.chipCalibration(in: "10%..20%"))
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: the bracket 10%..20% of 'leakage' may hold no solution: the outcome is below the target 85% at both ends"))
        #expect(run.stderr.contains("note: at leakage = 10%: 78.7%"))
        #expect(run.stderr.contains("note: at leakage = 20%: 64.9%"))
    }

    @Test func calibrateFitsTheHuaweiTrend() throws {
        let run = try BinaryRunner.run(["calibrate", "scenarios/huawei-substitution.scn", "--fit", "huawei_trend", "--in", "0.3/y..0.7/y",
                                        "--target", "sales growth Huawei from 2014-01 to 2019-01 = 51%/y"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("huawei_trend  0.521949/y"))
    }

    @Test func leastSquaresFitsSeveralTargets() throws {
        let run = try BinaryRunner.run(["calibrate", Fixtures.oneOriginChips, "--fit", "leakage", "--in", "0%..20%",
                                        "--target", "installed share origin CN, HK in chips at 2023-01 = 85%",
                                        "--target", "sales share origin CN, HK in chips at 2022-12 = 86%"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("calibration by least squares"))
        #expect(run.stdout.contains("log-odds"))
    }

    /// A sweep polls the same Ctrl-C as Monte Carlo: it stops between runs, writes nothing,
    /// and says so with status 130.
    @Test func ctrlCStopsASweepWithStatus130() throws {
        // 100,000 runs of 9,600 steps: many seconds, however fast the machine.
        let long = try Fixtures.temporaryFile("long-sweep.scn", """
            scenario "Long sweep"
            timeline 2000-01 to 2799-12 monthly
            segment s "S" lifetime 5y growth 0% size 1M USD
            vendor A origin X
            vendor B origin Y
            share s 2000-01: A 50%, B 50%
            param cut = 10%
            event "Cut" 2001-01:
              access A in s to cut
            """)
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["sweep", long, "--vary", "cut=1%..20%/100000", "--outcome", "installed share A in s at 2799-12", "--threads", "1"]
        process.currentDirectoryURL = Fixtures.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        #expect(String(decoding: errors, as: UTF8.self) == "sharesim: interrupted\n")
        #expect(output.isEmpty)
    }
}
