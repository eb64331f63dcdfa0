import Foundation
import ShareSimTestSupport
import Testing

/// Options whose mistakes would otherwise pass silently: each is refused with a usage error
/// (exit 2) that says what to write instead, or, where the input is fine, handled as meant.
@Suite struct ArgumentCheckTests {
    static let easing = "scenarios/ofac-easing.scn"

    @Test(arguments: [
        ("", "--at needs at least one date"),
        ("2022-01,,2023-01", "has an empty date between commas"),
        ("2023-01,2022-01", "--at dates must be in order: 2022-01 is written after 2023-01"),
        ("2022-01,2022-01-15", "--at names 2022-01 twice"),
        ("2022-13", "'2022-13' is not a date"),
    ])
    func badDateListsAreRefused(_ list: String, _ message: String) throws {
        for command in [["run", Self.easing], ["montecarlo", "scenarios/china-chip-share.scn", "--runs", "10", "--seed", "1"]] {
            let run = try BinaryRunner.run(command + ["--at", list])
            #expect(run.status == 2, "\(command[0]) --at '\(list)'")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func spacesAroundDatesAreFine() throws {
        let run = try BinaryRunner.run(["run", Self.easing, "--at", "2022-01, 2023-01"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("2022-01") && run.stdout.contains("2023-01"))
    }

    @Test func aBareToleranceAboveOneIsTakenForForgottenPercent() throws {
        let run = try BinaryRunner.run(["compare", Self.easing, "scenarios/ofac-no-easing.scn", "--tolerance", "5"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--tolerance 5 would allow 500 percentage points"))
        #expect(run.stderr.contains("help: for 5 points write --tolerance 5%"))
        let fraction = try BinaryRunner.run(["compare", Self.easing, "scenarios/ofac-no-easing.scn", "--tolerance", "0.05"])
        #expect(fraction.status == 0)
        #expect(fraction.stdout.contains("within tolerance: no vendor differs by more than 5 points"))
        let one = try BinaryRunner.run(["compare", Self.easing, "scenarios/ofac-no-easing.scn", "--tolerance", "1%"])
        #expect(one.stdout.contains("by more than 1 point\n"))
    }

    /// Two files of the same name in different folders, and one file given twice, still
    /// make runs that `compare FILE#RUN` can tell apart.
    @Test func runsOfFilesWithTheSameNameGetDistinctNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-names-\(UUID().uuidString)")
        for (sub, scenario) in [("one", "ofac-easing"), ("two", "china-chip-share")] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.scenarioPath(scenario), toPath: folder.appendingPathComponent("\(sub)/x.scn").path)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try BinaryRunner.run(["run", "one/x.scn", "two/x.scn", "one/x.scn", "--format", "csv"], directory: folder)
        #expect(run.status == 0)
        let names = Set(run.stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) })
        #expect(names == ["one/x", "two/x", "one/x-2"])
    }

    @Test func aMisspeltCommandGetsASuggestion() throws {
        let run = try BinaryRunner.run(["rnu", Self.easing])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("sharesim: error: 2 unexpected arguments: 'rnu', '\(Self.easing)'\nhelp: did you mean 'run'?\n"))
        let montecarlo = try BinaryRunner.run(["montecarol"])
        #expect(montecarlo.stderr.hasPrefix("sharesim: error: Unexpected argument 'montecarol'\nhelp: did you mean 'montecarlo'?\n"))
    }

    @Test func aScenarioInPlaceOfACommandIsPointedToRunAndRepl() throws {
        let run = try BinaryRunner.run([Self.easing])
        #expect(run.status == 2)
        #expect(run.stderr.contains("help: to run the scenario, 'sharesim run \(Self.easing)'; to explore it, 'sharesim repl \(Self.easing)'"))
    }

    @Test func aUseFromStandardInputIsRelativeToTheCurrentDirectory() throws {
        let run = try BinaryRunner.run(["check", "-"], stdin: "use \"nosuch.scn\"\n")
        #expect(run.status == 66)
        #expect(run.stderr.contains("help: a path used from standard input is relative to the current directory"))
    }

    /// A negative number is a value to check, not an option ArgumentParser cannot find.
    @Test func negativeNumbersAreCheckedAsValues() throws {
        let chips = ["montecarlo", "scenarios/china-chip-share.scn"]
        let runs = try BinaryRunner.run(chips + ["--runs", "-5", "--seed", "1"])
        #expect(runs.status == 2 && runs.stderr.contains("--runs must be at least 1"))
        let seed = try BinaryRunner.run(chips + ["--runs", "5", "--seed", "-1"])
        #expect(seed.status == 2 && seed.stderr.contains("The value '-1' is invalid for '--seed <seed>'"))
        for command in [chips + ["--runs", "5", "--seed", "1"], ["sweep", "scenarios/china-chip-share.scn", "--vary", "leakage=1%,2%",
                                                                  "--outcome", "installed share origin CN in chips at 2023-01"]] {
            let threads = try BinaryRunner.run(command + ["--threads", "-2"])
            #expect(threads.status == 2 && threads.stderr.contains("--threads must be at least 1, not -2"))
        }
        let tolerance = try BinaryRunner.run(["compare", Self.easing, Self.easing, "--tolerance", "-1%"])
        #expect(tolerance.status == 2 && tolerance.stderr.contains("--tolerance takes a non-negative share difference"))
    }

    /// Help reads as prose at 80 columns: paragraphs wrap as wholes, examples fit, and the
    /// usage line folds between whole arguments.
    @Test func helpFitsEightyColumnsWithoutOrphanedWords() throws {
        for command in [[], ["run"], ["check"], ["inspect"], ["compare"], ["sweep"], ["calibrate"], ["montecarlo"], ["merge"], ["test"], ["repl"], ["replay"]] {
            let help = try BinaryRunner.run(command + ["--help"], environment: ["COLUMNS": "80"]).stdout
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in lines {
                #expect(line.count <= 80, "\(command): \(line)")
            }
            // A folded usage line goes on under the command, never with an option's value or a repetition mark.
            #expect(!lines.contains { $0.hasPrefix("       <") || $0.hasPrefix("       ...") || $0.hasSuffix(" --runs") }, "\(command)")
            // A continuation of an example is indented; a wrapped example would start a line
            // with a bare argument.
            #expect(!lines.contains { $0.hasPrefix("easing.csv") || $0.hasPrefix("csv -o") || $0.hasPrefix("-o ") })
            // Prose starts at the margin; only examples and option help are indented.
            #expect(!lines.contains { $0.hasPrefix("        ") && !$0.hasPrefix("                        ") }, "\(command)")
            #expect(!lines.contains { $0.dropFirst().contains("      ") && !$0.hasPrefix("  ") }, "\(command)")
        }
    }

    /// The usage an argument error repeats is folded like the help's.
    @Test func anErrorsUsageLineFitsTheWidth() throws {
        let run = try BinaryRunner.run(["montecarlo", "scenarios/china-chip-share.scn", "--runs", "x"], environment: ["COLUMNS": "80"])
        #expect(run.status == 2)
        // Past a length the argument parser folds the options into `[<options>]`; either way
        // the line fits.
        #expect(run.stderr.contains("Usage: sharesim montecarlo [<options>] <file> --runs <runs> --seed <seed>\n"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(run.stderr)")
    }

    @Test(arguments: [("50,50", "'50' comes after a band at least as high"), ("50,5", "'5' comes after a band at least as high"),
                      ("5,101", "'101' is not a percentile")])
    func bandsGoFromLowToHighEachOnce(_ bands: String, _ message: String) throws {
        let run = try BinaryRunner.run(["montecarlo", "scenarios/china-chip-share.scn", "--runs", "10", "--seed", "1", "--bands", bands])
        #expect(run.status == 2 && run.stderr.contains(message), "\(run.stderr)")
    }

    /// Help, version and a transcript that cannot be written are errors too, in plain words.
    @Test func helpToAFullDeviceAndUnwritableTranscriptsSayWhy() throws {
        if FileManager.default.fileExists(atPath: "/dev/full") {
            for arguments in ["--help", "--version", "run --help"] {
                let run = try FileHandlingTests.shell("\"$SHARESIM\" \(arguments) > /dev/full")
                #expect(run.status == 73 && run.output == "sharesim: error: cannot write standard output: no space left on device\n")
            }
        }
        let record = try BinaryRunner.run(["repl", "--record", FileManager.default.temporaryDirectory.path, Self.easing], stdin: "quit\n")
        #expect(record.status == 73)
        #expect(record.stderr == "sharesim: error: cannot write '\(FileManager.default.temporaryDirectory.path)': is a directory\n")
        let replay = try BinaryRunner.run(["replay", "no/such/transcript.txt"])
        #expect(replay.status == 66 && replay.stderr == "sharesim: error: cannot read 'no/such/transcript.txt': no such file\n")
    }

    @Test func calibrationCountsReadAsEnglish() throws {
        let run = try BinaryRunner.run(["calibrate", Fixtures.oneOriginChips, "--fit", "leakage",
                                        "--target", "installed share origin CN, HK in chips at 2023-01 = 100%"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("0 halvings, 1 run\n"))
    }
}
