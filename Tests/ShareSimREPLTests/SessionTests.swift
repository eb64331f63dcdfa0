import Foundation
import ShareSimCore
@testable import ShareSimREPL
import ShareSimTestSupport
import Testing

/// A Ctrl-C as tests press it, and a counter.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var pressed = false
    private var counted = 0
    var isSet: Bool { lock.withLock { pressed } }
    func set() { lock.withLock { pressed = true } }
    func clear() { lock.withLock { pressed = false } }
    /// Counts one more and returns the count.
    func count() -> Int { lock.withLock { counted += 1; return counted } }
}

/// The session with strings in and strings out: no terminal, files in memory.
@Suite struct SessionTests {
    /// A session whose disk is a dictionary, so saves can be inspected.
    final class Disk: @unchecked Sendable {
        var files: [String: String] = [:]
        let lock = NSLock()
        func read(_ p: String) throws -> Data {
            lock.lock(); defer { lock.unlock() }
            if let t = files[p] { return Data(t.utf8) }
            return try Data(contentsOf: URL(fileURLWithPath: Fixtures.packageRoot.appendingPathComponent(p).path))
        }
        func write(_ text: String, _ p: String) {
            lock.lock(); defer { lock.unlock() }
            files[p] = text
        }
    }

    let disk = Disk()
    var session: Session

    init() {
        let disk = self.disk
        session = Session(environment: SessionEnvironment(
            inputName: "<input>", width: 80, readFile: { try disk.read($0) }, writeFile: { disk.write($0, $1) }))
    }

    /// Reads files from the package, like the session's own disk.
    var readFile: @Sendable (String) throws -> Data {
        let disk = self.disk
        return { try disk.read($0) }
    }

    @discardableResult
    func type(_ text: String, line: Int = 1) -> Reply {
        type(in: session, text, line: line)
    }

    @discardableResult
    func type(in session: Session, _ text: String, line: Int = 1) -> Reply {
        session.execute(InputAssembler.Input(text: text, line: line))
    }

    @Test func loadRunAndShow() {
        #expect(type("load scenarios/ofac-easing.scn").output
                == "loaded scenarios/ofac-easing.scn: OFAC easing (GL 25), April 2022\n  6 vendors, 2 segments, 3 events, 2021-01 to 2027-12\n")
        let run = type("run as base")
        #expect(run.output.hasPrefix("base: OFAC easing (GL 25), April 2022 — installed share by vendor\n"))
        #expect(run.output.contains("expect: 4 passed, 0 failed"))
        let show = type("show at 2022-12 --share sales --by origin")
        #expect(show.output.contains("RU       19.9%"))
        #expect(session.runNames == ["base"])
    }

    /// `show`, `plot` and `compare` take every view.
    @Test func showAndPlotTakeEveryView() {
        type("load Tests/ShareSimCoreTests/Conformance/channels-and-recorded-origin.json")
        type("run as routes")
        let recorded = type("show chips at 2021-07 --share sales --by recorded")
        #expect(recorded.output.contains("sales share by recorded origin"))
        #expect(recorded.output.contains("HK         50.6%"))
        let plot = type("plot chips --by buyer")
        #expect(!plot.failed && plot.output.hasPrefix("routes: chips — installed share by buyer group, 2021-01 to 2022-06\n"))
        type("run as again")
        let compare = type("compare routes again --by channel")
        #expect(compare.output.contains("identical: no channel differs at any of the 18 dates"))
        let buyers = type("compare routes again --by buyer")
        #expect(buyers.output.contains("identical: no vendor in a buyer group differs at any of the 18 dates"))
    }

    /// compare by buyer group: the GL 25 easing reaches the operators, not the government.
    @Test func compareByBuyerShowsWhichGroupTheEditReaches() {
        type("load scenarios/ofac-easing.scn")
        type("run as a")
        type("drop event \"OFAC GL 25\"")
        type("run as b")
        let out = type("compare a b telecom --by buyer at 2024-01").output
        #expect(out.contains("buyer      vendor    diverges  largest       at  2024-01\ngovernment Huawei           —        0        —        0\n"))
        #expect(out.contains("\noperators  Huawei     2022-05    +0.42  2027-12    +0.13\n"))
        #expect(out.contains("\n           Cisco      2022-05    -0.68  2027-12    -0.21\n"))
        #expect(out.contains("first to differ: Huawei for operators in telecom at 2022-05\n"))
    }

    @Test func montecarloAtThePromptReportsItsProgressThroughTheSessionsHooks() {
        let lastSeen = Flag(), done = Flag()
        let s = Session(environment: SessionEnvironment(
            inputName: "<input>", readFile: readFile,
            progress: { runs, total in if runs == total && total == 600 { done.set() }; _ = lastSeen.count() }))
        type(in: s, "load scenarios/china-chip-share.scn")
        let reply = type(in: s, "montecarlo 600 seed 1")
        #expect(!reply.failed && reply.output.contains("p50"))
        #expect(done.isSet)
    }

    /// The prompt's montecarlo takes every view, as the batch command does.
    @Test func montecarloAtThePromptTakesEveryView() {
        type("load scenarios/china-chip-share.scn")
        let recorded = type("montecarlo 200 seed 3 --share sales --by recorded at 2022-01,2023-06")
        #expect(!recorded.failed && recorded.output.contains("\nrecorded band 2022-01 2023-06\nCN       p5     22.0%   38.4%\n"))
        let buyers = type("montecarlo 50 seed 3 by buyer at 2023-06")
        #expect(buyers.output.contains("\nbuyer  vendor      band 2023-06\nall    ChinaMakers p5  "))
        let wrong = type("montecarlo 50 --by brand")
        #expect(wrong.failed && wrong.error.contains("--by is vendor, origin, channel, recorded or buyer, not 'brand'"))
    }

    @Test func sensitivityRanksTheAssumptionsAtThePrompt() {
        type("load Tests/Fixtures/assumed.scn")
        let reply = type("sensitivity oat assumptions installed share A in telecom at 2023-12")
        #expect(!reply.failed && reply.output.contains("one at a time: each figure tagged [assumption] alone at −20% and +20% of its\nvalue, 13 runs\n"))
        #expect(reply.output.contains("\nshare A in telecom 2021-01 (line 10)  "))
        let bare = type("sensitivity assumptions")
        #expect(bare.failed && bare.error.hasPrefix("usage: sensitivity [morris|oat] [assumptions] OUTCOME"))
    }

    @Test func montecarloRanksItsParametersAtThePromptAsTheCommandDoes() {
        type("load Tests/Fixtures/chips-one-origin.scn")
        let quoted = type("montecarlo 300 seed 3 rank \"installed share origin CN, HK in chips at 2023-01\"")
        #expect(!quoted.failed && quoted.output.contains("rank regression over 300 runs of the Monte Carlo batch (seed 3)\n"))
        #expect(quoted.output.contains("   1  leakage    -1.000\n\nR² of the rank regression: 1.000\n"))
        #expect(type("montecarlo 300 seed 3 rank installed share origin CN, HK in chips at 2023-01").output == quoted.output)
        let bad = type("montecarlo 300 rank installed share origin XX in chips at 2023-01", line: 4)
        #expect(bad.failed && bad.status == .usage && bad.error.contains("<input>:4:44: error: no vendor has origin 'XX'"))
        let bare = type("montecarlo 300 rank")
        #expect(bare.failed && bare.error.contains("'rank' needs an outcome"))
    }

    @Test func whatIfEditsAreCheckedAndUndoable() {
        type("load scenarios/ofac-easing.scn")
        #expect(!session.hasUnsavedEdits)
        let bad = type("share telecom: Huawei 45", line: 2)
        #expect(bad.failed && bad.status == .dataError)
        #expect(bad.error.contains("<input>:2:23: error: a share of 45 is not a fraction"))
        #expect(!session.hasUnsavedEdits)
        #expect(type("drop event \"OFAC GL 25\"", line: 3).error == "")
        #expect(session.hasUnsavedEdits)
        #expect(type("diff").output == "what-if edits against scenarios/ofac-easing.scn:\n+ drop event \"OFAC GL 25\"\nchanges: 24 in the file, 22 with the edits\n")
        #expect(type("undo").output == "undid 'drop event \"OFAC GL 25\"'; 0 what-if edits now\n")
        #expect(!session.hasUnsavedEdits)
    }

    @Test func quittingWarnsOnceAboutUnsavedEdits() {
        type("load scenarios/ofac-easing.scn")
        type("vendor Newco origin RU")
        let first = session.requestQuit()
        #expect(!first.quit && first.error.contains("1 unsaved what-if edit"))
        #expect(session.requestQuit().quit)
    }

    @Test func quittingSaysToDoAgainWhatWasDone() {
        type("load scenarios/ofac-easing.scn")
        type("vendor Newco origin RU")
        #expect(type("exit").error == "warning: 1 unsaved what-if edit; 'save FILE' keeps it, 'exit' again leaves\n")
        #expect(type("quit").quit)
        let other = Session(environment: SessionEnvironment(readFile: readFile))
        type(in: other, "load scenarios/ofac-easing.scn")
        type(in: other, "vendor Newco origin RU")
        #expect(other.requestQuit().error.hasSuffix("keeps it, Ctrl-D again leaves\n"))
        let piped = Session(environment: SessionEnvironment(inputName: "<stdin>", piped: true, readFile: readFile))
        type(in: piped, "load scenarios/ofac-easing.scn")
        type(in: piped, "vendor Newco origin RU")
        #expect(type(in: piped, "quit").quit)
    }

    @Test func aRunNamedAgainIsReplacedAndSaysSo() {
        type("load scenarios/ofac-easing.scn")
        #expect(!type("run as a").output.contains("replaced"))
        #expect(type("run as a").output.hasSuffix("expect: 4 passed, 0 failed\nreplaced run a\n"))
        type("run as run2")
        // An unnamed run takes a free name rather than replacing one.
        #expect(type("run").output.hasPrefix("run3: "))
        #expect(session.runNames == ["a", "run2", "run3"])
    }

    @Test func longMessagesBreakBetweenWordsToFitTheWidth() {
        session.width = 100
        #expect(type("load scenarios/huawei-substitution.scn").output
                == "loaded scenarios/huawei-substitution.scn: Huawei substitution in Russia, 2014–2023\n  7 vendors, 2 segments, 5 events, 2014-01 to 2023-12\n")
        for command in ["explain Huawei", "explain cloud", "sources", "save \"a-long-name-for-a-what-if-file-of-the-huawei-substitution-scenario-in-a-deep-folder.scn\""] {
            let text = type(command).output
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(command):\n\(text)")
        }
        #expect(Wrap.line("first field here  then a field that is long", width: 30, indent: 4) == "first field here\n    then a field that is long")
        #expect(Wrap.line("one field with many words that goes on and on", width: 24, indent: 2) == "one field with many\n  words that goes on and\n  on")
    }

    @Test func saveWritesAnOverlayThatLoadsBack() {
        type("load scenarios/ofac-easing.scn")
        type("move event \"OFAC GL 25\" to 2023-04-07")
        #expect(type("save scenarios/ofac-easing.scn").failed)
        #expect(type("save out/late.scn").output == "saved 1 what-if edit to out/late.scn\n")
        #expect(disk.files["out/late.scn"] == "# What-if edits saved from a sharesim session.\nuse \"../scenarios/ofac-easing.scn\"\n\nmove event \"OFAC GL 25\" to 2023-04-07\n")
        #expect(!session.hasUnsavedEdits)
    }

    /// The overlay's `use` is relative to the overlay wherever the two files were named from,
    /// and absolute only when they share nothing but the root.
    @Test(arguments: [
        ("scenarios/ofac-easing.scn", "out/late.scn", "../scenarios/ofac-easing.scn"),
        ("scenarios/ofac-easing.scn", "/work/project/out/late.scn", "../scenarios/ofac-easing.scn"),
        ("/work/project/scenarios/ofac-easing.scn", "late.scn", "scenarios/ofac-easing.scn"),
        ("scenarios/ofac-easing.scn", "/tmp/late.scn", "/work/project/scenarios/ofac-easing.scn"),
    ])
    func saveWritesTheUsedPathRelativeToTheOverlay(_ loaded: String, _ saved: String, _ used: String) {
        let files = disk
        let session = Session(environment: SessionEnvironment(
            readFile: { p in try files.read(p.hasPrefix("/work/project/") ? String(p.dropFirst("/work/project/".count)) : p) },
            writeFile: { text, p in files.write(text, p) }, currentDirectory: "/work/project"))
        _ = session.execute(InputAssembler.Input(text: "load \(loaded)", line: 1))
        _ = session.execute(InputAssembler.Input(text: "drop event \"OFAC GL 25\"", line: 2))
        #expect(!session.execute(InputAssembler.Input(text: "save \(saved)", line: 3)).failed)
        #expect(files.files[saved]?.contains("use \"\(used)\"\n") == true, "\(files.files[saved] ?? "nothing written")")
    }

    /// A change typed alone, misspelt or not, is pointed to the event it belongs in.
    @Test(arguments: [("  acess origin US in telecom to 5%", "access"), ("shift origin US in telecom by 1", "shift")])
    func aChangeOutsideAnEventIsPointedToOne(_ line: String, _ change: String) {
        type("load scenarios/ofac-easing.scn")
        let reply = type(line)
        #expect(reply.failed)
        #expect(reply.error.contains("help: '\(change)' is a change and goes inside an event: event \"NAME\" DATE: then the change, indented"))
    }

    /// `at` follows the same rules as `--at`: dates in order, each once.
    @Test(arguments: ["show a at 2023-01,2023-01", "show a at 2023-01,2022-01", "show a at 2023-01,,2024-01", "compare a b at 2024-01,2023-01"])
    func viewDatesGoInOrderEachOnce(_ command: String) {
        type("load scenarios/ofac-easing.scn")
        type("run as a")
        type("run as b")
        let reply = type(command)
        #expect(reply.failed && reply.status == .usage, "\(reply.error)")
    }

    /// A date after the timeline's end is an error pointing at it, as in `show`, not a
    /// column of the last step headed by that step's date.
    @Test func compareRefusesDatesOutsideTheRuns() {
        type("load scenarios/ofac-easing.scn")
        type("run as a")
        type("drop event \"OFAC GL 25\"")
        type("run as b")
        for (command, date) in [("compare a b at 2030-01", "2030-01"), ("compare a b at 2027-06,2028-01", "2028-01"),
                                ("compare a b at 2027-12,2031-01", "2031-01"), ("compare a b at 2020-12", "2020-12")] {
            let reply = type(command)
            #expect(reply.failed && reply.status == .usage && reply.output == "", "\(command)")
            #expect(reply.error == "\(date) is outside the timeline (2021-01 to 2027-12)\n", "\(command)")
        }
        #expect(type("compare a b at 2027-06,2027-12").output.contains("at  2027-06  2027-12\n"))
        // Runs over different years: only the dates both have.
        type("load scenarios/china-chip-share.scn")
        type("run as chips")
        #expect(type("compare a chips at 2024-01").error == "2024-01 is outside the dates both runs have (2021-01 to 2023-12)\n")
        #expect(type("compare a chips at 2023-12").output.contains("at  2023-12\n"))
        // From a pipe, the error points at the date.
        let piped = Session(environment: SessionEnvironment(inputName: "<stdin>", piped: true, readFile: readFile))
        for (i, line) in ["load scenarios/ofac-easing.scn", "run as a", "run as b"].enumerated() {
            _ = piped.execute(InputAssembler.Input(text: line, line: i + 1))
        }
        #expect(piped.execute(InputAssembler.Input(text: "compare a b at 2030-01", line: 4)).error
                == "<stdin>:4:16: error: 2030-01 is outside the timeline (2021-01 to 2027-12)\n 4 | compare a b at 2030-01\n   |                ^~~~~~~\n")
    }

    /// The verdict was one line of 90 characters, which a terminal of 80 broke mid-word.
    @Test func compareVerdictFitsTheWidth() {
        type("load scenarios/ofac-easing.scn")
        type("run as a")
        type("drop event \"OFAC GL 25\"")
        type("run as b")
        let text = type("compare a b").output
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(text)")
        #expect(text.hasSuffix("""

            over tolerance: 6 of 11 vendors differ by more than 0
            first to differ: Huawei in telecom at 2022-05
            largest difference: Cisco in telecom, -0.61 points at 2027-12

            """))
    }

    /// From a pipe, a sweep's problem with one parameter points at that parameter's piece.
    @Test func aSweepErrorPointsAtItsParameter() {
        let piped = Session(environment: SessionEnvironment(inputName: "<stdin>", piped: true, readFile: readFile))
        _ = piped.execute(InputAssembler.Input(text: "load scenarios/china-chip-share.scn", line: 1))
        let reply = piped.execute(InputAssembler.Input(text: "sweep x=1..2 installed share origin CN in chips at 2023-01", line: 2))
        #expect(reply.error.hasPrefix("<stdin>:2:7: error: unknown parameter 'x'\n"))
    }

    @Test func sensitivityRanksTheLoadedScenariosParameters() {
        type("load Tests/Fixtures/chips-one-origin.scn")
        let morris = type("sensitivity installed share origin CN, HK in chips at 2023-01").output
        #expect(morris.contains("Morris elementary effects, 20 trajectories (seed 1), 81 runs\n"))
        #expect(morris.contains("   1  leakage    4.4%"))
        let oat = type("sensitivity oat installed share origin CN, HK in chips at 2023-01").output
        #expect(oat.contains("leakage    0.0457    89.0%  0.0843    81.4%   7.6%\n"))
        #expect(type("sensitivity oat").error.hasPrefix("usage: sensitivity [morris|oat] [assumptions] OUTCOME"))
    }

    @Test func aRunsNameIsOneWord() {
        type("load scenarios/ofac-easing.scn")
        #expect(type("run as \"x y\"").error.contains("a run's name is one word"))
        #expect(type("runs").output.hasPrefix("no runs yet"))
    }

    @Test func eventBlocksReplaceTheLoadedEvent() {
        type("load scenarios/ofac-easing.scn")
        type("run as base")
        #expect(type("event \"Western vendors leave\" 2022-03:\n  access origin US, EU in telecom, basestations to 5%", line: 3).error == "")
        type("run as half")
        let compare = type("compare base half at 2023-01 --by origin --share sales")
        #expect(compare.output.hasPrefix("A  base\nB  half\nsales share by origin: B − A in percentage points; tolerance 0\n"))
        #expect(compare.output.contains("EU       2022-03    -1.93  2022-03    -1.71"))
    }

    @Test func unknownCommandSuggests() {
        let r = type("lod scenarios/ofac-easing.scn", line: 7)
        #expect(r.failed)
        #expect(r.error.hasPrefix("<input>:7:1: error: unknown command 'lod'\n"))
        #expect(r.error.contains("help: did you mean 'load'?"))
    }

    /// Help fits an 80-column terminal (or the session's width) without breaking a word or
    /// a bracketed argument; calibrate's usage ran to 87 columns, sweep's example to 85.
    @Test func everyHelpFitsTheWidth() {
        for topic in Commands.all.map(\.name) + Session.statementKeywords {
            let text = type("help \(topic)").output
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "help \(topic) is wider than 80 columns")
        }
        #expect(type("help calibrate").output.hasPrefix("calibrate NAME [LOW..HIGH][, NAME2 [LOW..HIGH]]\n    [to OUTCOME = VALUE[; OUTCOME2 = VALUE2]]\n"))
        #expect(type("help sweep").output.hasSuffix("  example: sweep leakage=2%..20%/10 installed share origin CN, HK in chips at\n      2023-01\n"))
        session.width = 50
        #expect(type("help montecarlo").output.hasPrefix("montecarlo RUNS [seed S] [bands LIST] [at DATES]\n    [--share installed|sales]\n    [--by vendor|origin|channel|recorded|buyer]\n    [rank OUTCOME]\n"))
    }

    /// `help` of a name that is nothing is an error, as an unknown command is, so a pipe stops there.
    @Test func helpOfAnUnknownNameIsAnError() {
        var piped = SessionEnvironment(inputName: "<stdin>", piped: true, readFile: readFile)
        piped.width = 80
        let s = Session(environment: piped)
        let typo = type(in: s, "help sweeep", line: 3)
        #expect(typo.failed && typo.output.isEmpty)
        #expect(typo.error == "<stdin>:3:6: error: no help for 'sweeep'\n 3 | help sweeep\n   |      ^~~~~~\nhelp: did you mean 'sweep'?\n")
        let nothing = type("help frob")
        #expect(nothing.failed && nothing.error == "no help for 'frob'\n")
    }

    @Test func completionOffersCommandsNamesAndEvents() {
        type("load scenarios/ofac-easing.scn")
        #expect(session.completions(line: "ex", cursor: 2).candidates == ["export", "explain", "expect"])
        #expect(session.completions(line: "explain Cis", cursor: 11).candidates == ["Cisco"])
        #expect(session.completions(line: "drop event \"OF", cursor: 14).candidates == ["\"OFAC GL 25\""])
        #expect(session.completions(line: "show --by o", cursor: 11).candidates == ["origin"])
    }

    @Test func helpCoversEveryCommandWithAnExample() {
        let all = type("help").output
        #expect(all.split(separator: "\n").allSatisfy { $0.count <= 80 })
        for name in ["load", "run", "runs", "show", "compare", "drop", "undo", "reset", "diff", "save", "export", "plot", "sources", "explain", "timing", "help", "quit"] {
            #expect(all.contains("  \(name) "), "\(name) missing from help")
            #expect(type("help \(name)").output.contains("example: "), "\(name) has no example")
        }
    }

    @Test func undoStopsAtTheFirstFileLoaded() {
        type("load scenarios/ofac-easing.scn")
        type("drop event \"OFAC GL 25\"")
        #expect(type("undo").output == "undid 'drop event \"OFAC GL 25\"'; 0 what-if edits now\n")
        let again = type("undo")
        #expect(again.failed && again.error == "nothing to undo\n")
        #expect(type("run").output.contains("expect: 4 passed, 0 failed"))
        // A later load is an edit like any other: undo goes back to the first file.
        type("load scenarios/china-chip-share.scn")
        #expect(type("undo").output == "undid load scenarios/china-chip-share.scn; back to scenarios/ofac-easing.scn\n")
        #expect(type("diff").output == "no what-if edits against scenarios/ofac-easing.scn\n")
    }

    @Test func commandsWithoutArgumentsRefuseThem() {
        type("load scenarios/ofac-easing.scn")
        type("drop event \"OFAC GL 25\"")
        let undo = type("undo 3")
        #expect(undo.failed && undo.error == "'undo' takes no arguments\n  undo: Take back the last edit, load or reset.\n")
        #expect(type("reset now").error.hasPrefix("'reset' takes no arguments\n"))
        #expect(type("runs all").failed)
        #expect(session.hasUnsavedEdits)
    }

    @Test func outputFitsTheWidthAtEachCommand() {
        type("load scenarios/ofac-easing.scn")
        type("run")
        let longest = { (text: String) in text.split(separator: "\n").map(\.count).max() ?? 0 }
        session.width = 120
        let wide = type("compare run1 run1").output
        session.width = 70
        let narrow = type("compare run1 run1").output
        #expect(longest(wide) > 80 && longest(wide) <= 120)
        #expect(longest(narrow) <= 70)
        #expect(longest(type("show").output) <= 70)
    }

    @Test func aCtrlCOnceTheEngineIsDoneStillCancelsTheRun() {
        let pressed = Flag(), clockReadings = Flag()
        // The run reads the clock before resolving, after resolving, and after the engine:
        // the third reading stands for a Ctrl-C while the table is drawn.
        let s = Session(environment: SessionEnvironment(
            inputName: "<input>", readFile: readFile, clock: { if clockReadings.count() == 3 { pressed.set() }; return 0 },
            isCancelled: { pressed.isSet }))
        type(in: s, "load scenarios/ofac-easing.scn")
        let run = type(in: s, "run as late")
        #expect(run.error == "run cancelled\n" && run.output == "")
        #expect(s.runNames.isEmpty)
    }

    @Test func abandonedWorkIsToldToStopEvenAfterTheCtrlCIsSpent() {
        let pressed = Flag(), sawStop = Flag()
        let s = Session(environment: SessionEnvironment(inputName: "<input>", readFile: readFile, isCancelled: { pressed.isSet }))
        let spent = DispatchSemaphore(value: 0), checked = DispatchSemaphore(value: 0)
        pressed.set()
        let result = s.cancellable { isAbandoned -> Int in
            spent.wait()
            if isAbandoned() { sawStop.set() }
            checked.signal()
            return 1
        }
        #expect(result == nil)
        // The driver spends the Ctrl-C once the command returns; the work must still stop.
        pressed.clear()
        spent.signal()
        checked.wait()
        #expect(sawStop.isSet)
    }

    @Test func aCancelledEditOrLoadChangesNothing() {
        let pressed = Flag()
        let s = Session(environment: SessionEnvironment(inputName: "<input>", readFile: readFile, isCancelled: { pressed.isSet }))
        type(in: s, "load scenarios/ofac-easing.scn")
        pressed.set()
        #expect(type(in: s, "vendor Newco origin RU").error == "cancelled; the edit was not made\n")
        #expect(type(in: s, "drop event \"OFAC GL 25\"").error == "drop cancelled\n")
        #expect(!s.hasUnsavedEdits)
        #expect(type(in: s, "load scenarios/china-chip-share.scn").error == "load cancelled\n")
        #expect(type(in: s, "diff").error == "diff cancelled\n")
        pressed.clear()
        #expect(type(in: s, "diff").output == "no what-if edits against scenarios/ofac-easing.scn\n")
    }

    /// A calibration's refusal about one parameter points at that parameter as typed, in a
    /// least-squares fit (the second name here) and in a bisection alike.
    @Test func aCalibrationRefusalPointsAtTheParameter() {
        let s = Session(environment: SessionEnvironment(inputName: "<stdin>", piped: true, readFile: readFile))
        type(in: s, "load scenarios/china-chip-share.scn", line: 1)
        #expect(type(in: s, "calibrate leakage intermediarie", line: 2).error.hasPrefix(
            "<stdin>:2:19: error: unknown parameter 'intermediarie'\n 2 | calibrate leakage intermediarie\n   |                   ^~~~~~~~~~~~~\n"))
        #expect(type(in: s, "calibrate leakag to installed share origin CN in chips at 2023-01 = 85%", line: 3).error.hasPrefix(
            "<stdin>:3:11: error: unknown parameter 'leakag'\n"))
    }

    @Test func pipedErrorsArePlacedOnTheirInput() {
        let s = Session(environment: SessionEnvironment(inputName: "<stdin>", piped: true, readFile: readFile))
        type(in: s, "load scenarios/ofac-easing.scn", line: 1)
        #expect(type(in: s, "compare a b", line: 2).error == "<stdin>:2:9: error: 'a' is no run, segment, vendor or channel\n 2 | compare a b\n   |         ^\n")
        #expect(type(in: s, "load nosuch.scn", line: 3).error.hasPrefix("<stdin>:3:6: error: cannot read 'nosuch.scn'"))
        #expect(type(in: s, "run  as", line: 4).error == "<stdin>:4:6: error: usage: run [as NAME]\n 4 | run  as\n   |      ^~\nhelp: example: run as late-easing\n")
        #expect(type(in: s, "explain Cisko", line: 5).error.hasSuffix("help: did you mean 'Cisco'?\n"))
        #expect(type(in: s, "undo", line: 6).error == "<stdin>:6:1: error: nothing to undo\n 6 | undo\n   | ^~~~\n")
        type(in: s, "run", line: 7)
        #expect(type(in: s, "export csv out.csv nosuch", line: 8).error.hasPrefix("<stdin>:8:20: error: no run named 'nosuch'\n"))
    }

    /// A command's failure is a `Diagnostic` at the word it is about, its suggestion and
    /// usage lines its help, printed by the one `DiagnosticPrinter`: in colour when the
    /// session is, as the scenario's own errors are.
    @Test func aCommandsFailureIsADiagnosticPrintedByThePrinter() {
        let s = Session(environment: SessionEnvironment(inputName: "<stdin>", piped: true, color: true, readFile: readFile))
        type(in: s, "load scenarios/ofac-easing.scn", line: 1)
        let reply = type(in: s, "explain Cisko", line: 2)
        let failure = s.diagnostic("'Cisko' is no vendor, segment, origin, channel or event here", word: "Cisko", suggestion: "Cisco")
        #expect(failure.location == SourceLocation(file: "<stdin>", line: 2, column: 9, length: 5))
        #expect(failure.help == ["did you mean 'Cisco'?"])
        #expect(reply.error == "\u{1B}[1m<stdin>:2:9\u{1B}[0m: \u{1B}[1;31merror:\u{1B}[0m "
                + "\u{1B}[1m'Cisko' is no vendor, segment, origin, channel or event here\u{1B}[0m\n"
                + " 2 | explain Cisko\n   |         \u{1B}[1;32m^~~~~\u{1B}[0m\nhelp: did you mean 'Cisco'?\n")
        #expect(reply.status == .usage)
        // At a prompt the same diagnostic reads as plain lines, its usage lines indented.
        let prompt = Session(environment: SessionEnvironment(width: 120, readFile: readFile))
        type(in: prompt, "load scenarios/ofac-easing.scn", line: 1)
        #expect(type(in: prompt, "explain Cisko", line: 2).error
                == "'Cisko' is no vendor, segment, origin, channel or event here; did you mean 'Cisco'?\n")
        #expect(type(in: prompt, "load", line: 3).error == "usage: load FILE\n  example: load scenarios/ofac-easing.scn\n")
    }

    @Test func sweepAndCalibrateErrorsPointIntoTheInput() {
        type("load scenarios/china-chip-share.scn")
        let sweep = type("sweep  leakage=x..y installed share origin CN in chips at 2023-01", line: 2)
        #expect(sweep.error.hasPrefix("<input>:2:16: error: expected a number for the range's first value, found 'x'\n"))
        let outcome = type("sweep leakage=2%..4% installed shar origin CN in chips at 2023-01", line: 3)
        #expect(outcome.error.hasPrefix("<input>:3:"))
        let bounds = type("calibrate leakage 2%..x to installed share origin CN in chips at 2023-01 = 50%", line: 4)
        #expect(bounds.error.hasPrefix("<input>:4:23: error: expected a number for the interval's high end, found 'x'\n"))
        let target = type("calibrate leakage to installed share origin XX in chips at 2023-01 = 50%", line: 5)
        #expect(target.error.hasPrefix("<input>:5:"))
        // Bounds outside the valid range: at the bounds as typed, in their unit.
        let range = type("calibrate leakage 0%..120% to installed share origin CN in chips at 2023-01 = 50%", line: 6)
        #expect(range.error.hasPrefix("<input>:6:19: error: the bounds 0%..120% of 'leakage' leave its valid range\n"))
        #expect(range.error.contains("note: 'leakage' (declared at scenarios/china-chip-share.scn:51:7) accepts values from 0% to 100% where it is used\n"))
    }

    /// Without `to`, calibrate fits the loaded scenario's own observations, with the
    /// bounds written any of the ways the batch spellings allow.
    @Test func calibrateWithoutATargetFitsTheObservations() {
        type("load \(Fixtures.observedChips)")
        let fit = type("calibrate us_access in 1%..20%, eu_access", line: 2)
        #expect(!fit.failed)
        #expect(fit.output.hasPrefix("Observed test chips — calibration to its 2 fit observations\n"))
        #expect(fit.output.contains("\nus_access  7%     "))
        #expect(fit.output.contains("\neu_access  35%    "))
        #expect(fit.output.hasSuffix("1 of 1 check within its uncertainty\n"))
        #expect(type("calibrate us_access 1%..20% eu_access", line: 3).output == fit.output)
        #expect(type("calibrate us_access 1%..20%, eu_access", line: 4).output == fit.output)
        let dangling = type("calibrate us_access in", line: 5)
        #expect(dangling.failed && dangling.error.hasPrefix("usage: calibrate NAME [LOW..HIGH]"))
        let unknown = type("calibrate us_acess", line: 6)
        #expect(unknown.failed && unknown.error.contains("unknown parameter 'us_acess'") && unknown.error.contains("did you mean 'us_access'?"))
        type("load scenarios/ofac-easing.scn", line: 7)
        let none = type("calibrate x", line: 8)
        #expect(none.failed && none.error.contains("unknown parameter 'x'"))
    }

    @Test func problemsAtAPromptStayPlain() {
        type("load scenarios/ofac-easing.scn")
        #expect(type("compare a b", line: 2).error == "'a' is no run, segment, vendor or channel\n")
    }

    @Test func plotFitsTheWidth() {
        type("load scenarios/china-chip-share.scn")
        type("run")
        let chart = type("plot --by origin").output
        #expect(chart.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(chart.hasPrefix("run1: chips — installed share by origin, 2021-01 to 2023-12\n"))
        for label in ["● CN", "○ HK", "◆ US", "■ EU", "▲ AS"] { #expect(chart.contains(label)) }
        #expect(chart.contains("1 2022-03 Export controls after the invasion"))
        #expect(chart.hasSuffix("(as an SVG: chart --by origin -o FILE.svg)\n"))
    }

    /// The share axis is labelled in round steps from 0% to just above the peak.
    @Test func plotTicksAreRound() {
        type("load scenarios/ofac-easing.scn")
        type("run")
        let labels = type("plot").output.split(separator: "\n").filter { $0.contains("┤") }.map { $0.prefix { $0 != "┤" }.trimmingCharacters(in: .whitespaces) }
        #expect(labels == ["60%", "40%", "20%", "0%"])
    }

    @Test func chartAndReportWriteTheSessionsRuns() {
        type("load scenarios/ofac-easing.scn")
        type("run as baseline")
        type("drop event \"OFAC GL 25\"")
        type("run as none")
        #expect(type("chart baseline none --by origin -o cmp.svg").output == "wrote the compare chart of baseline and none to cmp.svg\n")
        let svg = disk.files["cmp.svg"] ?? ""
        #expect(svg.hasPrefix("<svg") && svg.contains("difference, none − baseline") && svg.contains("first divergence"))
        #expect(type("report baseline none -o r.html").output == "wrote the report of baseline and none to r.html\n")
        #expect(disk.files["r.html"]?.contains("<h2>Comparison</h2>") == true)
        #expect(type("chart --kind fan -o f.svg").error.hasPrefix("OFAC easing (GL 25), April 2022 has no uncertain parameter"))
        #expect(type("chart baseline").error.hasPrefix("chart writes an SVG file: give -o FILE.svg"))
        #expect(type("chart --kind pie -o x.svg").error == "--kind is lines, area, compare, fan, not 'pie'\n")
    }
}

@Suite struct InputAssemblerTests {
    @Test func terminalBlocksCloseOnAnEmptyLine() {
        var a = InputAssembler(interactive: true)
        #expect(a.feed("event \"X\" 2022:").isEmpty)
        #expect(a.isInBlock)
        #expect(a.feed("  access A to 0%").isEmpty)
        #expect(a.feed("") == [.init(text: "event \"X\" 2022:\n  access A to 0%", line: 1)])
    }

    @Test func discardingABlockKeepsCountingLines() {
        var a = InputAssembler(interactive: true)
        _ = a.feed("event \"X\" 2022:")
        a.discardBlock()
        #expect(!a.isInBlock)
        #expect(a.feed("runs") == [.init(text: "runs", line: 2)])
    }

    @Test func pipedBlocksCloseOnTheNextUnindentedLine() {
        var a = InputAssembler(interactive: false)
        _ = a.feed("event \"X\" 2022: # comment")
        _ = a.feed("  access A to 0%")
        _ = a.feed("")
        #expect(a.feed("run") == [.init(text: "event \"X\" 2022: # comment\n  access A to 0%", line: 1), .init(text: "run", line: 4)])
    }
}

@Suite struct TranscriptTests {
    @Test func parsesPromptsContinuationsAndOutput() {
        let entries = Transcript.parse("sharesim> event \"X\" 2022:\n   ...>   access A to 0%\nsharesim> runs\nno runs yet\n")
        #expect(entries.map(\.input) == ["event \"X\" 2022:\n  access A to 0%", "runs"])
        #expect(entries[1].expected == ["no runs yet"])
        #expect(entries[1].line == 3)
        #expect(entries[1].inputLine == 3)
    }

    @Test func aWidthLineBeforeAPromptSetsTheWidthFromThere() {
        let entries = Transcript.parse("sharesim> runs\nno runs\n# width 120\nsharesim> help\n# width 100\nsaid, not set\n")
        #expect(entries.map(\.width) == [80, 120])
        #expect(entries.map(\.declaresWidth) == [false, true])
        #expect(entries[0].expected == ["no runs"])
        #expect(entries[1].expected == ["# width 100", "said, not set"])
        #expect(Transcript.format(entries[1], reply: Reply(output: "x\n")) == "# width 120\nsharesim> help\nx\n")
    }

    static let readPackageFile: @Sendable (String) throws -> Data = { try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent($0)) }

    @Test func aSessionRecordedWideReplaysAsRecorded() {
        let recording = Session(environment: SessionEnvironment(width: 120, readFile: Self.readPackageFile))
        var text = Transcript.widthLine(120)
        for (i, input) in ["load scenarios/ofac-easing.scn", "run as a", "drop event \"OFAC GL 25\"", "run as b", "compare a b"].enumerated() {
            text += Transcript.format(input: input, reply: recording.execute(InputAssembler.Input(text: input, line: i + 1)))
        }
        #expect(Transcript.replay(Transcript.parse(text), in: Session(environment: SessionEnvironment(readFile: Self.readPackageFile))) == nil)
        let atEighty = Transcript.parse(String(text.dropFirst(Transcript.widthLine(120).count)))
        #expect(Transcript.replay(atEighty, in: Session(environment: SessionEnvironment(readFile: Self.readPackageFile))) != nil)
    }

    /// Commands that need a scenario say why there is none as `run` does.
    @Test(arguments: ["sweep leakage=1%,2% installed share origin CN in chips at 2023-01",
                      "calibrate leakage to installed share origin CN in chips at 2023-01 = 80%",
                      "montecarlo 10 1", "sources", "explain Huawei"])
    func commandsWithoutAScenarioSayWhy(_ command: String) {
        let reply = Session(environment: SessionEnvironment()).execute(InputAssembler.Input(text: command, line: 1))
        #expect(reply.failed)
        #expect(reply.error == "no scenario yet\nhelp: load one with 'load FILE', or type its statements\n")
    }

    /// At a prompt a file that cannot be read is a plain line, as `export`'s and `save`'s are.
    @Test func anUnreadableFileAtThePromptReadsAsOtherReplies() {
        let reply = Session(environment: SessionEnvironment()).execute(InputAssembler.Input(text: "load nosuch.scn", line: 1))
        #expect(reply.failed && reply.status == .noInput)
        #expect(reply.error == "cannot read 'nosuch.scn': no such file\n")
    }

    @Test func aSessionRecordedInColourReplays() {
        let coloured = Session(environment: SessionEnvironment(color: true))
        let reply = coloured.execute(InputAssembler.Input(text: "lod", line: 1))
        #expect(reply.error.contains("\u{1B}["))
        let text = Transcript.format(input: "lod", reply: reply)
        #expect(text == "sharesim> lod\n<input>:1:1: error: unknown command 'lod'\n 1 | lod\n   | ^~~\nhelp: did you mean 'load'?\n")
        #expect(Transcript.replay(Transcript.parse(text), in: Session(environment: SessionEnvironment())) == nil)
    }

    /// docs/repl.md's session blocks, read in order, are one session that replays as shown.
    @Test func theWalkthroughInTheDocsReplays() throws {
        let doc = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/repl.md"), encoding: .utf8)
        let blocks = doc.components(separatedBy: "```\n").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let session = blocks.filter { $0.hasPrefix(Transcript.prompt) }
        #expect(session.count == 5)
        let entries = Transcript.parse(session.joined())
        #expect(entries.count == 16)
        #expect(Transcript.replay(entries, in: Session(environment: SessionEnvironment(readFile: Self.readPackageFile))) == nil)
    }

    @Test func reportsTheFirstMismatchWithItsLine() {
        let entries = Transcript.parse("sharesim> runs\nno runs at all\n")
        let m = Transcript.replay(entries, in: Session(environment: SessionEnvironment()))
        #expect(m == Transcript.Mismatch(line: 2, input: "runs", expected: "no runs at all", actual: "no runs yet; 'run' or 'run as NAME' makes one"))
    }
}
