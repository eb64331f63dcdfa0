import Foundation
import ShareSimTestSupport
import Testing

/// The REPL on a real pseudo-terminal: typing, Tab completion, history across sessions,
/// Ctrl-C during a long run, Ctrl-D. Serialized: each one owns a terminal and a state dir.
@Suite(.serialized) struct TerminalTests {
    let state: URL

    init() throws {
        state = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-tty-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    }

    var environment: [String: String] { ["XDG_STATE_HOME": state.path, "HOME": state.path] }

    /// Ctrl-D at the prompt ends the session with status 0; the screen goes with a failure.
    private func ctrlDLeaves(_ t: TerminalSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        t.type("\u{4}")
        let status = try t.waitForExit()
        #expect(status == 0, "exit status \(status); \(t.screenEnding)", sourceLocation: sourceLocation)
    }

    // Each test types only once a prompt is drawn (see `TerminalSession.enter`), and each
    // exit check carries the screen, so a failure shows what the person would have seen.

    @Test func typingRunsAndCtrlDLeaves() throws {
        let t = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment)
        let prompt = try t.waitFor("sharesim> ")
        try t.enter("run\r", expecting: "expect: 4 passed, 0 failed", after: prompt)
        try ctrlDLeaves(t)
    }

    /// Bytes that are not UTF-8 during a history search (Ctrl-R) once made libedit abort in
    /// the statically linked release build, ending the session; they reach it as U+FFFD now.
    @Test func bytesThatAreNotUTF8DuringAHistorySearchKeepTheSession() throws {
        let t = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment)
        let prompt = try t.waitFor("sharesim> ")
        t.type(bytes: [0x12, 0xFD, 0x90, 0x89, 0xB6, 0xA2, 0xB6])
        // Ctrl-G leaves the search; the session then answers as before.
        try t.enter("\u{7}\u{15}run\r", expecting: "expect: 4 passed, 0 failed", after: prompt)
        try ctrlDLeaves(t)
    }

    /// The session's what-if edits are journalled as each is made (mode 0600): after a
    /// `kill -9` the next session on the file offers them back, and leaving removes the journal.
    @Test func editsOfAKilledSessionAreOfferedBackByTheNext() throws {
        let first = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment)
        let prompt = try first.waitFor("sharesim> ")
        try first.enter("drop event \"OFAC GL 25\"\r", expecting: "drop event", after: prompt)
        first.killProgram()
        _ = try first.waitForExit()
        let directory = state.appendingPathComponent("sharesim").path
        let journals = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("session-") }
        #expect(journals.count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/" + (journals.first ?? ""))[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment)
        let offer = try second.waitFor("ended without saving 1 what-if edit")
        try second.waitFor("restore them? [y/N] ", after: offer)
        let restored = try second.enter("y\r", expecting: "restored 1 what-if edit", after: offer)
        try second.enter("diff\r", expecting: "+ drop event \"OFAC GL 25\"", after: restored)
        second.type("\u{4}")
        try second.waitFor("unsaved what-if edit", after: restored)
        try ctrlDLeaves(second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("session-") } == [])
    }

    @Test func tabCompletesCommandsAndNames() throws {
        let t = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment)
        let prompt = try t.waitFor("sharesim> ")
        try t.enter("expl\tCis\t\r", expecting: "share telecom Cisco = 4.4%", after: prompt)
        try ctrlDLeaves(t)
    }

    @Test func historyIsRecalledInTheNextSession() throws {
        let first = try TerminalSession(arguments: ["repl"], environment: environment)
        try first.enter("help plot\r", expecting: "example: plot telecom", after: first.waitFor("sharesim> "))
        try ctrlDLeaves(first)
        let file = state.appendingPathComponent("sharesim/history")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("help plot"))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let second = try TerminalSession(arguments: ["repl"], environment: environment)
        try second.enter("\u{1B}[A\r", expecting: "example: plot telecom", after: second.waitFor("sharesim> "))
        try ctrlDLeaves(second)
    }

    @Test func ctrlCCancelsALongRunAndKeepsTheSession() throws {
        let big = state.appendingPathComponent("big.json")
        try Self.longScenario().write(to: big, atomically: true, encoding: .utf8)
        let t = try TerminalSession(arguments: ["repl", big.path], environment: environment)
        let prompt = try t.waitFor("sharesim> ")
        t.type("run\r")
        // The editor echoes the line and moves to the next once it has accepted it; from
        // then on a Ctrl-C belongs to the run, however soon it comes.
        try t.waitFor("run\r\n", after: prompt)
        usleep(100_000)
        t.type("\u{3}")
        let cancelled = try t.waitFor("sharesim> ", after: t.waitFor("run cancelled", after: prompt))
        try t.enter("runs\r", expecting: "no runs yet", after: cancelled)
        try ctrlDLeaves(t)
    }

    /// The REPL's montecarlo draws the batch command's progress bar on the terminal (the
    /// last redraw, at 100%, always comes), and clears it before the table.
    @Test func montecarloAtThePromptShowsTheBatchCommandsProgressBar() throws {
        let t = try TerminalSession(arguments: ["repl", "scenarios/china-chip-share.scn"], environment: environment)
        let prompt = try t.waitFor("sharesim> ")
        t.type("montecarlo 2000 seed 42 at 2023-01\r")
        let bar = try t.waitFor("100% [##############################] 2000/2000 runs", after: prompt)
        let cleared = try t.waitFor("\r\u{1B}[K", after: bar)
        let table = try t.waitFor("p50", after: cleared)
        _ = try t.waitFor("sharesim> ", after: table)
        try ctrlDLeaves(t)
    }

    @Test func ctrlDWarnsOnceAboutUnsavedEdits() throws {
        let t = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment)
        let prompt = try t.waitFor("sharesim> ")
        let edited = try t.enter("drop event \"OFAC GL 25\"\r", expecting: "\r\n", after: prompt)
        try t.enter("\u{4}", expecting: "1 unsaved what-if edit", after: edited)
        try ctrlDLeaves(t)
    }

    @Test func anUnwritableHistoryWarnsOnceInOneLine() throws {
        // A state directory under a regular file cannot be created, whoever runs the test.
        let blocker = state.appendingPathComponent("blocker")
        try "".write(to: blocker, atomically: true, encoding: .utf8)
        let t = try TerminalSession(arguments: ["repl"], environment: ["XDG_STATE_HOME": blocker.appendingPathComponent("state").path])
        var prompt = try t.waitFor("sharesim> ")
        prompt = try t.enter("runs\r", expecting: "no runs yet", after: prompt)
        try t.enter("runs\r", expecting: "no runs yet", after: prompt)
        try ctrlDLeaves(t)
        let warning = "sharesim: cannot save history to \(blocker.path)/state/sharesim/history: not a directory\r\n"
        #expect(t.screen.components(separatedBy: warning).count == 2, "\(t.screenEnding)")
        #expect(!t.screen.contains("Error Domain"), "\(t.screenEnding)")
    }

    @Test func outputFollowsAResizeAndTheTranscriptKeepsTheWidth() throws {
        let transcript = state.appendingPathComponent("resized.txt").path
        let t = try TerminalSession(arguments: ["repl", "--record", transcript, "scenarios/ofac-easing.scn"], environment: environment)
        var prompt = try t.waitFor("sharesim> ")
        prompt = try t.enter("run as a\r", expecting: "expect: 4 passed", after: prompt)
        try Self.resize(recording: transcript, columns: 70)
        try t.enter("compare a a\r", expecting: "no vendor differs", after: prompt)
        try ctrlDLeaves(t)
        // Without a window size the terminal's width is COLUMNS (100); then 70.
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(recorded.hasPrefix("# width 100\n# the file named on the command line\nsharesim> load \"scenarios/ofac-easing.scn\"\n"))
        let compare = try #require(recorded.components(separatedBy: "# width 70\nsharesim> compare a a\n").last)
        #expect(compare.split(separator: "\n").allSatisfy { $0.count <= 70 }, "\(compare)")
        let replay = try BinaryRunner.run(["replay", transcript])
        #expect(replay.status == 0, "\(replay.stdout)")
    }

    /// Sets the window size of the terminal of the `sharesim` that records to `transcript`,
    /// as resizing its window would (the kernel then sends it SIGWINCH).
    static func resize(recording transcript: String, columns: UInt16) throws {
        for pid in try FileManager.default.contentsOfDirectory(atPath: "/proc") where Int(pid) != nil {
            guard let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            let arguments = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard arguments.first == BinaryRunner.binary.path, arguments.contains(transcript) else { continue }
            let fd = open("/proc/\(pid)/fd/0", O_RDWR | O_NOCTTY)
            guard fd >= 0 else { break }
            defer { close(fd) }
            var size = winsize(ws_row: 30, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
            #expect(ioctl(fd, UInt(TIOCSWINSZ), &size) == 0)
            return
        }
        Issue.record("no sharesim recording to \(transcript) found")
    }

    /// Resolved JSON for a run long enough to interrupt: 120,000 months × 40 vendors × 12 segments.
    static func longScenario() -> String {
        let vendors = (0..<40).map { "{\"id\":\"V\($0)\",\"origin\":\"O\($0 % 4)\"}" }.joined(separator: ",")
        let initial = (0..<40).map { "\"V\($0)\":0.025" }.joined(separator: ",")
        let segments = (0..<12).map { "{\"id\":\"s\($0)\",\"lifetime\":5.0,\"growth\":0.0,\"size\":1.0,\"initial\":{\(initial)}}" }.joined(separator: ",")
        let changes = (0..<12).map { "{\"at\":0,\"segment\":\"s\($0)\",\"vendor\":\"V1\",\"buyer\":null,\"field\":\"trend\",\"to\":0.0001,\"over\":1}" }.joined(separator: ",")
        return "{\"format\":\"sharesim-resolved\",\"version\":1,\"name\":\"long\",\"timeline\":{\"start\":\"2000-01-01\",\"step\":\"month\",\"steps\":120000},"
            + "\"vendors\":[\(vendors)],\"segments\":[\(segments)],\"changes\":[\(changes)]}"
    }
}

/// `replay` through the binary: what it accepts as a transcript and how it fails.
@Suite struct ReplayCommandTests {
    @Test func aFileWithoutPromptsIsNoTranscript() throws {
        let run = try BinaryRunner.run(["replay", "scenarios/ofac-easing.scn", "Tests/Transcripts/11-help.txt"])
        #expect(run.status == 1)
        #expect(run.stderr == "scenarios/ofac-easing.scn:1:1: error: no 'sharesim> ' lines; not a transcript\n"
                + "help: record one with 'sharesim repl --record FILE'\n")
        #expect(run.stdout.hasSuffix("1 passed, 1 failed\n"))
    }

    @Test func updateLeavesANonTranscriptAlone() throws {
        let path = try Fixtures.temporaryFile("notes.txt", "some notes\n")
        let run = try BinaryRunner.run(["replay", "--update", path])
        #expect(run.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "some notes\n")
    }
}

/// A session piped in runs like a scenario file: the first error, whatever command met it,
/// prints `<stdin>:LINE:COL: error: …` and exits 65.
@Suite struct PipedSessionTests {
    @Test func everyErrorIsPlacedOnItsLineAndExits65() throws {
        let cases = [
            ("compare a b", "<stdin>:1:9: error: 'a' is no run, segment, vendor or channel\n"),
            ("sweep leakage=x..y installed share origin CN in telecom at 2023-01", "<stdin>:1:15: error: expected a number for the range's first value, found 'x'\n"),
            ("run\nexport csv out.csv x", "<stdin>:2:20: error: no run named 'x'\n"),
            ("load nosuch.scn", "<stdin>:1:6: error: cannot read 'nosuch.scn': no such file\n"),
            ("undo", "<stdin>:1:1: error: nothing to undo\n"),
            ("reset now", "<stdin>:1:7: error: 'reset' takes no arguments\n"),
        ]
        for (input, expected) in cases {
            let run = try BinaryRunner.run(["repl", "scenarios/ofac-easing.scn"], stdin: input + "\nruns\n")
            #expect(run.status == 65, "\(input)")
            #expect(run.stderr.hasPrefix(expected), "\(input): \(run.stderr)")
            #expect(!run.stdout.contains("no runs yet"), "\(input): went on after the error")
        }
    }

    @Test func aFailedExpectationIsReportedButIsNoError() throws {
        // As with `sharesim run`, which does not check expect lines: `sharesim test` does.
        let run = try BinaryRunner.run(["repl", "scenarios/ofac-easing.scn"],
                                       stdin: "drop event \"Foreign kit barred from government purchasing\"\nrun\nruns\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("expect: 3 passed, 1 failed\n"))
        #expect(run.stdout.contains("run1  OFAC easing"))
    }

    @Test func anUnreadableFileOnTheCommandLineExits66() throws {
        let run = try BinaryRunner.run(["repl", "nosuch.scn"], stdin: "runs\n")
        #expect(run.status == 66)
        #expect(run.stderr == "sharesim: error: cannot read 'nosuch.scn': no such file\n")
    }
}

/// The terminal cases of what a new user hit (issue 7, item 8): output through `tee`, and a
/// recorded session with errors that replays.
extension TerminalTests {
    /// `sharesim repl FILE | tee log`: the prompt and line editing stay on the terminal,
    /// the replies go through the pipe, and Ctrl-D ends it.
    @Test func aPipedStandardOutputKeepsThePromptAndLineEditing() throws {
        let log = state.appendingPathComponent("log").path
        let t = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment, teeTo: log)
        let prompt = try t.waitFor("sharesim> ")
        t.type("expl\tCis\t\r")
        // The reply comes through tee, the next prompt straight to the terminal: either first.
        try t.waitFor("share telecom Cisco = 4.4%", after: prompt)
        try t.waitFor("sharesim> ", after: prompt)
        try ctrlDLeaves(t)
        let written = try String(contentsOfFile: log, encoding: .utf8)
        #expect(written.contains("share telecom Cisco = 4.4%"))
        #expect(!written.contains("sharesim> "))
    }

    /// A session recorded with mistakes in it replays: the file named on the command line is
    /// no typed line, so each error is placed on the same `<input>:LINE:COL` again.
    @Test func aRecordedSessionWithErrorsReplays() throws {
        let transcript = state.appendingPathComponent("t.txt").path
        let t = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn", "--record", transcript], environment: environment)
        var at = try t.waitFor("sharesim> ")
        at = try t.enter("bogus\r", expecting: "unknown command 'bogus'", after: at)
        at = try t.enter("show Nokiaa\r", expecting: "is no run, segment, vendor or channel", after: at)
        at = try t.enter("vendor X origin\r", expecting: "error", after: at)
        try t.enter("run\r", expecting: "expect: 4 passed, 0 failed", after: at)
        try ctrlDLeaves(t)
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(recorded.contains("<input>:1:1: error: unknown command 'bogus'"))
        let replay = try BinaryRunner.run(["replay", transcript])
        #expect(replay.status == 0, "\(replay.stdout)")
        #expect(replay.stdout.hasSuffix("1 passed, 0 failed\n"))
    }
}
