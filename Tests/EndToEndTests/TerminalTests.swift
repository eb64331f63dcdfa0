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

    @Test func typingRunsAndCtrlDLeaves() throws {
        let t = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment)
        try t.waitFor("sharesim> ")
        t.type("run\r")
        try t.waitFor("expect: 4 passed, 0 failed")
        t.type("\u{4}")
        #expect(try t.waitForExit() == 0)
    }

    @Test func tabCompletesCommandsAndNames() throws {
        let t = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment)
        try t.waitFor("sharesim> ")
        t.type("expl\tCis\t\r")
        try t.waitFor("share telecom Cisco = 4.4%")
        t.type("\u{4}")
        #expect(try t.waitForExit() == 0)
    }

    @Test func historyIsRecalledInTheNextSession() throws {
        let first = try TerminalSession(arguments: ["repl"], environment: environment)
        try first.waitFor("sharesim> ")
        first.type("help plot\r")
        try first.waitFor("example: plot telecom")
        first.type("\u{4}")
        #expect(try first.waitForExit() == 0)
        let file = state.appendingPathComponent("sharesim/history")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("help plot"))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let second = try TerminalSession(arguments: ["repl"], environment: environment)
        try second.waitFor("sharesim> ")
        second.type("\u{1B}[A\r")
        try second.waitFor("example: plot telecom")
        second.type("\u{4}")
        #expect(try second.waitForExit() == 0)
    }

    @Test func ctrlCCancelsALongRunAndKeepsTheSession() throws {
        let big = state.appendingPathComponent("big.json")
        try Self.longScenario().write(to: big, atomically: true, encoding: .utf8)
        let t = try TerminalSession(arguments: ["repl", big.path], environment: environment)
        let prompt = try t.waitFor("sharesim> ")
        t.type("run\r")
        // The editor echoes the line and moves to the next once it has accepted it.
        try t.waitFor("run\r\n", after: prompt)
        usleep(300_000)
        t.type("\u{3}")
        let at = try t.waitFor("run cancelled")
        t.type("runs\r")
        try t.waitFor("no runs yet", after: at)
        t.type("\u{4}")
        #expect(try t.waitForExit() == 0)
    }

    @Test func ctrlDWarnsOnceAboutUnsavedEdits() throws {
        let t = try TerminalSession(arguments: ["repl", "scenarios/ofac-easing.scn"], environment: environment)
        try t.waitFor("sharesim> ")
        t.type("drop event \"OFAC GL 25\"\r")
        try t.waitFor("sharesim> ", after: t.screen.count)
        t.type("\u{4}")
        try t.waitFor("1 unsaved what-if edit")
        t.type("\u{4}")
        #expect(try t.waitForExit() == 0)
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
